"""What lax.cond becomes under vmap: a select when the predicate is batched, a cond otherwise."""

# [START batched_predicate]
import jax
import jax.numpy as jnp
from jax import lax


def damp(v):
    return lax.cond(v > 1.0, lambda u: jnp.sqrt(u), lambda u: u * u, v)


values = jnp.array([0.5, 4.0])
batched = jax.make_jaxpr(jax.vmap(damp))(values)
batched
# [END batched_predicate]

batched_primitives = [e.primitive.name for e in batched.eqns]


# [START shared_predicate]
def damp_all(flag, v):
    return lax.cond(flag, lambda u: jnp.sqrt(u), lambda u: u * u, v)


shared = jax.make_jaxpr(jax.vmap(damp_all, in_axes=(None, 0)))(True, values)
shared
# [END shared_predicate]

shared_primitives = [e.primitive.name for e in shared.eqns]

# [START exercise_solution]
def smoothstep(x):
    region = jnp.digitize(x, jnp.array([0.0, 1.0]))  # 0 below, 1 inside, 2 above
    return lax.switch(region, [jnp.zeros_like, lambda t: t * t * (3.0 - 2.0 * t),
                               jnp.ones_like], x)


points = jnp.array([-1.0, 0.25, 0.5, 2.0])
smooth_primitives = [e.primitive.name for e in jax.make_jaxpr(jax.vmap(smoothstep))(points).eqns]
print("primitives under vmap:", smooth_primitives)
jax.vmap(smoothstep)(points)
# [END exercise_solution]

smooth_values = jax.vmap(smoothstep)(points)
