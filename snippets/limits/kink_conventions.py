"""Kinks: the gradient JAX returns exactly at the corner of abs, relu, maximum and friends."""

from snippets.limits.jump_gradients import markdown_table  # the page defines it one cell earlier

# [START kink_table]
import jax
import jax.numpy as jnp

# name -> (function, where its corner is)
kinks = {
    "jnp.abs(x)": (jnp.abs, 0.0),
    "jax.nn.relu(x)": (jax.nn.relu, 0.0),
    "jnp.maximum(x, 0.0)": (lambda x: jnp.maximum(x, 0.0), 0.0),
    "jnp.where(x > 0, x, 0.0)": (lambda x: jnp.where(x > 0, x, 0.0), 0.0),
    "jnp.clip(x, 0.0, 1.0)": (lambda x: jnp.clip(x, 0.0, 1.0), 0.0),
    "jax.nn.leaky_relu(x)": (jax.nn.leaky_relu, 0.0),
    "jax.nn.relu6(x)": (jax.nn.relu6, 6.0),
    "jax.nn.hard_tanh(x)": (jax.nn.hard_tanh, 1.0),
}


def convention(left, at, right):
    # Which one-sided slope (if any) did JAX pick at the corner?
    if at == left:
        return "left slope"
    if at == right:
        return "right slope"
    if at == (left + right) / 2:
        return "mean of both slopes"
    return "other"


corner_slopes = {}  # name -> gradient at c-0.1, c, c+0.1
for name, (fn, c) in kinks.items():
    corner_slopes[name] = [float(jax.grad(fn)(jnp.float32(c + h)))
                           for h in (-0.1, 0.0, 0.1)]

markdown_table(
    ["function", "corner c", "grad c-0.1", "grad c", "grad c+0.1",
     "JAX follows"],
    [[f"`{name}`", f"{kinks[name][1]:g}", *(f"{g:g}" for g in slopes),
      convention(*slopes)] for name, slopes in corner_slopes.items()],
)
# [END kink_table]
