import jax
import jax.numpy as jnp
import numpy as np

from snippets.transformations import composition_per_example_grads as mod


def test_vmap_adds_a_leading_batch_axis_to_every_leaf():
    assert jax.tree.map(jnp.shape, mod.single) == {"w": (3,), "b": ()}
    assert jax.tree.map(jnp.shape, mod.batched) == {"w": (8, 3), "b": (8,)}


def test_every_row_is_the_gradient_of_its_own_example():
    for i in range(8):
        g = mod.one_example(mod.params, mod.features[i], mod.labels[i])
        np.testing.assert_allclose(mod.batched["w"][i], g["w"], rtol=1e-5)
        np.testing.assert_allclose(mod.batched["b"][i], g["b"], rtol=1e-5)


def test_gradient_formula_for_squared_error():
    residual = mod.features @ mod.params["w"] + mod.params["b"] - mod.labels
    np.testing.assert_allclose(mod.batched["b"], 2 * residual, rtol=1e-5)
    np.testing.assert_allclose(mod.batched["w"], 2 * residual[:, None] * mod.features, rtol=1e-5)
