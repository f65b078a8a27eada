"""`vmap` turns a `cond` with a batched predicate into a select that runs both branches."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax


def root_or_line(x):
    # sqrt is only meant to see positive inputs
    return lax.cond(x > 0, jnp.sqrt, lambda v: 0.5 * v, x)


points = jnp.array([-4.0, 0.0, 1.0, 4.0])
# [END define]

# [START batched_jaxpr]
batched_jaxpr = jax.make_jaxpr(jax.vmap(root_or_line))(points)
batched_jaxpr
# [END batched_jaxpr]

batched_primitives = [eqn.primitive.name for eqn in batched_jaxpr.jaxpr.eqns]

# [START cond_gradient]
# batch the gradient, or differentiate the batched function
cond_slopes = jax.vmap(jax.grad(root_or_line))(points)
batched_slopes = jax.grad(lambda xs: jax.vmap(root_or_line)(xs).sum())(points)
cond_slopes, batched_slopes
# [END cond_gradient]

batched_grad_jaxpr = jax.make_jaxpr(jax.vmap(jax.grad(root_or_line)))(points)

# [START where_gradient]
def root_or_line_where(x):
    return jnp.where(x > 0, jnp.sqrt(x), 0.5 * x)


where_slopes = jax.vmap(jax.grad(root_or_line_where))(points)
where_slopes
# [END where_gradient]
