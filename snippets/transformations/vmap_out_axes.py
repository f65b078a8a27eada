"""`out_axes`: where the batch axis goes in the result."""

from snippets.transformations.vmap_in_axes import (
    points,
    quarter_turn,
    rotate,
)

# [START out_axes]
import jax

by_row = jax.vmap(rotate, in_axes=(None, 0))
by_column = jax.vmap(rotate, in_axes=(None, 0), out_axes=1)
batch_first = by_row(quarter_turn, points)
batch_last = by_column(quarter_turn, points)
print("out_axes=0:", batch_first.shape)
print("out_axes=1:", batch_last.shape)
print("transpose of each other:", bool((batch_last == batch_first.T).all()))
# [END out_axes]

# [START per_output]
import jax.numpy as jnp


def rotate_and_measure(angle, point):
    return rotate(angle, point), jnp.linalg.norm(point)


# Batch axis last in the rotated points, first in the lengths.
batched = jax.vmap(
    rotate_and_measure, in_axes=(None, 0), out_axes=(1, 0)
)
turned, lengths = batched(quarter_turn, points)
print("turned:", turned.shape, "  lengths:", lengths.shape)
# [END per_output]
