"""Python `and`/`or` need a bool; jnp.logical_and/or work on tracers and evaluate both sides."""

# [START python_and]
import jax
import jax.numpy as jnp


def in_band(x):
    return x > 0.0 and x < 1.0


in_band(0.5)
# [END python_and]


def call_jitted_and():
    # [START python_and_jit]
    jax.jit(in_band)(0.5)
    # [END python_and_jit]


# [START logical_and]
@jax.jit
def in_band_jit(x):
    return jnp.logical_and(x > 0.0, x < 1.0)


in_band_jit(jnp.array([-0.5, 0.5, 1.5]))
# [END logical_and]

band_values = in_band_jit(jnp.array([-0.5, 0.5, 1.5]))

# [START no_short_circuit]
evaluated = []


def root_is_small(x):
    evaluated.append(x)
    return jnp.sqrt(x) < 2.0


x = jnp.float32(-1.0)
with_python = x > 0.0 and root_is_small(x)  # stops early
python_calls = len(evaluated)
with_jnp = jnp.logical_and(x > 0.0, root_is_small(x))  # both run
with_python, python_calls, with_jnp, len(evaluated) - python_calls
# [END no_short_circuit]

jnp_calls = len(evaluated) - python_calls

# [START both_sides_compiled]
def guarded(x):
    return jnp.logical_and(x > 0.0, jnp.sqrt(x) < 2.0)


jax.make_jaxpr(guarded)(1.0)
# [END both_sides_compiled]

band_primitives = [eqn.primitive.name for eqn in jax.make_jaxpr(guarded)(1.0).jaxpr.eqns]
