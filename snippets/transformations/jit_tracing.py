"""What `jax.jit` hands your function: abstract tracers, and the jaxpr they record."""

# [START define]
import jax
import jax.numpy as jnp


def gaussian_bump(v):
    return 1.5 * jnp.exp(-v * v) + v


samples = jnp.linspace(-1.0, 1.0, 5)
# [END define]

# [START peek_at_tracer]
arguments_seen = []


def bump_with_a_look(v):
    arguments_seen.append(v)
    print(f"the function received {v!r}")
    return gaussian_bump(v)


bumped = jax.jit(bump_with_a_look)(samples)
# [END peek_at_tracer]

# [START show_jaxpr]
traced = jax.jit(gaussian_bump).trace(samples)
traced.jaxpr
# [END show_jaxpr]

primitive_names = [
    eqn.primitive.name for eqn in traced.jaxpr.jaxpr.eqns
]
