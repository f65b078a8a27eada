"""`jax.debug.print(..., ordered=True)` under `jit`, `vmap`, `grad` and `jax.checkpoint`."""

# [START capture]
import contextlib
import io

import jax
import jax.numpy as jnp


def printed_lines(fn, *args):
    """Call fn(*args) and return the lines jax.debug.print wrote while it ran."""
    console = io.StringIO()
    with contextlib.redirect_stdout(console):
        jax.block_until_ready(fn(*args))
        jax.effects_barrier()  # wait for every pending callback
    return console.getvalue().splitlines()
# [END capture]

# [START traced_function]
def softplus(x):
    jax.debug.print(ordered=True)("in:  x={x}", x=x)  # options first, then the print
    y = jnp.log1p(jnp.exp(x))
    jax.debug.print(ordered=True)("out: y={y:.4f}", y=y)
    return y


jit_lines = printed_lines(jax.jit(softplus), 0.5)
print("\n".join(jit_lines))
# [END traced_function]

# [START under_vmap]
vmap_lines = printed_lines(jax.vmap(softplus), jnp.array([0.0, 1.0, 2.0]))
print("\n".join(vmap_lines))
# [END under_vmap]

# [START under_grad]
gradients = []
grad_lines = printed_lines(lambda x: gradients.append(jax.grad(softplus)(x)), 0.5)
print("\n".join(grad_lines))
print("grad:", gradients[0])
# [END under_grad]

# [START grad_jaxpr]
grad_jaxpr = jax.make_jaxpr(jax.grad(softplus))(0.5)
grad_primitives = [eqn.primitive.name for eqn in grad_jaxpr.eqns]
print(grad_primitives)
# [END grad_jaxpr]

# [START under_checkpoint]
remat_lines = printed_lines(jax.grad(jax.checkpoint(softplus)), 0.5)
print("\n".join(remat_lines))
# [END under_checkpoint]

# [START scan_under_vmap]
from jax import lax


def running_total(xs):
    def step(total, x):
        jax.debug.print(ordered=True)("total={t} x={x}", t=total, x=x)
        return total + x, total

    return lax.scan(step, 0.0, xs)[0]


scan_lines = printed_lines(jax.vmap(running_total), jnp.array([[1.0, 2.0], [10.0, 20.0]]))
print("\n".join(scan_lines))
# [END scan_under_vmap]


def ordered_io_callback_under_vmap():
    # [START io_callback_refuses]
    import numpy as np
    from jax.experimental import io_callback

    def log_to_host(x):
        return io_callback(np.asarray, jax.ShapeDtypeStruct((), jnp.float32), x,
                           ordered=True)

    jax.vmap(log_to_host)(jnp.array([0.0, 1.0]))
    # [END io_callback_refuses]


# [START exercise_solution]
@jax.custom_vjp
def show_cotangent(x):
    return x


def show_fwd(x):
    return x, None


def show_bwd(_, cotangent):
    jax.debug.print(ordered=True)("cotangent={g:.4f}", g=cotangent)
    return (cotangent,)


show_cotangent.defvjp(show_fwd, show_bwd)


def softplus_watched(x):
    return softplus(show_cotangent(x))


watched_lines = printed_lines(jax.grad(softplus_watched), 0.5)
print("\n".join(watched_lines))
# [END exercise_solution]
