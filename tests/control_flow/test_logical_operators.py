import jax
import numpy as np
import pytest

from snippets.control_flow import logical_operators as lo


def test_python_and_works_on_concrete_values_only():
    assert lo.in_band(0.5) is True
    with pytest.raises(jax.errors.TracerBoolConversionError):
        lo.call_jitted_and()


def test_logical_and_is_elementwise_under_jit():
    np.testing.assert_array_equal(lo.band_values, [False, True, False])


def test_python_and_short_circuits_jnp_does_not():
    assert not lo.with_python and not lo.with_jnp
    assert (lo.python_calls, lo.jnp_calls) == (0, 1)


def test_both_sides_are_in_the_jaxpr():
    assert {"gt", "sqrt", "lt", "and"} <= set(lo.band_primitives)
