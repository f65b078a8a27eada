"""jax.custom_vjp: a backward pass of your own, what it rules out, and clipping inside it."""

# [START define]
import jax
import jax.numpy as jnp


@jax.custom_vjp
def wave(x):
    return jnp.sin(x)


def wave_fwd(x):
    return jnp.sin(x), jnp.cos(x)    # value, and the residual the backward pass needs


def wave_bwd(cos_x, y_bar):
    return (cos_x * y_bar,)


wave.defvjp(wave_fwd, wave_bwd)
print("grad:", jax.grad(wave)(1.0), " cos(1):", jnp.cos(1.0))
# [END define]


def forward_mode_of_custom_vjp():
    # [START jacfwd_error]
    jax.jacfwd(wave)(1.0)
    # [END jacfwd_error]


# [START hessian]
print("hessian:", jax.hessian(wave)(1.0), " -sin(1):", -jnp.sin(1.0))
# [END hessian]

# [START clip]
from functools import partial


@partial(jax.custom_vjp, nondiff_argnums=(0,))
def clip_cotangent(max_norm, x):
    return x                           # the identity on values


def clip_fwd(max_norm, x):
    return x, None                     # nothing to save


def clip_bwd(max_norm, _, x_bar):      # nondiff arguments come first
    norm = jnp.sqrt(jnp.sum(x_bar**2))
    return (x_bar * jnp.minimum(1.0, max_norm / jnp.maximum(norm, 1e-12)),)


clip_cotangent.defvjp(clip_fwd, clip_bwd)


def loss(w):
    return jnp.sum((5.0 * jnp.tanh(w) - 1.0) ** 2)


def clipped_loss(w):
    return loss(clip_cotangent(1.0, w))


w = jnp.array([0.3, -0.4, 0.1])
g, g_clipped = jax.grad(loss)(w), jax.grad(clipped_loss)(w)
print("loss:", loss(w), clipped_loss(w))
print("gradient:", g, " norm", jnp.linalg.norm(g))
print("clipped: ", g_clipped, " norm", jnp.linalg.norm(g_clipped))
# [END clip]


def traced_max_norm():
    # [START traced_nondiff]
    jax.jit(lambda w, max_norm: jnp.sum(clip_cotangent(max_norm, w)))(w, 1.0)
    # [END traced_nondiff]


# [START clip_traced_setting]
@jax.custom_vjp
def clip_cotangent_traced(max_norm, x):
    return x


def clip_traced_fwd(max_norm, x):
    return x, max_norm                 # the setting travels as a residual


def clip_traced_bwd(max_norm, x_bar):
    norm = jnp.sqrt(jnp.sum(x_bar**2))
    return None, x_bar * jnp.minimum(1.0, max_norm / jnp.maximum(norm, 1e-12))


clip_cotangent_traced.defvjp(clip_traced_fwd, clip_traced_bwd)

jitted_grad = jax.jit(jax.grad(lambda w, max_norm: loss(clip_cotangent_traced(max_norm, w))))
g_jitted = jitted_grad(w, 1.0)
print("clipped under jit:", g_jitted, " norm", jnp.linalg.norm(g_jitted))
# [END clip_traced_setting]


# [START exercise_solution]
@partial(jax.custom_vjp, nondiff_argnums=(0,))
def scale_cotangent(factor, x):
    return x


scale_cotangent.defvjp(lambda factor, x: (x, None),
                       lambda factor, _, x_bar: (factor * x_bar,))


def reversed_loss(w):
    return loss(scale_cotangent(-1.0, w))


print("value unchanged:", bool(reversed_loss(w) == loss(w)))
print("gradient flipped:", bool(jnp.allclose(jax.grad(reversed_loss)(w), -jax.grad(loss)(w))))
# [END exercise_solution]
