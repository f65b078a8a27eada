"""docs/autodiff/while_loop.md: grad refuses while_loop, forward mode goes through it."""

import jax
import pytest

from snippets.autodiff import while_loop_reverse_mode as m

REVERSE_MODE_MESSAGE = "Reverse-mode differentiation does not work for lax.while_loop"


def test_grad_of_while_loop_raises_value_error():
    with pytest.raises(ValueError, match=REVERSE_MODE_MESSAGE):
        m.reverse_mode()


def test_forward_mode_matches_closed_form_derivative():
    expected = jax.grad(m.closed_form)(1.05, 6)
    assert float(m.value) == pytest.approx(m.closed_form(1.05, 6), rel=1e-6)
    assert float(m.slope) == pytest.approx(float(expected), rel=1e-5)
    assert float(m.jacobian) == pytest.approx(float(m.slope), rel=1e-7)


def test_jvp_carries_the_tangent_in_the_loop():
    # (year, balance, tangent of balance)
    assert m.jvp_carry_types == ["~int32[]", "~float32[]", "~float32[]"]


def test_jvp_agrees_with_the_float64_closed_form_to_float32_precision():
    assert m.exact == pytest.approx(16.2154, abs=1e-4)
    assert m.slope_rel_error < 1e-6
