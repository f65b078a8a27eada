"""Exercise solution: a matrix of pairwise distances from two nested `vmap`s."""

# [START solution]
import jax
import jax.numpy as jnp


def distance(p, q):
    return jnp.sqrt(jnp.sum((p - q) ** 2))


starts = jnp.array([[0.0, 0.0], [1.0, 1.0], [3.0, -1.0]])
ends = jnp.array([[0.0, 1.0], [2.0, 2.0], [-1.0, 0.0], [4.0, 3.0]])

# The inner vmap runs over the ends for one start; the outer one over
# the starts.
one_start_to_all_ends = jax.vmap(distance, in_axes=(None, 0))
all_pairs = jax.vmap(one_start_to_all_ends, in_axes=(0, None))(
    starts, ends
)
print(all_pairs.shape)
print(all_pairs)
# [END solution]
