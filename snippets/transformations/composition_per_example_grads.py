"""Per-example gradients: `jit(vmap(grad(f)))`, and the shape each layer adds."""

# [START setup]
import jax
import jax.numpy as jnp

weights_key, features_key, noise_key = jax.random.split(
    jax.random.key(5), 3
)
params = {
    "w": jax.random.normal(weights_key, (3,)),
    "b": jnp.array(0.5),
}
features = jax.random.normal(features_key, (8, 3))
true_w = jnp.array([1.0, -2.0, 0.5])
noise = 0.1 * jax.random.normal(noise_key, (8,))
labels = features @ true_w + noise


def example_loss(params, x, y):
    """Squared error on ONE example: x of shape (3,), scalar y."""
    return (x @ params["w"] + params["b"] - y) ** 2


# [END setup]

# [START layers]
one_example = jax.grad(example_loss)
per_example = jax.jit(jax.vmap(one_example, in_axes=(None, 0, 0)))

single = one_example(params, features[0], labels[0])
batched = per_example(params, features, labels)
print("grad, one example:  ", jax.tree.map(jnp.shape, single))
print("vmap(grad), batch:  ", jax.tree.map(jnp.shape, batched))
# [END layers]

# [START row_is_example]
print("row 3 of the batch:", batched["w"][3])
alone = one_example(params, features[3], labels[3])
print("grad on example 3: ", alone["w"])
# [END row_is_example]
