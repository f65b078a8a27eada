"""A Python `if` on a traced value fails under jit; `jnp.where` computes both sides instead."""

import jax


def call_with_python_if():
    # [START python_if]
    @jax.jit
    def leaky_relu(v):
        if v > 0:
            return v
        return 0.1 * v

    leaky_relu(3.0)
    # [END python_if]


# [START where_instead]
import jax.numpy as jnp


@jax.jit
def leaky_relu(v):
    return jnp.where(v > 0, v, 0.1 * v)


leaky_relu(jnp.array([-2.0, 0.0, 3.0]))
# [END where_instead]
