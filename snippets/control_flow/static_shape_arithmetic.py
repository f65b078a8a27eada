"""Shapes are Python integers while tracing: compute with them in NumPy, not jax.numpy."""

# [START two_products]
import jax
import jax.numpy as jnp
import numpy as np

seen = {}


@jax.jit
def show_products(x):
    seen["np"] = np.prod(x.shape)  # NumPy on a tuple of ints: an int
    seen["jnp"] = jnp.prod(jnp.array(x.shape))  # staged into the program: a tracer
    print("np.prod: ", repr(seen["np"]))
    print("jnp.prod:", seen["jnp"])
    return x


images = jnp.ones((2, 3, 4))
_ = show_products(images)  # the prints ran while tracing
# [END two_products]

np_kind = type(seen["np"])
jnp_kind = type(seen["jnp"])


# [START flatten_with_jnp]
@jax.jit
def flatten_pixels_jnp(x):
    return x.reshape(x.shape[0], jnp.prod(jnp.array(x.shape[1:])))
# [END flatten_with_jnp]


def flatten_with_jnp():
    # [START flatten_with_jnp_call]
    flatten_pixels_jnp(images)
    # [END flatten_with_jnp_call]


# [START flatten_with_np]
@jax.jit
def flatten_pixels(x):
    return x.reshape(x.shape[0], np.prod(x.shape[1:]))


flatten_pixels(images).shape
# [END flatten_with_np]

flat_shape = flatten_pixels(images).shape
