import jax
import numpy as np
import pytest

from snippets.control_flow import static_shape_arithmetic as ssa


def test_np_on_a_shape_is_concrete_and_jnp_is_traced():
    assert issubclass(ssa.np_kind, np.integer)
    assert issubclass(ssa.jnp_kind, jax.core.Tracer)


def test_reshape_with_a_traced_size_raises_type_error():
    with pytest.raises(TypeError, match="concrete values of integer type"):
        ssa.flatten_with_jnp()


def test_reshape_with_np_prod_compiles():
    assert ssa.flat_shape == (2, 12)
