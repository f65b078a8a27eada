"""lax.while_loop: loop until a traced condition fails, with an unknown number of steps."""

# [START newton]
import jax
import jax.numpy as jnp
from jax import lax


@jax.jit
def cube_root(a, tolerance=1e-6):
    def not_done(state):
        x, step = state
        return jnp.abs(x**3 - a) > tolerance * a

    def newton(state):
        x, step = state
        return x - (x**3 - a) / (3.0 * x**2), step + 1

    return lax.while_loop(not_done, newton, (a, 0))


roots = (cube_root(27.0), cube_root(1.5))
roots
# [END newton]

# [START exercise_solution]
def cube_root_fixed(a, steps=12):
    def newton(i, x):
        return x - (x**3 - a) / (3.0 * x**2)
    return lax.fori_loop(0, steps, newton, a)  # static bounds: a scan underneath


exercise_grad = jax.grad(cube_root_fixed)(8.0)
exercise_grad, 1.0 / 12.0
# [END exercise_solution]
