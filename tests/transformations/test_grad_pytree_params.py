import jax
import jax.numpy as jnp
import numpy as np
from jax.test_util import check_grads

from snippets.transformations import grad_pytree_params as mod


def test_gradient_tree_mirrors_parameter_tree():
    assert jax.tree.structure(mod.grads) == jax.tree.structure(mod.params)
    assert jax.tree.map(jnp.shape, mod.grads) == {
        "hidden": {"w": (2, 4), "b": (4,)}, "readout": {"w": (4,), "b": ()}}


def test_output_bias_gradient_is_twice_the_mean_error():
    np.testing.assert_allclose(mod.grads["readout"]["b"], mod.by_hand, rtol=1e-5)


def test_whole_gradient_agrees_with_finite_differences():
    check_grads(lambda p: mod.loss(p, mod.inputs, mod.targets), (mod.params,), order=1,
                modes=["rev"], atol=1e-2, rtol=1e-2)


def test_one_step_against_the_gradient_lowers_the_loss():
    before = mod.loss(mod.params, mod.inputs, mod.targets)
    after = mod.loss(mod.step, mod.inputs, mod.targets)
    assert after < before


def test_bias_leaf_within_1e_6_of_the_hand_value():
    assert abs(float(mod.grads["readout"]["b"] - mod.by_hand)) < 1e-6
