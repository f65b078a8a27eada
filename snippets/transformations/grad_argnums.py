"""Choosing which arguments `jax.grad` differentiates with `argnums`."""

# [START spring]
import jax


def spring_energy(stiffness, stretch):
    return 0.5 * stiffness * stretch**2


print("d/d stiffness:", jax.grad(spring_energy)(4.0, 1.5))
print("d/d stretch:  ", jax.grad(spring_energy, argnums=1)(4.0, 1.5))
# [END spring]

# [START both]
d_stiffness, d_stretch = jax.grad(spring_energy, argnums=(0, 1))(
    4.0, 1.5
)
print(d_stiffness, d_stretch)
# [END both]
