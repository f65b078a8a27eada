"""jax.debug.print inside a vmapped lax.cond: both branches print, once per lane."""

# [START batched_print]
import contextlib
import io

import jax
import jax.numpy as jnp
from jax import lax


def grow(v):
    jax.debug.print("grow sees {v}", v=v)
    return 10.0 * v


def shrink(v):
    jax.debug.print("shrink sees {v}", v=v)
    return v / 10.0


def scale(x, level):
    return lax.cond(level > 1.0, grow, shrink, x)


def printed_lines(f, *args):
    """Call f; return the lines jax.debug.print wrote meanwhile."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        jax.block_until_ready(f(*args))
        jax.effects_barrier()  # the prints come from the runtime: wait for them
    return out.getvalue().splitlines()


xs = jnp.array([0.5, 2.0, 3.0])
per_lane_lines = printed_lines(jax.jit(jax.vmap(scale)), xs, xs)  # each lane its own level
print(*per_lane_lines, sep="\n")
# [END batched_print]

# [START shared_level]
shared_lines = printed_lines(jax.jit(jax.vmap(scale, in_axes=(0, None))), xs, 2.0)
print(*shared_lines, sep="\n")
# [END shared_level]

# [START jaxpr_prints]
batched_jaxpr = jax.make_jaxpr(jax.vmap(scale))(xs, xs)
print([e.primitive.name for e in batched_jaxpr.eqns if e.primitive.name != "squeeze"])
# [END jaxpr_prints]

n_debug_prints = sum(e.primitive.name == "debug_print" for e in batched_jaxpr.eqns)
with contextlib.redirect_stdout(io.StringIO()):
    per_lane_results = jax.block_until_ready(jax.jit(jax.vmap(scale))(xs, xs))
    jax.effects_barrier()
