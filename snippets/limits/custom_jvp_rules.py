"""jax.custom_jvp: giving a function the derivative its formula gets wrong at some point."""

# [START log1pexp_naive]
import jax
import jax.numpy as jnp


def log1pexp_naive(x):
    return jnp.log(1.0 + jnp.exp(x))


print("value:", log1pexp_naive(100.0), " gradient:", jax.grad(log1pexp_naive)(100.0))
# [END log1pexp_naive]

# [START log1pexp_rule]
@jax.custom_jvp
def log1pexp(x):
    return jnp.log(1.0 + jnp.exp(x))


@log1pexp.defjvp
def log1pexp_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    # d/dx log(1 + e^x) = e^x / (1 + e^x) = sigmoid(x), which never overflows
    return log1pexp(x), jax.nn.sigmoid(x) * x_dot


print("value:", log1pexp(100.0), " gradient:", jax.grad(log1pexp)(100.0))
print("softplus:", jax.nn.softplus(100.0), jax.grad(jax.nn.softplus)(100.0))
# [END log1pexp_rule]

# [START log1pexp_jaxpr]
grad_jaxpr = jax.make_jaxpr(jax.grad(log1pexp))(100.0)
print(grad_jaxpr)
# [END log1pexp_jaxpr]


# [START sqrt_ratio]
def ratio(x):
    return x / (1.0 + jnp.sqrt(x))


def ratio_double_where(x):
    safe = jnp.where(x > 0, x, 1.0)
    return jnp.where(x > 0, safe / (1.0 + jnp.sqrt(safe)), 0.0)


@jax.custom_jvp
def ratio_rule(x):
    return x / (1.0 + jnp.sqrt(x))


@ratio_rule.defjvp
def ratio_rule_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    s = jnp.sqrt(x)
    # quotient rule, simplified: finite at x = 0, where it is 1
    return ratio_rule(x), (1.0 + s / 2) / (1.0 + s) ** 2 * x_dot


h = 1e-6
quotient_at_0 = (ratio(h) - ratio(0.0)) / h
print("difference quotient at 0:", quotient_at_0)
versions = {"plain": ratio, "double where": ratio_double_where, "custom_jvp": ratio_rule}
grads = {name: (jax.grad(f)(0.0), jax.grad(f)(4.0)) for name, f in versions.items()}
for name, (at_0, at_4) in grads.items():
    print(f"{name:13} grad at 0: {float(at_0):.6f}   grad at 4: {float(at_4):.6f}")
# [END sqrt_ratio]


# [START safe_norm]
@jax.custom_jvp
def safe_norm(v):
    return jnp.sqrt(jnp.sum(v**2))


@safe_norm.defjvp
def safe_norm_jvp(primals, tangents):
    (v,), (v_dot,) = primals, tangents
    n = safe_norm(v)
    direction = jnp.where(n == 0, 0.0, v / jnp.where(n == 0, 1.0, n))
    return n, direction @ v_dot   # at 0: the zero subgradient


zero, point = jnp.zeros(3), jnp.array([3.0, 4.0, 0.0])
print("jnp.linalg.norm at 0:", jax.grad(jnp.linalg.norm)(zero))
print("safe_norm at 0:      ", jax.grad(safe_norm)(zero))
print("safe_norm at (3,4,0):", jax.grad(safe_norm)(point))
print("Hessian at (3,4,0) matches:",
      bool(jnp.allclose(jax.hessian(safe_norm)(point), jax.hessian(jnp.linalg.norm)(point))))
# [END safe_norm]


# [START exercise_solution]
@jax.custom_jvp
def log1p_over_x(x):
    """log(1 + x) / x, extended by its limit 1 at x = 0."""
    safe = jnp.where(x == 0, 1.0, x)
    return jnp.where(x == 0, 1.0, jnp.log1p(safe) / safe)


@log1p_over_x.defjvp
def log1p_over_x_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    safe = jnp.where(x == 0, 1.0, x)
    slope = (safe / (1.0 + safe) - jnp.log1p(safe)) / safe**2
    return log1p_over_x(x), jnp.where(x == 0, -0.5, slope) * x_dot


print("value at 0:", log1p_over_x(0.0), " gradient at 0:", jax.grad(log1p_over_x)(0.0))
print("gradient at 0.5:", jax.grad(log1p_over_x)(0.5),
      " plain autodiff:", jax.grad(lambda x: jnp.log1p(x) / x)(0.5))
# [END exercise_solution]
