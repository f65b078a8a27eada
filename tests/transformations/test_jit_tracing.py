import jax
import jax.numpy as jnp
import numpy as np

from snippets.transformations import jit_tracing as mod


def test_function_receives_one_abstract_tracer():
    assert len(mod.arguments_seen) == 1
    (seen,) = mod.arguments_seen
    assert isinstance(seen, jax.core.Tracer)
    assert seen.aval.shape == (5,)
    assert seen.aval.dtype == jnp.float32


def test_jitted_result_matches_eager():
    np.testing.assert_allclose(mod.bumped, mod.gaussian_bump(mod.samples), rtol=1e-6)


def test_jaxpr_records_the_primitives_in_order():
    assert mod.primitive_names == ["neg", "mul", "exp", "mul", "add"]
