"""NaN gradients through jnp.where, and the double-where fix."""

# [START where_nan]
import jax
import jax.numpy as jnp


def log_or_zero(x):
    return jnp.where(x > 0, jnp.log(x), 0.0)


naive_value, naive_grad = log_or_zero(0.0), jax.grad(log_or_zero)(0.0)
print("value at 0:", naive_value)
print("grad at 0 :", naive_grad)
# [END where_nan]

# [START where_nan_jaxpr]
jax.make_jaxpr(jax.grad(log_or_zero))(0.0)
# [END where_nan_jaxpr]

where_nan_jaxpr = jax.make_jaxpr(jax.grad(log_or_zero))(0.0)

# [START double_where]
def log_or_zero_safe(x):
    positive = x > 0
    # Where the result is discarded, give log a harmless input.
    safe_x = jnp.where(positive, x, 1.0)
    return jnp.where(positive, jnp.log(safe_x), 0.0)


xs = jnp.array([0.0, 0.5, 2.0])
safe_values = jax.vmap(log_or_zero_safe)(xs)
safe_grads = jax.vmap(jax.grad(log_or_zero_safe))(xs)
print("value:", safe_values)
print("grad :", safe_grads)
# [END double_where]


# [START exercise_safe_norm]
def safe_norm(v):
    is_zero = jnp.all(v == 0)
    # At the zero vector, differentiate the norm somewhere harmless.
    v_safe = jnp.where(is_zero, jnp.ones_like(v), v)
    return jnp.where(is_zero, 0.0, jnp.linalg.norm(v_safe))


print("grad at 0     :", jax.grad(jnp.linalg.norm)(jnp.zeros(3)))
print("safe at 0     :", jax.grad(safe_norm)(jnp.zeros(3)))
print("safe at [3, 4]:", jax.grad(safe_norm)(jnp.array([3.0, 4.0])))
# [END exercise_safe_norm]
