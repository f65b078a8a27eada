"""What `jax.jit` sees: abstract tracers, and the jaxpr they record."""

# [START define]
import jax
import jax.numpy as jnp


def damped_wave(t):
    return jnp.exp(-0.5 * t) * jnp.cos(3.0 * t)
# [END define]

# [START peek_at_tracer]
seen = []


def peek(t):
    seen.append(f"{type(t).__name__}: {t.aval}")
    return damped_wave(t)


jax.jit(peek)(jnp.arange(4.0))
print(seen[0])
# [END peek_at_tracer]

# [START show_jaxpr]
jaxpr = jax.make_jaxpr(damped_wave)(jnp.arange(4.0))
jaxpr
# [END show_jaxpr]

primitive_names = [eqn.primitive.name for eqn in jaxpr.jaxpr.eqns]


def trigger_bool_error():
    # [START traced_if]
    @jax.jit
    def clipped(t):
        if t > 0:
            return t
        return 0.0

    clipped(2.0)
    # [END traced_if]
