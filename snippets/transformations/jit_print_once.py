"""Purity under jit: a Python side effect runs while tracing, then never again."""

# [START print_at_trace_time]
import jax
import jax.numpy as jnp


python_lines = []  # a copy of every line the Python print writes


def doubled_with_prints(v):
    python_lines.append(f"Python print: v is {v}")
    print(python_lines[-1])
    jax.debug.print("jax.debug.print: v is {v}", v=v)
    return 2.0 * v


fast_doubled = jax.jit(doubled_with_prints)
for start in (1.0, 2.0, 3.0):
    fast_doubled(jnp.array([start, start + 0.5]))
# [END print_at_trace_time]

module_run_lines = list(python_lines)
