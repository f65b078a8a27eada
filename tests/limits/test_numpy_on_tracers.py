import jax
import numpy as np
import pytest

from snippets.limits import numpy_on_tracers as m

EXPECTED = {
    "np.sin(x)": "TracerArrayConversionError",
    "np.exp(x) * x": "TracerArrayConversionError",
    "scipy.special.erf(x)": "TracerArrayConversionError",
    "np.sum(x ** 2)": 3.0,
    "np.max(x * 5.0)": 5.0,  # the slope of 5x, not the reference row
    "x ** 2 (reference)": 3.0,
}


def test_every_outcome_in_the_table():
    assert m.outcomes == EXPECTED


def test_numpy_ufunc_raises_tracer_array_conversion_error():
    with pytest.raises(jax.errors.TracerArrayConversionError):
        m.call_numpy_sin()


def test_numpy_constants_enter_as_constants():
    expected = np.sum(2 * (0.3 - m.nodes))
    np.testing.assert_allclose(jax.grad(m.spread)(0.3), expected, rtol=1e-5)
    assert m.nodes.dtype == np.float64
