"""What a batched predicate costs: under vmap, lax.cond runs both branches for every lane."""

# [START cost]
import jax
import jax.numpy as jnp
from jax import lax


def expensive(v):  # an outer product, then two 64 x 64 matrix products
    m = jnp.outer(v, v)
    return (m @ m @ m).sum(axis=0)


def cheap(v):
    return 2.0 * v


def pick(flag, v):
    return lax.cond(flag, expensive, cheap, v)


vs = jnp.ones((8, 64))
flags = jnp.array([True] + [False] * 7)  # one lane of eight asks for the expensive branch


def flops(f, *args):
    return jax.jit(f).lower(*args).compile().cost_analysis()["flops"]


cost = {
    "expensive alone": flops(jax.vmap(expensive), vs),
    "cheap alone": flops(jax.vmap(cheap), vs),
    "flag per lane": flops(jax.vmap(pick), flags, vs),
    "one flag for all": flops(jax.vmap(pick, in_axes=(None, 0)), True, vs),
}
for name, n in cost.items():
    print(f"{name:17} {n:>12,.0f} FLOPs")
# [END cost]


# [START compiled_ops]
def compiled_ops(f, *args):
    """Count some instructions in the optimized program XLA compiled (all computations)."""
    text = jax.jit(f).lower(*args).compile().as_text()
    return {op: text.count(f" {op}(") for op in ("conditional", "dot", "select")}


ops_per_lane = compiled_ops(jax.vmap(pick), flags, vs)
ops_shared = compiled_ops(jax.vmap(pick, in_axes=(None, 0)), True, vs)
print("flag per lane:   ", ops_per_lane)
print("one flag for all:", ops_shared)
# lax.map runs pick lane after lane: each lane's cond keeps its own scalar flag
ops_mapped = compiled_ops(lambda f, v: lax.map(lambda lane: pick(*lane), (f, v)), flags, vs)
print("lax.map of pick: ", ops_mapped)
# [END compiled_ops]
