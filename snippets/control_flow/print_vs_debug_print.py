"""print runs while tracing; jax.debug.print runs every time the compiled program does."""

# [START two_prints]
import jax
import jax.numpy as jnp


python_lines = []  # a copy of each line the Python print writes


@jax.jit
def kinetic_energy(mass, velocity):
    energy = 0.5 * mass * velocity**2
    python_lines.append(f"print sees: {energy}")
    print(python_lines[-1])
    jax.debug.print("jax.debug.print sees: {e}", e=energy)
    return energy


kinetic_energy(2.0, 3.0)
kinetic_energy(4.0, 1.0)
kinetic_energy(4.0, jnp.array([1.0, 2.0]))  # new shape: traced again
# [END two_prints]

module_run_lines = list(python_lines)
