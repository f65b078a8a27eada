"""The order of transformations decides what is computed."""

from snippets.transformations.composition_per_example_grads import (
    example_loss,
    features,
    labels,
    params,
    per_example,
)

# [START batch_losses]
import jax
import jax.numpy as jnp

batch_losses = jax.vmap(example_loss, in_axes=(None, 0, 0))
losses = batch_losses(params, features, labels)
print("vmap(loss) returns", losses.shape)
# [END batch_losses]


def grad_of_vmapped_loss():
    # [START grad_of_vmap]
    jax.grad(batch_losses)(params, features, labels)
    # [END grad_of_vmap]


# [START grad_of_mean]
def mean_loss(params, x, y):
    return jnp.mean(batch_losses(params, x, y))


batch_gradient = jax.jit(jax.grad(mean_loss))(params, features, labels)
print("grad(mean of vmap):", jax.tree.map(jnp.shape, batch_gradient))

# The other route: per-example gradients, then their mean.
each = per_example(params, features, labels)
averaged = jax.tree.map(lambda g: g.mean(axis=0), each)
differences = jax.tree.map(
    lambda a, b: jnp.abs(a - b).max(), batch_gradient, averaged
)
gap = max(jax.tree.leaves(differences))
print("largest difference:", gap)
# [END grad_of_mean]


# [START norms_differ]
def flat_norms(grads):
    """Norm of a whole gradient, or of each gradient in a batch."""
    squared = jnp.sum(grads["w"] ** 2, axis=-1) + grads["b"] ** 2
    return jnp.sqrt(squared)


mean_of_norms = flat_norms(each).mean()
norm_of_mean = flat_norms(batch_gradient)
print(f"mean of per-example norms:  {mean_of_norms:.4f}")
print(f"norm of the batch gradient: {norm_of_mean:.4f}")
# [END norms_differ]
