"""lax.switch with a batched index: every branch runs on every lane, then select_n picks."""

# [START batched_index]
import jax
import jax.numpy as jnp
from jax import lax

BRANCHES = [jnp.sin, jnp.cos, jnp.tanh, jnp.exp]


def apply_one(i, x):
    return lax.switch(i, BRANCHES, x)


indices = jnp.array([0, 1, 5, -1])  # 5 and -1 lie outside 0..3
x = jnp.ones(4)
switch_jaxpr = jax.make_jaxpr(jax.vmap(apply_one))(indices, x)
switch_jaxpr
# [END batched_index]

switch_primitives = [e.primitive.name for e in switch_jaxpr.eqns]
final_select = switch_jaxpr.eqns[-1]


# [START lane_by_lane]
batched = jax.vmap(apply_one)(indices, x)
lane_by_lane = jnp.stack([apply_one(i, v) for i, v in zip(indices, x, strict=True)])
print("vmap:        ", batched)
print("lane by lane:", lane_by_lane)


def transcendentals(f, *args):
    return jax.jit(f).lower(*args).compile().cost_analysis()["transcendentals"]


cost_per_lane = transcendentals(jax.vmap(apply_one), indices, x)
cost_shared = transcendentals(jax.vmap(apply_one, in_axes=(None, 0)), 0, x)
print("transcendentals, index per lane:   ", cost_per_lane)
print("transcendentals, one index for all:", cost_shared)
# [END lane_by_lane]

