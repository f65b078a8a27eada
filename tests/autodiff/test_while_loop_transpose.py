"""docs/autodiff/while_loop.md: linearize goes through while_loop, transposing it raises."""

import pytest

from snippets.autodiff import while_loop_reverse_mode as loop
from snippets.autodiff import while_loop_transpose as m

REVERSE_MODE_MESSAGE = "Reverse-mode differentiation does not work for lax.while_loop"


def test_linearize_gives_value_and_tangent():
    assert float(m.balance) == pytest.approx(float(loop.value), rel=1e-7)
    assert float(m.tangent_of(1.0)) == pytest.approx(float(loop.slope), rel=1e-7)


def test_linear_function_is_still_a_while_loop_recomputing_the_balance():
    # carry: (year, balance, tangent); the body still adds the 0.5 deposit to the balance
    assert [str(v.aval) for v in m.linear_loop.outvars] == ["~int32[]", "~float32[]", "~float32[]"]
    assert m.linear_body_primitives == ["add", "add_any", "mul"]


def test_forward_half_of_vjp_succeeds_and_the_pullback_raises():
    assert float(m.vjp_value) == pytest.approx(float(loop.value), rel=1e-7)
    with pytest.raises(ValueError, match=REVERSE_MODE_MESSAGE):
        m.call_pullback()


def test_the_error_comes_from_the_while_transpose_rule():
    assert m.raiser.name == "_while_transpose_error"
    assert m.raiser.filename.endswith("jax/_src/lax/control_flow/loops.py")


def test_input_that_only_feeds_the_predicate_gets_zero_gradient():
    assert float(m.years_for_target) == 15.0  # 1.05**15 = 2.08 >= 2 > 1.05**14 = 1.98
    assert float(m.d_years) == 0.0
