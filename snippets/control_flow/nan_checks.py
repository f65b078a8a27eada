"""`jax_debug_nans` and `jax_debug_infs`: stop at the first invalid value and name its primitive."""

# [START silent_nan]
import jax
import jax.numpy as jnp


def total_log_return(prices):
    ratios = prices[1:] / prices[:-1]
    return jnp.log(ratios).sum()


prices = jnp.array([100.0, 104.0, -3.0, 101.0])  # one corrupt price
print(jax.jit(total_log_return)(prices))
# [END silent_nan]


def raise_with_debug_nans():
    # [START debug_nans_raises]
    import contextlib
    import io

    notes = io.StringIO()  # JAX's printed notes go here (the next cell reruns this, shows them)
    with jax.debug_nans(True), contextlib.redirect_stdout(notes):  # on in this block only
        jax.jit(total_log_return)(prices)
    # [END debug_nans_raises]


# [START debug_nans_caught]
import contextlib
import io
import os
import traceback

JAX_DIR = os.path.dirname(jax.__file__)


def first_invalid_value(fn, *args, flag=jax.debug_nans):
    """Run fn(*args) with a NaN/inf check on; return what it printed and raised."""
    console = io.StringIO()
    with flag(True), contextlib.redirect_stdout(console):
        try:
            fn(*args)
        except FloatingPointError as err:
            frames = traceback.extract_tb(err.__traceback__)
            ours = [f for f in frames if not f.filename.startswith(JAX_DIR)]
            return console.getvalue().splitlines(), err, ours[-1]
    return console.getvalue().splitlines(), None, None


notes, error, frame = first_invalid_value(jax.jit(total_log_return), prices)
print("\n".join([*notes, f"{type(error).__name__}: {error}",
                 f"last frame of ours: {frame.name}",
                 f"debug_nans after the block: {jax.config.jax_debug_nans}"]))
# [END debug_nans_caught]

# [START masked_nan]
def log_or_zero(x):
    return jnp.where(x > 0, jnp.log(x), 0.0)


x = jnp.array([2.0, -1.0])
jit_notes, jit_error, _ = first_invalid_value(jax.jit(log_or_zero), x)
eager_notes, eager_error, eager_frame = first_invalid_value(log_or_zero, x)
print(f"under jit: {jit_error}\neagerly:   {type(eager_error).__name__}: {eager_error}"
      f" (last frame of ours: {eager_frame.name})")
# [END masked_nan]

# [START debug_infs]
prices_with_gap = jnp.array([100.0, 104.0, 0.0])  # a missing price stored as 0
result = jax.jit(total_log_return)(prices_with_gap)
inf_notes, inf_error, inf_frame = first_invalid_value(
    jax.jit(total_log_return), prices_with_gap, flag=jax.debug_infs)
print("\n".join([f"result without the flag: {result}", *inf_notes,
                 f"{type(inf_error).__name__}: {inf_error}",
                 f"last frame of ours: {inf_frame.name}"]))
# [END debug_infs]
