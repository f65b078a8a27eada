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

# [START where_sanitised]
def root_or_line_safe(x):
    positive = x > 0
    # sqrt never sees x <= 0, so its derivative stays finite
    safe_x = jnp.where(positive, x, 1.0)
    return jnp.where(positive, jnp.sqrt(safe_x), 0.5 * x)


safe_slopes = jax.vmap(jax.grad(root_or_line_safe))(points)
safe_slopes
# [END where_sanitised]


# [START exercise_solution]
def log_or_zero(x):
    """log(x) for x > 0, else 0; finite gradients everywhere."""
    positive = x > 0
    safe_x = jnp.where(positive, x, 1.0)
    return jnp.where(positive, jnp.log(safe_x), 0.0)


probes = jnp.array([-1.0, 0.0, 0.5, 2.0])
exercise_slopes = jax.vmap(jax.grad(log_or_zero))(probes)
exercise_slopes
# [END exercise_solution]
