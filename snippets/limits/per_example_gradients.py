"""Per-example gradients with vmap(grad(...))."""

# [START per_example]
import jax
import jax.numpy as jnp

kx, kw = jax.random.split(jax.random.key(7))
X = jax.random.normal(kx, (6, 3))  # six examples, three features
y = jnp.arange(6.0)
w = jax.random.normal(kw, (3,))


def example_loss(w, x, target):
    return 0.5 * (x @ w - target) ** 2


# Share w across the batch; map over the rows of X and y.
batched = (None, 0, 0)
per_example = jax.vmap(jax.grad(example_loss), in_axes=batched)(w, X, y)
print("per-example gradients:", per_example.shape)


def mean_loss(w):
    return jnp.mean(jax.vmap(example_loss, in_axes=batched)(w, X, y))


average = per_example.mean(axis=0)
print("their mean is grad of the mean loss:",
      bool(jnp.allclose(average, jax.grad(mean_loss)(w))))
# [END per_example]
