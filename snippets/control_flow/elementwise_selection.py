"""Elementwise selection: lax.select, jnp.where, jnp.select and jnp.piecewise."""

# [START select_where]
import jax.numpy as jnp
from jax import lax

temps = jnp.array([-4.0, 3.0, 18.0, 31.0])

# lax.select does not broadcast: both cases must have exactly the same shape
floored = lax.select(temps > 0.0, temps, jnp.zeros_like(temps))
# jnp.where broadcasts, so a scalar case is fine
also_floored = jnp.where(temps > 0.0, temps, 0.0)
floored, also_floored
# [END select_where]


def select_with_scalar():
    # [START select_scalar_fails]
    lax.select(temps > 0.0, temps, 0.0)
    # [END select_scalar_fails]


# [START jnp_select]
# the first condition that holds wins, like an if / elif chain
labels = jnp.select([temps < 0.0, temps < 10.0, temps < 25.0], [0, 1, 2], default=3)
labels
# [END jnp_select]

# [START piecewise]
# cost of heating or cooling towards a band of 15..22 degrees
effort = jnp.piecewise(
    temps,
    [temps < 15.0, temps > 22.0],
    [lambda t: 15.0 - t, lambda t: 2.0 * (t - 22.0), 0.0],
)
effort
# [END piecewise]
