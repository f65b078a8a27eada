"""Differentiating a while_loop solver through the implicit function theorem, with custom_vjp."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax


def update(x, theta):
    # a contraction for |theta| < 1: iterating it converges
    return theta * jnp.cos(x) + 0.3


def solve(theta, tol=1e-6, max_iter=500):
    """Iterate `update` until successive values differ by < tol."""
    def step(state):
        i, x, _ = state
        return i + 1, update(x, theta), x

    def unsettled(state):
        i, x, previous = state
        return (jnp.abs(x - previous) > tol) & (i < max_iter)

    first = update(0.0, theta)
    iterations, x, _ = lax.while_loop(unsettled, step, (1, first, 0.0))
    return x, iterations
# [END define]

# [START implicit_vjp]
@jax.custom_vjp
def fixed_point(theta):
    return solve(theta)[0]


def fixed_point_fwd(theta):
    x = fixed_point(theta)
    return x, (x, theta)   # only the answer is saved, not the iterates


def fixed_point_bwd(saved, x_bar):
    x, theta = saved
    # x = update(x, theta)  =>  dx/dtheta = u_theta / (1 - u_x)
    u_x, u_theta = jax.grad(update, argnums=(0, 1))(x, theta)
    return (x_bar * u_theta / (1.0 - u_x),)


fixed_point.defvjp(fixed_point_fwd, fixed_point_bwd)

jax.grad(fixed_point)(0.8)
# [END implicit_vjp]

# [START compare_unrolled]
def fixed_steps(theta, steps=200):
    return lax.fori_loop(0, steps, lambda _, x: update(x, theta), 0.0)


x_star, n_iter = solve(0.8)
implicit = jax.grad(fixed_point)(0.8)
through_loop = jax.grad(fixed_steps)(0.8)
_, forward = jax.jvp(lambda t: solve(t)[0], (0.8,), (1.0,))
print(f"x* = {float(x_star):.6f} after {int(n_iter)} iterations")
print(f"implicit (custom_vjp)   {float(implicit):.6f}")
print(f"grad of 200-step loop   {float(through_loop):.6f}")
print(f"jvp through while_loop  {float(forward):.6f}")
unrolled_gap = abs(float(implicit) - float(through_loop))
jvp_gap = abs(float(implicit) - float(forward))
print(f"|implicit - 200 steps| = {unrolled_gap:.1e}")
print(f"|implicit - jvp|       = {jvp_gap:.1e}")
# [END compare_unrolled]


# [START exercise_solution]
def update_two(x, a, b):
    return a * jnp.tanh(x) + b


@jax.custom_vjp
def tanh_fixed_point(a, b):
    def step(state):
        return update_two(state[0], a, b), state[0]

    def unsettled(state):
        return jnp.abs(state[0] - state[1]) > 1e-6

    start = (update_two(0.0, a, b), 0.0)
    return lax.while_loop(unsettled, step, start)[0]


def tanh_fwd(a, b):
    x = tanh_fixed_point(a, b)
    return x, (x, a, b)


def tanh_bwd(saved, x_bar):
    x, a, b = saved
    u_x, u_a, u_b = jax.grad(update_two, argnums=(0, 1, 2))(x, a, b)
    scale = x_bar / (1.0 - u_x)
    return scale * u_a, scale * u_b


tanh_fixed_point.defvjp(tanh_fwd, tanh_bwd)


def tanh_fixed_steps(a, b, steps=300):
    def body(_, x):
        return update_two(x, a, b)

    return lax.fori_loop(0, steps, body, 0.0)


implicit_ab = jax.grad(tanh_fixed_point, argnums=(0, 1))(0.5, 0.2)
fixed_steps_ab = jax.grad(tanh_fixed_steps, argnums=(0, 1))(0.5, 0.2)
print("implicit: ", [round(float(g), 6) for g in implicit_ab])
print("300 steps:", [round(float(g), 6) for g in fixed_steps_ab])
# [END exercise_solution]
