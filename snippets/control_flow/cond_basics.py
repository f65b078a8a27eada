"""lax.cond: a scalar boolean predicate, two branch functions, operands, matching outputs."""

# [START cond]
import jax
import jax.numpy as jnp
from jax import lax


def bounce(height, velocity):
    # below the floor: reflect and lose energy; otherwise fall freely
    return lax.cond(
        height < 0.0,
        lambda h, v: (-h, -0.8 * v),
        lambda h, v: (h, v - 9.81 * 0.01),
        height, velocity,
    )


step = jax.jit(bounce)
bounced, falling = step(-0.2, -3.0), step(1.0, 0.0)
bounced, falling
# [END cond]


def mismatched_structure():
    # [START mismatched_structure]
    # the second branch forgets to return the velocity
    lax.cond(True, lambda h, v: (-h, -v), lambda h, v: (h,), 1.0, 2.0)
    # [END mismatched_structure]


def mismatched_dtype():
    # [START mismatched_dtype]
    lax.cond(True, lambda v: v, lambda v: jnp.int32(0), 1.0)
    # [END mismatched_dtype]


def array_predicate():
    # [START array_predicate]
    heights = jnp.array([0.5, -0.1])
    lax.cond(heights < 0.0, jnp.abs, jnp.negative, heights)
    # [END array_predicate]
