"""Keep the data-dependent loop in Python and jit only the step it repeats."""

# [START pattern]
import jax
import jax.numpy as jnp

traces = []


@jax.jit
def diffuse(field):
    traces.append("diffuse")  # runs at trace time only
    neighbours = jnp.roll(field, 1) + jnp.roll(field, -1)
    return 0.5 * field + 0.25 * neighbours


def diffuse_until_flat(field, tolerance=1e-2):
    steps = 0
    while jnp.ptp(field) > tolerance:  # concrete: Python decides
        field = diffuse(field)
        steps += 1
    return field, steps


start = jax.random.uniform(jax.random.key(7), (12,))
flat, steps = diffuse_until_flat(start)
steps, len(traces)
# [END pattern]
