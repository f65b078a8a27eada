"""A loss built from a step: zero gradient wherever it exists, so gradient descent stalls."""

# [START staircase_loss]
import jax
import jax.numpy as jnp
from jax import lax

target = 3.7


def staircase_loss(w):
    return (jnp.round(w) - target) ** 2


def straight_through_loss(w):
    # Same value; the backward pass treats round as the identity.
    rounded = w + lax.stop_gradient(jnp.round(w) - w)
    return (rounded - target) ** 2
# [END staircase_loss]


# [START descend]
def descend(loss, w0=0.0, lr=0.1, steps=40):
    step = jax.jit(lambda w: w - lr * jax.grad(loss)(w))
    w, ws, losses = jnp.float32(w0), [], []
    for _ in range(steps):
        ws.append(float(w))
        losses.append(float(staircase_loss(w)))  # true loss, both runs
        w = step(w)
    return ws, losses


ws_plain, plain = descend(staircase_loss)
ws_ste, ste = descend(straight_through_loss)
print("plain, last 5 w:", ws_plain[-5:])
print("straight-through, last 10 round(w):",
      [round(w) for w in ws_ste[-10:]])
print(f"lowest loss: plain {min(plain):.2f}, "
      f"straight-through {min(ste):.2f}")
# [END descend]

# [START plot_descent]
import matplotlib.pyplot as plt

# one panel above the other: each keeps a phone's full width
fig, (left, right) = plt.subplots(2, 1, figsize=(4.8, 6.2),
                                  facecolor="white")
grid_w = jnp.linspace(-0.5, 6.0, 600)
left.plot(grid_w, jax.vmap(staircase_loss)(grid_w), color="C0")
left.scatter([0.0], [staircase_loss(0.0)], color="C3", zorder=3,
             label="start")
left.set(xlabel="w", ylabel="loss", title="(round(w) - 3.7)²")
left.legend()
right.plot(plain, marker=".", label="jax.grad (gradient is 0)")
right.plot(ste, marker=".", label="straight-through gradient")
right.set(xlabel="step", ylabel="loss", title="Descent, lr = 0.1")
right.legend()
fig.tight_layout()
# [END plot_descent]

plain_grads_on_path = [float(jax.grad(staircase_loss)(w)) for w in (0.0, 1.3, 3.9)]
ste_slope_rounds_to_4 = float(jax.grad(straight_through_loss)(3.8))
ste_slope_rounds_to_3 = float(jax.grad(straight_through_loss)(3.2))
