"""jax.hessian is jacfwd(jacrev(f)): its FLOPs against the other orders and one HVP."""

# [START define]
import jax
import jax.numpy as jnp

N, M = 64, 32
a = jax.random.normal(jax.random.key(0), (M, N)) / N**0.5


def f(x):
    return jnp.sum(jnp.tanh(a @ x))   # R^64 -> R


x = jnp.linspace(-1.0, 1.0, N)
v = jnp.ones(N)
# [END define]

# [START flops]
def hvp(x, v):
    return jax.jvp(jax.grad(f), (x,), (v,))[1]   # forward over reverse, one direction


programs = {
    "jax.hessian": (jax.hessian(f), (x,)),
    "jacfwd(jacrev)": (jax.jacfwd(jax.jacrev(f)), (x,)),
    "jacrev(jacrev)": (jax.jacrev(jax.jacrev(f)), (x,)),
    "jacfwd(jacfwd)": (jax.jacfwd(jax.jacfwd(f)), (x,)),
    "jacrev(jacfwd)": (jax.jacrev(jax.jacfwd(f)), (x,)),
    "one HVP": (hvp, (x, v)),
    "grad": (jax.grad(f), (x,)),
}
flops = {name: jax.jit(fn).lower(*args).compile().cost_analysis()["flops"]
         for name, (fn, args) in programs.items()}
for name, count in flops.items():
    print(f"{name:15} {count:>10,.0f} FLOPs")
# [END flops]

hessian = jax.hessian(f)(x)
ORDERS = ("jacfwd(jacrev)", "jacrev(jacrev)", "jacfwd(jacfwd)", "jacrev(jacfwd)")
orders_agree = all(bool(jnp.allclose(programs[k][0](x), hessian, atol=1e-6)) for k in ORDERS)
hvp_agrees = bool(jnp.allclose(hvp(x, v), hessian @ v, atol=1e-5))


# [START exercise_solution]
def hessian_diagonal_by_hvps(x):
    basis = jnp.eye(N)
    return jax.vmap(lambda e: hvp(x, e) @ e)(basis)


diagonal = hessian_diagonal_by_hvps(x)
print("matches the Hessian's diagonal:",
      bool(jnp.allclose(diagonal, jnp.diag(jax.hessian(f)(x)), atol=1e-5)))
diag_flops = jax.jit(hessian_diagonal_by_hvps).lower(x).compile().cost_analysis()["flops"]
print(f"{diag_flops:,.0f} FLOPs, against {flops['jax.hessian']:,.0f} for the full Hessian")
# [END exercise_solution]
