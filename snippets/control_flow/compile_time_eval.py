"""jax.ensure_compile_time_eval: computing on constants while tracing, not in the program."""

# [START staged_window]
import jax
import jax.numpy as jnp


def taper(x):
    window = jnp.hanning(8)  # depends on no argument, yet it is traced
    return x * window


jax.make_jaxpr(taper)(jnp.ones(8))
# [END staged_window]

# [START folded_window]
def taper_folded(x):
    with jax.ensure_compile_time_eval():
        window = jnp.hanning(8)  # computed now, while tracing: a concrete array
    return x * window


jax.make_jaxpr(taper_folded)(jnp.ones(8))
# [END folded_window]

staged_eqns = len(jax.make_jaxpr(taper)(jnp.ones(8)).eqns)
folded_jaxpr = jax.make_jaxpr(taper_folded)(jnp.ones(8))
folded_eqns = len(folded_jaxpr.eqns)
folded_consts = len(folded_jaxpr.consts)
same_taper = bool(jnp.allclose(jax.jit(taper)(jnp.ones(8)), jax.jit(taper_folded)(jnp.ones(8))))

# [START python_branch]
@jax.jit
def taper_normalised(x):
    with jax.ensure_compile_time_eval():
        window = jnp.hanning(8)
        too_heavy = window.sum() > 1.0  # a concrete bool: Python may branch on it
    if too_heavy:
        window = window / window.sum()
    return x * window


taper_normalised(jnp.ones(8)).sum()
# [END python_branch]

normalised_sum = float(taper_normalised(jnp.ones(8)).sum())

# [START traced_inside]
kinds = {}


@jax.jit
def doubled(x):
    with jax.ensure_compile_time_eval():
        y = 2.0 * x  # x is an argument: this stays in the program, no error
        kinds["y"] = type(y).__name__
    return y


doubled(jnp.float32(1.5)), kinds
# [END traced_inside]

doubled_value = float(doubled(jnp.float32(1.5)))


def branch_on_argument():
    # [START branch_on_argument]
    @jax.jit
    def positive_part(x):
        with jax.ensure_compile_time_eval():
            if x > 0:  # the block does not make a traced argument concrete
                return x
        return jnp.zeros_like(x)

    positive_part(jnp.float32(1.5))
    # [END branch_on_argument]
