"""Reverse-mode-friendly rewrites of a while_loop: static fori_loop, masked scan."""

# [START fori_static]
import functools

import jax
import jax.numpy as jnp
from jax import lax


def savings_fori(rate, years):
    def one_year(_, balance):
        return balance * rate + 0.5

    return lax.fori_loop(0, years, one_year, 1.0)


@functools.partial(jax.jit, static_argnums=1)
def savings_slope(rate, years):
    return jax.grad(savings_fori)(rate, years)


fori_slope = savings_slope(1.05, 6)
fori_slope
# [END fori_static]

# [START fori_static_jaxpr]
program = jax.make_jaxpr(savings_fori, static_argnums=1)(1.05, 6)
[eqn.primitive.name for eqn in program.eqns]
# [END fori_static_jaxpr]

fori_static_primitives = [
    eqn.primitive.name
    for eqn in jax.make_jaxpr(savings_fori, static_argnums=1)(1.05, 6).eqns]


def fori_traced_bound():
    # [START fori_traced_bound]
    jax.jit(jax.grad(savings_fori))(1.05, 6)
    # [END fori_traced_bound]


# [START early_stop_while]
def grow_past(rate, target=10.0):
    """Grow until the balance passes target."""
    def one_year(state):
        year, balance = state
        return year + 1, balance * rate + 0.5

    def below(state):
        return state[1] < target

    return lax.while_loop(below, one_year, (0, 1.0))


(years_needed, final), (_, final_slope) = jax.jvp(
    grow_past, (1.05,), (1.0,))
print(f"{int(years_needed)} years, balance {float(final):.4f}, "
      f"jvp slope {float(final_slope):.4f}")
# [END early_stop_while]

# [START early_stop_scan]
def grow_past_masked(rate, target=10.0, max_years=64):
    def one_year(state, _):
        year, balance = state
        running = balance < target
        # once stopped, the state passes through unchanged
        balance = jnp.where(running, balance * rate + 0.5, balance)
        year = jnp.where(running, year + 1, year)
        return (year, balance), None

    (year, balance), _ = lax.scan(
        one_year, (0, 1.0), length=max_years)
    return balance, year


(masked_final, masked_years), masked_slope = (
    grow_past_masked(1.05),
    jax.grad(lambda r: grow_past_masked(r)[0])(1.05),
)
print(f"{int(masked_years)} years, balance {float(masked_final):.4f}, "
      f"grad slope {float(masked_slope):.4f}")
# [END early_stop_scan]

# [START masked_residuals]
import contextlib
import io

from jax.ad_checkpoint import print_saved_residuals

with contextlib.redirect_stdout(io.StringIO()) as report:
    print_saved_residuals(lambda r: grow_past_masked(r)[0], 1.05)
residual_types = [line.split()[0] for line in report.getvalue().splitlines()]
print("saved for the backward pass:", residual_types)
# [END masked_residuals]


# [START exercise_setup]
def halve_until_while(scale, target=0.5):
    def step(x):
        return 0.5 * x + 0.1 * scale

    return lax.while_loop(lambda x: x > target, step, 4.0 * scale)
# [END exercise_setup]


# [START exercise_solution]
def halve_until(scale, target=0.5, max_steps=32):
    """Halve and nudge x until it drops to target or below."""
    def step(x, _):
        running = x > target
        return jnp.where(running, 0.5 * x + 0.1 * scale, x), running

    x, ran = lax.scan(step, 4.0 * scale, length=max_steps)
    return x, ran.sum()


by_grad = jax.grad(lambda s: halve_until(s)[0])(1.0)
_, by_jvp = jax.jvp(halve_until_while, (1.0,), (1.0,))
steps = int(halve_until(1.0)[1])
print(f"{steps} steps; grad {float(by_grad):.6f}, "
      f"jvp {float(by_jvp):.6f}")
# [END exercise_solution]
