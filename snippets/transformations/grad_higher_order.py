"""Derivatives of derivatives: `jax.grad` applied to a function that `jax.grad` returned."""

# [START nested]
import jax
import jax.numpy as jnp


def wobble(t):
    return t * jnp.sin(t)


derivative = wobble
jax_values = []
for _ in range(3):
    derivative = jax.grad(derivative)
    jax_values.append(derivative(0.7))
# [END nested]

# [START compare]
t = 0.7
by_hand = [
    jnp.sin(t) + t * jnp.cos(t),  # wobble'
    2 * jnp.cos(t) - t * jnp.sin(t),  # wobble''
    -3 * jnp.sin(t) - t * jnp.cos(t),  # wobble'''
]
for order, (ours, exact) in enumerate(
    zip(jax_values, by_hand, strict=True), start=1
):
    print(
        f"order {order}: jax.grad {ours:+.6f}  by hand {exact:+.6f}"
    )
# [END compare]
