"""A Python loop under jit unrolls: the jaxpr and the compiled program grow with the trip count."""

# [START equation_counts]
import jax
import jax.numpy as jnp
from jax import lax


def python_loop(x, steps):
    for _ in range(steps):
        x = jnp.sin(x) + 0.5 * x
    return x


def scan_loop(x, steps):
    return lax.scan(lambda v, _: (jnp.sin(v) + 0.5 * v, None), x, length=steps)[0]


trip_counts = [1, 10, 100]
equation_counts = {}
for steps in trip_counts:
    unrolled = jax.make_jaxpr(python_loop, static_argnums=1)(1.0, steps)
    scanned = jax.make_jaxpr(scan_loop, static_argnums=1)(1.0, steps)
    equation_counts[steps] = (len(unrolled.eqns), len(scanned.eqns))
    print(f"{steps:4d} steps: Python loop {len(unrolled.eqns):4d} equations, "
          f"scan {len(scanned.eqns)}")
# [END equation_counts]

# [START compiled_size]
import re


def compiled_instructions(fn, steps):
    """Instructions in the optimised HLO that XLA compiled (all computations)."""
    hlo = jax.jit(fn, static_argnums=1).lower(1.0, steps).compile().as_text()
    return len(re.findall(r"^\s+\S+ = ", hlo, re.M))


compiled_sizes = {}
for steps in [10, 50, 200]:
    compiled_sizes[steps] = (compiled_instructions(python_loop, steps),
                             compiled_instructions(scan_loop, steps))
    print(f"{steps:4d} steps: Python loop {compiled_sizes[steps][0]:4d} HLO instructions, "
          f"scan {compiled_sizes[steps][1]}")
# [END compiled_size]

# [START compile_time]
import time


def compile_seconds(fn, steps):
    jax.clear_caches()  # the cell above compiled these programs: time a real compilation
    lowered = jax.jit(fn, static_argnums=1).lower(1.0, steps)
    begin = time.perf_counter()
    lowered.compile()
    return time.perf_counter() - begin


for steps in [10, 50, 200]:
    print(f"{steps:4d} steps: Python loop {compile_seconds(python_loop, steps) * 1e3:6.1f} ms,"
          f" scan {compile_seconds(scan_loop, steps) * 1e3:5.1f} ms to compile")
# [END compile_time]
