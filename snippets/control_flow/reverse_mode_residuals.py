"""What reverse mode keeps for the backward pass: only the residuals the derivative rules need."""

# [START additions]
import jax.numpy as jnp
from jax.ad_checkpoint import print_saved_residuals


def shift_twice(x):
    y = x + 3.0
    z = y + 3.0
    return z.sum()


print_saved_residuals(shift_twice, jnp.ones(5))
# [END additions]

# [START nonlinear]
def wave(x):
    y = jnp.sin(x)
    z = y * y
    return z.sum()


print_saved_residuals(wave, jnp.ones(5))
# [END nonlinear]


import contextlib  # noqa: E402
import io  # noqa: E402


def residual_lines(f, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(f, *args)
    return out.getvalue().splitlines()


additions_saved = residual_lines(shift_twice, jnp.ones(5))
wave_saved = residual_lines(wave, jnp.ones(5))
