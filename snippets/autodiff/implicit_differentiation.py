"""Implicit differentiation the built-in way: lax.custom_root and lax.custom_linear_solve."""

import jax
import jax.numpy as jnp
from jax import lax

from snippets.autodiff.fixed_point_implicit import fixed_point, update


# [START custom_root]
def iterate(f, x0, tol=1e-6, max_iter=500):
    """Find a root of f(x) = u(x) - x by iterating x <- x + f(x) = u(x)."""
    def step(state):
        i, x, _ = state
        return i + 1, x + f(x), x

    def unsettled(state):
        i, x, previous = state
        return (jnp.abs(x - previous) > tol) & (i < max_iter)

    return lax.while_loop(unsettled, step, (1, x0 + f(x0), x0))[1]


def scalar_tangent_solve(g, y):
    # solve g(t) = y for t, where g is the linear map t -> f'(x*) t
    return y / g(1.0)


def fixed_point_root(theta):
    def residual(x):
        return update(x, theta) - x

    return lax.custom_root(residual, 0.0, iterate, scalar_tangent_solve)


print("custom_root:", jax.grad(fixed_point_root)(0.8))
print("custom_vjp: ", jax.grad(fixed_point)(0.8))
print("custom_root, forward mode:", jax.jacfwd(fixed_point_root)(0.8))
# [END custom_root]


def forward_mode_of_hand_written():
    # [START hand_written_forward]
    jax.jacfwd(fixed_point)(0.8)
    # [END hand_written_forward]


# [START closure_setup]
def scaled_update(x, theta, scale):
    return scale * update(x, theta)


def steps_reference(scale, steps=300):
    """Reverse mode through 300 stored iterations: the reference gradient."""
    return lax.fori_loop(0, steps, lambda _, x: scaled_update(x, 0.8, scale), 0.0)
# [END closure_setup]


# [START closure_hand_written]
def hand_written(scale):
    @jax.custom_vjp
    def solve_for(theta):
        return iterate(lambda x: scaled_update(x, theta, scale) - x, 0.0)

    def solve_fwd(theta):
        x = solve_for(theta)
        return x, (x, theta)

    def solve_bwd(saved, x_bar):
        x, theta = saved
        u_x, u_theta = jax.grad(scaled_update, argnums=(0, 1))(x, theta, scale)
        return (x_bar * u_theta / (1.0 - u_x),)   # a cotangent for theta only

    solve_for.defvjp(solve_fwd, solve_bwd)
    return solve_for(0.8)


print("value:", hand_written(0.9))
# [END closure_hand_written]


def grad_of_hand_written():
    return jax.grad(hand_written)(0.9)


# [START closure_hand_written_grad]
try:
    jax.grad(hand_written)(0.9)
except jax.errors.UnexpectedTracerError as error:
    first_line = str(error).splitlines()[0]
    print(f"{type(error).__name__}: {first_line}")
# [END closure_hand_written_grad]


# [START closure_root]
def with_root(scale):
    def residual(x):
        return scaled_update(x, 0.8, scale) - x   # closes over scale

    return lax.custom_root(residual, 0.0, iterate, scalar_tangent_solve)


print("custom_root:      ", jax.grad(with_root)(0.9))
print("300 stored steps: ", jax.grad(steps_reference)(0.9))
# [END closure_root]

# [START closure_root_jaxpr]
root_jaxpr = jax.make_jaxpr(with_root)(0.9)
print(root_jaxpr)
# [END closure_root_jaxpr]

# [START linear_solve]
N = 4
m_matrix = 0.2 * jax.random.normal(jax.random.key(3), (N, N))   # spectral radius < 1
b_vector = jnp.arange(1.0, N + 1)


def neumann(matvec, b, tol=1e-7, max_iter=1000):
    """Solve x = M x + b by iteration; matvec(x) is x - M x."""
    def step(state):
        i, x, _ = state
        return i + 1, b + x - matvec(x), x

    def unsettled(state):
        i, x, previous = state
        return (jnp.max(jnp.abs(x - previous)) > tol) & (i < max_iter)

    return lax.while_loop(unsettled, step, (1, b, jnp.zeros_like(b)))[1]


def solve_iteratively(m, b):
    def matvec(x):
        return x - m @ x   # the operator (I - M)

    return lax.custom_linear_solve(matvec, b, solve=neumann, transpose_solve=neumann)


def solve_directly(m, b):
    return jnp.linalg.solve(jnp.eye(N) - m, b)


def objective(solver, m, b):
    return jnp.sum(solver(m, b) ** 2)


solvers = {"custom_linear_solve": solve_iteratively, "jnp.linalg.solve": solve_directly}
for name, solver in solvers.items():
    d_m, d_b = jax.grad(objective, argnums=(1, 2))(solver, m_matrix, b_vector)
    print(f"{name:20} d/db {d_b}")
# [END linear_solve]

grads_iterative = jax.grad(objective, argnums=(1, 2))(solve_iteratively, m_matrix, b_vector)
grads_direct = jax.grad(objective, argnums=(1, 2))(solve_directly, m_matrix, b_vector)


# [START exercise_solution]
WIDTH = 3
w_mix = 0.5 * jnp.eye(WIDTH) + 0.1
bias = jnp.array([0.1, -0.2, 0.3])


def vector_iterate(f, x0):
    def step(state):
        x, _ = state
        return x + f(x), x

    def unsettled(state):
        x, previous = state
        return jnp.max(jnp.abs(x - previous)) > 1e-6

    return lax.while_loop(unsettled, step, (x0 + f(x0), x0))[0]


def matrix_tangent_solve(g, y):
    return jnp.linalg.solve(jax.jacobian(g)(y), y)   # g is linear: its Jacobian is f'(x*)


def tanh_layer_fixed_point(w, b):
    def residual(x):
        return jnp.tanh(w @ x + b) - x

    return lax.custom_root(residual, jnp.zeros(WIDTH), vector_iterate, matrix_tangent_solve)


def tanh_layer_steps(w, b, steps=200):
    return lax.fori_loop(0, steps, lambda _, x: jnp.tanh(w @ x + b), jnp.zeros(WIDTH))


implicit_db = jax.grad(lambda b: jnp.sum(tanh_layer_fixed_point(w_mix, b)))(bias)
steps_db = jax.grad(lambda b: jnp.sum(tanh_layer_steps(w_mix, b)))(bias)
print("custom_root:", implicit_db)
print("200 steps:  ", steps_db)
# [END exercise_solution]
