import jax
import pytest

from snippets.control_flow import value_dependent_branch as vdb


def test_concrete_values_take_either_branch():
    assert vdb.concrete_values[0] == pytest.approx(1.5)
    assert float(vdb.concrete_values[1]) == 0.0


def test_grad_alone_follows_the_branch_taken():
    assert [float(g) for g in vdb.grad_values] == [1.0, 0.0]


def test_grad_sees_a_tracer_holding_the_value_and_a_concrete_comparison():
    [(argument, comparison)] = vdb.looked
    assert argument.startswith("GradTracer(primal=2.0")
    assert comparison.startswith("Array(True")


def test_jit_raises_tracer_bool_conversion():
    with pytest.raises(jax.errors.TracerBoolConversionError,
                       match="Attempted boolean conversion of traced array"):
        vdb.call_jitted()


def test_jit_sees_an_abstract_scalar():
    assert vdb.seen == ["JitTracer(~float32[])"]


def test_python_while_eager_and_under_jit():
    assert vdb.eager_halvings == 6  # 40 / 2**6 = 0.625 <= 1
    with pytest.raises(jax.errors.TracerBoolConversionError):
        vdb.call_jitted_while()


def test_exercise_where_version_matches_the_branches():
    value, slope_above, slope_below = (float(v) for v in vdb.exercise_values)
    assert value == pytest.approx(1.5)
    assert (slope_above, slope_below) == (1.0, 0.0)
