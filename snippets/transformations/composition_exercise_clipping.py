"""Exercise solution: per-example gradient clipping, which needs vmap(grad) rather than grad."""

from snippets.transformations.composition_order import batch_gradient
from snippets.transformations.composition_per_example_grads import (
    features,
    labels,
    params,
    per_example,
)

# [START solution]
import jax
import jax.numpy as jnp


def clipped_mean_gradient(params, x, y, max_norm=5.0):
    grads = per_example(params, x, y)
    norms = jnp.sqrt(jnp.sum(grads["w"] ** 2, axis=1) + grads["b"] ** 2)
    scale = jnp.minimum(1.0, max_norm / norms)  # one factor per example
    clipped = {
        "w": grads["w"] * scale[:, None],
        "b": grads["b"] * scale,
    }
    return (
        jax.tree.map(lambda g: g.mean(axis=0), clipped),
        norms,
        clipped,
    )


clipped_mean, norms_before, clipped_each = clipped_mean_gradient(
    params, features, labels
)
print("norms before clipping:", norms_before.round(2))
print("clipped examples:     ", jnp.flatnonzero(norms_before > 5.0))
print("clipped mean w:", clipped_mean["w"], " b:", clipped_mean["b"])
print(
    "batch_gradient w:", batch_gradient["w"], " b:", batch_gradient["b"]
)
# [END solution]
