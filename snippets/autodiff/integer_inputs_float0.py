"""Integer inputs: grad refuses them unless allow_int=True, and their tangents are float0."""

# [START define]
import jax
import jax.numpy as jnp


def repeated(x, times):
    return x * times
# [END define]


def grad_of_int():
    # [START int_refused]
    jax.grad(repeated, argnums=1)(2.0, 3)
    # [END int_refused]


# [START allow_int]
d_x, d_times = jax.grad(repeated, argnums=(0, 1), allow_int=True)(2.0, 3)
print("d/dx:", d_x)
print("d/dtimes: dtype", d_times.dtype, " shape", d_times.shape)
_, t_out = jax.jvp(repeated, (2.0, 3),
                   (1.0, jnp.zeros((), dtype=jax.dtypes.float0)))
print("jvp with a float0 tangent for the integer:", t_out)
# [END allow_int]
