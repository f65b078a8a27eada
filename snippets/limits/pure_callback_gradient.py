"""Calling SciPy from JAX with pure_callback, with a derivative from custom_jvp or custom_vjp."""

# [START k0_callback]
import jax
import jax.numpy as jnp
import numpy as np
import scipy.special


def host_call(fn, x):
    # SciPy runs on the host with NumPy arrays; declare the result type.
    return jax.pure_callback(
        lambda v: fn(v).astype(v.dtype),
        jax.ShapeDtypeStruct(x.shape, x.dtype),
        x,
        vmap_method="broadcast_all",
    )


def k0_plain(x):
    return host_call(scipy.special.k0, x)


print(jax.jit(k0_plain)(jnp.float32(1.0)))
print(jax.vmap(k0_plain)(jnp.array([0.5, 1.0, 2.0])))
# [END k0_callback]


def grad_of_plain():
    # [START k0_no_rule]
    jax.grad(k0_plain)(1.0)
    # [END k0_no_rule]


# [START k0_custom_jvp]
@jax.custom_jvp
def k0(x):
    return host_call(scipy.special.k0, x)


@k0.defjvp
def k0_jvp(primals, tangents):
    (x,), (dx,) = primals, tangents
    # d/dx K0(x) = -K1(x), also computed by SciPy.
    return k0(x), -host_call(scipy.special.k1, x) * dx


def central_difference(fn, x, h=1e-6):
    return (fn(x + h) - fn(x - h)) / (2 * h)


xs = jnp.array([0.5, 1.0, 2.0, 4.0])
autodiff = jax.vmap(jax.grad(k0))(xs)
# The reference runs in float64 NumPy, outside JAX entirely.
reference = central_difference(scipy.special.k0, np.asarray(xs, np.float64))
print("jax.grad(k0):       ", autodiff)
print("finite difference:  ", reference)
relative_error = np.abs(np.asarray(autodiff, np.float64) / reference - 1)
print("max relative error: ", relative_error.max())
# [END k0_custom_jvp]


# [START exercise_k1_vjp]
@jax.custom_vjp
def k1(x):
    return host_call(scipy.special.k1, x)


def k1_fwd(x):
    return k1(x), x  # keep x for the backward pass


def k1_bwd(x, cotangent):
    # d/dx K1(x) = -K0(x) - K1(x) / x
    return (cotangent * (-k0(x) - k1(x) / x),)


k1.defvjp(k1_fwd, k1_bwd)

k1_autodiff = jax.vmap(jax.grad(k1))(xs)
k1_reference = central_difference(scipy.special.k1, np.asarray(xs, np.float64))
print("jax.grad(k1):     ", k1_autodiff)
print("finite difference:", k1_reference)
# [END exercise_k1_vjp]
