"""lax.fori_loop becomes a scan when its bounds are static, a while loop when they are traced."""

# [START fori_static]
import jax
from jax import lax


def settle(x, steps):
    return lax.fori_loop(0, steps, lambda i, v: 0.5 * v + 1.0, x)


jax.make_jaxpr(settle, static_argnums=1)(0.0, 10)
# [END fori_static]

static_primitives = [e.primitive.name
                     for e in jax.make_jaxpr(settle, static_argnums=1)(0.0, 10).eqns]

# [START fori_traced]
jax.make_jaxpr(settle)(0.0, 10)
# [END fori_traced]

traced_primitives = [e.primitive.name for e in jax.make_jaxpr(settle)(0.0, 10).eqns]

# [START same_value]
same_value = (jax.jit(settle, static_argnums=1)(0.0, 10), jax.jit(settle)(0.0, 10))
same_value
# [END same_value]
