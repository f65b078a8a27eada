"""Getting a useful gradient through a step: smooth surrogates and a straight-through estimator."""

# [START smooth_surrogates]
import jax
import jax.numpy as jnp


def hard_step(x):
    return (x > 0).astype(jnp.float32)


def soft_step(x, width=0.1):
    return jax.nn.sigmoid(x / width)


xs = jnp.array([-1.0, -0.1, 0.0, 0.1, 1.0])
slopes = {
    "hard_step": jax.vmap(jax.grad(hard_step))(xs),
    "soft_step": jax.vmap(jax.grad(soft_step))(xs),
    "relu": jax.vmap(jax.grad(jax.nn.relu))(xs),
    "softplus": jax.vmap(jax.grad(jax.nn.softplus))(xs),
}
print(" " * 10, *(f"{x:8.1f}" for x in xs.tolist()))
for name, g in slopes.items():  # three significant digits, as in the text below
    print(f"{name:>9}:", *(f"{v:8.3g}" for v in g.tolist()))
# [END smooth_surrogates]

# [START straight_through]
from jax import lax


def round_straight_through(x):
    # The rounding error enters as a constant: the value is round(x),
    # the derivative is that of the identity.
    return x + lax.stop_gradient(jnp.round(x) - x)


def loss(w):
    return jnp.sum(round_straight_through(w) ** 2)


weights = jnp.array([0.2, 0.7, 1.4, 2.6])
ste_values = round_straight_through(weights)
ste_grads = jax.grad(loss)(weights)
plain_grads = jax.grad(lambda w: jnp.sum(jnp.round(w) ** 2))(weights)
print("value:", ste_values)
print("grad :", ste_grads)
print("grad without the trick:", plain_grads)
# [END straight_through]

# [START exercise_binarize]
def binarize(x):
    # Value of sign(x); slope of clip(x, -1, 1): 1 between -1 and 1.
    clipped = jnp.clip(x, -1.0, 1.0)
    return clipped + lax.stop_gradient(jnp.sign(x) - clipped)


probe = jnp.array([-2.0, -0.5, 0.5, 2.0])
print("value:", binarize(probe))
print("grad :", jax.vmap(jax.grad(binarize))(probe))
# [END exercise_binarize]
