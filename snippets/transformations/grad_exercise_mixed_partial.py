"""Exercise solution: a mixed second partial derivative from two `jax.grad` calls."""

# [START solution]
import jax
import jax.numpy as jnp


def field(a, b):
    return a**2 * jnp.sin(b)


# Differentiate in a, then differentiate that result in b.
d2_da_db = jax.grad(jax.grad(field, argnums=0), argnums=1)
print("jax:    ", d2_da_db(1.2, 0.4))
print("by hand:", 2 * 1.2 * jnp.cos(0.4))
# [END solution]
