import jax
import numpy as np
import pytest

from snippets.transformations import jit_value_dependent_if as mod


def test_python_if_on_tracer_raises_bool_conversion_error():
    with pytest.raises(jax.errors.TracerBoolConversionError):
        mod.call_with_python_if()


def test_bool_conversion_error_is_a_concretization_error():
    assert issubclass(jax.errors.TracerBoolConversionError, jax.errors.ConcretizationTypeError)


def test_where_version_computes_leaky_relu():
    np.testing.assert_allclose(mod.leaky_relu(np.array([-2.0, 0.0, 3.0], np.float32)),
                               [-0.2, 0.0, 3.0], rtol=1e-6)
