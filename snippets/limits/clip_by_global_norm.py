"""Clipping a whole pytree of gradients by its global norm."""

# [START clip_global_norm]
import jax
import jax.numpy as jnp


def global_norm(tree):
    squares = [jnp.sum(leaf**2) for leaf in jax.tree.leaves(tree)]
    return jnp.sqrt(sum(squares))


def clip_by_global_norm(tree, max_norm):
    norm = global_norm(tree)
    # One factor for all leaves keeps the gradient's direction.
    scale = jnp.minimum(1.0, max_norm / norm)
    return jax.tree.map(lambda leaf: leaf * scale, tree)
# [END clip_global_norm]

# [START clip_example]
def loss(params, x, y):
    pred = jnp.tanh(x @ params["w"] + params["b"][None, :])
    return 1e3 * jnp.mean((pred - y) ** 2)  # large on purpose


kx, kw = jax.random.split(jax.random.key(4))
x = jax.random.normal(kx, (16, 3))
y = jnp.ones((16, 2))
params = {"w": jax.random.normal(kw, (3, 2)), "b": jnp.zeros(2)}

grads = jax.grad(loss)(params, x, y)
clipped = clip_by_global_norm(grads, max_norm=1.0)
norm_before, norm_after = global_norm(grads), global_norm(clipped)
print("norm before:", norm_before)
print("norm after :", norm_after)
ratios = jax.tree.leaves(jax.tree.map(jnp.divide, clipped, grads))
ratios = jnp.concatenate([r.ravel() for r in ratios])
print(f"after / before: min {ratios.min():.6g}, max {ratios.max():.6g}")

small = {"w": jnp.full((3, 2), 0.1), "b": jnp.zeros(2)}
print("small norm:", global_norm(small))
small_unchanged = bool(jnp.all(clip_by_global_norm(small, 1.0)["w"] == small["w"]))
print("small w unchanged:", small_unchanged)
# [END clip_example]
