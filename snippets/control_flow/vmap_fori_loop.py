"""lax.fori_loop under vmap: a shared bound keeps its scan, a bound per lane makes a while_loop."""

# [START bounds]
import jax
import jax.numpy as jnp
from jax import lax


def doubling(n, x):
    return lax.fori_loop(0, n, lambda i, y: 2.0 * y + 1.0, x)


ns = jnp.array([1, 3, 5])
x0 = jnp.zeros(3)
shared_bound = jax.make_jaxpr(jax.vmap(lambda x: doubling(3, x)))(x0)
bound_per_lane = jax.make_jaxpr(jax.vmap(doubling))(ns, x0)
print("bound 3 for every lane:", [e.primitive.name for e in shared_bound.eqns])
print("a bound per lane:      ", [e.primitive.name for e in bound_per_lane.eqns])
print("results:", jax.vmap(doubling)(ns, x0))
bound_per_lane
# [END bounds]

shared_primitives = [e.primitive.name for e in shared_bound.eqns]
per_lane_primitives = [e.primitive.name for e in bound_per_lane.eqns]
per_lane_loop = next(e for e in bound_per_lane.eqns if e.primitive.name == "while")
per_lane_predicate = per_lane_loop.params["cond_jaxpr"].out_avals[0]
results = jax.vmap(doubling)(ns, x0)
one_by_one = [doubling(int(n), 0.0) for n in ns]
