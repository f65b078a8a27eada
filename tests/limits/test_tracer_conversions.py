"""docs/limits/outside_jax.md: float() refuses a grad tracer; int, bool, .item() read its value."""

import jax
import pytest

from snippets.limits import tracer_conversions as m


def test_conversion_table_under_grad_and_jit():
    assert m.under == {
        "float(x)": {"grad": "ConcretizationTypeError", "jit": "ConcretizationTypeError"},
        "math.cos(x)": {"grad": "ConcretizationTypeError", "jit": "ConcretizationTypeError"},
        # int(1.5) and True are constants 1: the gradient of 1 * x
        "int(x)": {"grad": 1.0, "jit": "ConcretizationTypeError"},
        "bool(x > 1)": {"grad": 1.0, "jit": "TracerBoolConversionError"},
        # the value 1.5 is a constant factor: half the true derivative 3.0
        "x.item()": {"grad": 1.5, "jit": "ConcretizationTypeError"},
    }


def test_every_conversion_raises_under_jit():
    assert all(isinstance(r["jit"], str) and r["jit"].endswith("Error") for r in m.under.values())


def test_float_under_grad_raises_concretization_type_error():
    with pytest.raises(jax.errors.ConcretizationTypeError, match="`float` function"):
        m.float_under_grad()


def test_item_drops_the_derivative():
    assert float(m.item_gradient) == 1.5
    assert float(m.true_gradient) == 3.0


def test_int_and_bool_lose_nothing_their_derivative_is_zero():
    # where int() is defined as a differentiable op (astype), its derivative is zero too
    assert float(jax.grad(lambda x: x.astype(int).astype(float))(1.5)) == 0.0


def test_float_error_message_suggests_astype():
    assert isinstance(m.float_error, jax.errors.ConcretizationTypeError)
    assert "x.astype(float)" in str(m.float_error)
