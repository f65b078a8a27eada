"""What reverse mode keeps for the backward pass: only the residuals the derivative rules need."""

# [START additions]
import contextlib
import io

import jax.numpy as jnp
from jax.ad_checkpoint import print_saved_residuals


def saved_residuals(f, *args):
    """The lines print_saved_residuals prints, one per saved value, as a list."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(f, *args)
    return out.getvalue().splitlines()


def shift_twice(x):
    y = x + 3.0
    z = y + 3.0
    return z.sum()


additions_saved = saved_residuals(shift_twice, jnp.ones(5))
print(f"{len(additions_saved)} saved residuals: {additions_saved}")
# [END additions]

# [START nonlinear]
def wave(x):
    y = jnp.sin(x)
    z = y * y
    return z.sum()


print_saved_residuals(wave, jnp.ones(5))
# [END nonlinear]


wave_saved = saved_residuals(wave, jnp.ones(5))
