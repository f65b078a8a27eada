"""When jit traces again: a new shape, dtype or weak type, and not a new value."""

# [START count_traces]
import jax
import jax.numpy as jnp
import numpy as np

traced_for = []


def cube_sum(v):
    # A Python side effect: it runs only while JAX traces.
    traced_for.append(jax.typeof(v))
    return jnp.sum(v**3)


fast_cube_sum = jax.jit(cube_sum)
# [END count_traces]

# [START call_sequence]
calls = [
    ("jnp.ones(3)", jnp.ones(3)),
    ("jnp.arange(3.0)", jnp.arange(3.0)),
    ("jnp.ones(4)", jnp.ones(4)),
    ("jnp.ones(3, jnp.int32)", jnp.ones(3, jnp.int32)),
    ("np.ones(3)", np.ones(3)),
    ("2.0", 2.0),
    ("jnp.float32(2.0)", jnp.float32(2.0)),
]
traces_after_call = []
print(f"{'argument':<24}{'JAX sees':<12}traces so far")
for label, argument in calls:
    fast_cube_sum(argument)
    traces_after_call.append(len(traced_for))
    print(
        f"{label:<24}{str(jax.typeof(argument)):<12}{len(traced_for)}"
    )
# [END call_sequence]
