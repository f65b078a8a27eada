"""`jax.disable_jit`: a `lax.while_loop` runs as a Python loop, on concrete values."""

# [START collatz]
import contextlib
import io

import jax
import jax.numpy as jnp
from jax import lax


def collatz_steps(n):
    def not_done(carry):
        value, steps = carry
        print(f"not_done sees {value!r}")  # a plain Python print
        return value != 1

    def step(carry):
        value, steps = carry
        halved, tripled = value // 2, 3 * value + 1
        return lax.select(value % 2 == 0, halved, tripled), steps + 1

    return lax.while_loop(not_done, step, (n, 0))[1]
# [END collatz]

# [START under_jit]
console = io.StringIO()  # capture the prints, to show them together and test them
with contextlib.redirect_stdout(console):
    steps = jax.jit(collatz_steps)(jnp.int32(6))
jit_lines = console.getvalue().splitlines()
print("\n".join([*jit_lines, f"steps: {steps}"]))
# [END under_jit]

# [START disabled]
console = io.StringIO()
with jax.disable_jit(), contextlib.redirect_stdout(console):
    steps = jax.jit(collatz_steps)(jnp.int32(6))
disabled_lines = console.getvalue().splitlines()
print("\n".join([*disabled_lines, f"steps: {steps}"]))
# [END disabled]


def python_if_under_jit():
    # [START python_if_fails]
    def step_with_if(carry):
        value, steps = carry
        if value % 2 == 0:  # a Python branch on the carried value
            return value // 2, steps + 1
        return 3 * value + 1, steps + 1

    jax.jit(lambda n: lax.while_loop(lambda c: c[0] != 1, step_with_if, (n, 0)))(6)
    # [END python_if_fails]


# [START python_if_disabled]
def collatz_with_if(n):
    def step_with_if(carry):
        value, steps = carry
        if value % 2 == 0:  # fine here: value is a concrete array
            return value // 2, steps + 1
        return 3 * value + 1, steps + 1

    return lax.while_loop(lambda c: c[0] != 1, step_with_if, (n, 0))[1]


with jax.disable_jit():
    steps_with_if = jax.jit(collatz_with_if)(jnp.int32(27))
print("steps from 27:", steps_with_if)
# [END python_if_disabled]
