import jax
import pytest

from snippets.control_flow import compile_time_eval as cte


def test_window_is_staged_without_the_block():
    assert cte.staged_eqns > 1


def test_block_folds_the_window_into_one_constant():
    assert cte.folded_eqns == 1
    assert cte.folded_consts == 1
    assert [e.primitive.name for e in cte.folded_jaxpr.eqns] == ["mul"]
    assert cte.same_taper


def test_concrete_values_drive_python_branches():
    assert cte.normalised_sum == pytest.approx(1.0)


def test_traced_argument_stays_traced_without_error():
    assert cte.kinds["y"].endswith("Tracer")
    assert cte.doubled_value == 3.0


def test_branching_on_an_argument_inside_the_block_still_fails():
    with pytest.raises(jax.errors.TracerBoolConversionError):
        cte.branch_on_argument()
