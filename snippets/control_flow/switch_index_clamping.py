"""lax.switch: pick one of several branch functions by an integer index, clamped into range."""

# [START switch]
import jax
import jax.numpy as jnp
from jax import lax

activations = [jax.nn.relu, jnp.tanh, jax.nn.softplus]


@jax.jit
def activate(choice, x):
    return lax.switch(choice, activations, x)


activate(1, -2.0), jnp.tanh(-2.0)
# [END switch]

chosen = activate(1, -2.0)

# [START clamping]
clamped = {}
for choice in [-7, -1, 0, 2, 3, 50]:
    clamped[choice] = float(activate(choice, -2.0))
    print(f"index {choice:3d} -> {clamped[choice]:+.4f}")
# [END clamping]
