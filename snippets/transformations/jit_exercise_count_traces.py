"""Exercise solution: count how many times jit traces a function over a sequence of calls."""

# [START solution]
import jax
import jax.numpy as jnp


def count_traces(fn, arguments):
    traces = []

    def recorded(v):
        traces.append(jax.typeof(v))
        return fn(v)

    jitted = jax.jit(recorded)
    for argument in arguments:
        jitted(argument)
    return len(traces)


quiz = [
    jnp.zeros(2),
    jnp.ones(2),
    jnp.zeros((2, 1)),
    jnp.zeros(2, jnp.bfloat16),
    1.0,
    7.0,
]
count_traces(jnp.tanh, quiz)
# [END solution]

quiz_traces = count_traces(jnp.tanh, quiz)
