"""lax.map applies a function one slice at a time (or batch_size at a time); vmap all at once."""

# [START map_vs_vmap]
import jax
import jax.numpy as jnp
from jax import lax


def energy(row):
    return jnp.sum(row**2) - jnp.prod(jnp.cos(row))


rows = jax.random.normal(jax.random.key(3), (6, 4))
by_map = lax.map(energy, rows)
by_chunks = lax.map(energy, rows, batch_size=3)
by_vmap = jax.vmap(energy)(rows)
jnp.allclose(by_map, by_vmap), jnp.allclose(by_chunks, by_vmap)
# [END map_vs_vmap]

# [START what_they_lower_to]
def loop_shape(jaxpr):
    scans = [e for e in jaxpr.eqns if e.primitive.name == "scan"]
    return f"scan of length {scans[0].params['length']}" if scans else "no loop"


program_shapes = {}
for name, f in {"lax.map": lambda r: lax.map(energy, r),
                "lax.map, batch_size=3": lambda r: lax.map(energy, r, batch_size=3),
                "vmap": jax.vmap(energy)}.items():
    program_shapes[name] = loop_shape(jax.make_jaxpr(f)(rows))
    print(f"{name:22s} {program_shapes[name]}")
# [END what_they_lower_to]
