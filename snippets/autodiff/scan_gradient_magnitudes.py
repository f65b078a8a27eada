"""How the size of the per-step gradient changes over a long scan: vanishing and exploding."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH, LENGTH = 8, 48
k_q, k_x = jax.random.split(jax.random.key(5))
rotation, _ = jnp.linalg.qr(jax.random.normal(k_q, (WIDTH, WIDTH)))
inputs = 0.01 * jax.random.normal(k_x, (LENGTH, WIDTH))


def final_state_sum(inputs, gain):
    def step(h, x):
        # gain scales every singular value of the recurrent matrix
        return jnp.tanh(gain * rotation @ h + x), None

    h, _ = lax.scan(step, jnp.zeros(WIDTH), inputs)
    return jnp.sum(h)


# jit: one compile per sequence length, shared by every gain
input_grads = jax.jit(jax.grad(final_state_sum))


def per_step_norms(gain):
    grads = input_grads(inputs, gain)   # (LENGTH, WIDTH)
    return jnp.linalg.norm(grads, axis=1)
# [END define]

# [START measure]
gains = (0.7, 1.0, 1.3)
norms = {gain: per_step_norms(gain) for gain in gains}
for gain in gains:
    first, last = float(norms[gain][0]), float(norms[gain][-1])
    print(f"gain {gain}: first {first:.2e}, last {last:.2e}, "
          f"first/last {first / last:.2e}")
# [END measure]

ratios = {gain: float(norms[gain][0] / norms[gain][-1]) for gain in gains}


# [START saturation]
def states(gain):
    def step(h, x):
        h = jnp.tanh(gain * rotation @ h + x)
        return h, h

    return lax.scan(step, jnp.zeros(WIDTH), inputs)[1]   # (LENGTH, WIDTH)


mean_slope = {}
for gain in gains:
    hs = states(gain)
    mean_slope[gain] = float(jnp.mean(1.0 - hs**2))   # tanh'(a) = 1 - tanh(a)**2
    print(f"gain {gain}: largest |h| {float(jnp.abs(hs).max()):.2f}, "
          f"mean tanh slope {mean_slope[gain]:.3f}, "
          f"gain x slope {gain * mean_slope[gain]:.3f}")
# [END saturation]

# [START plot]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(4.8, 3.6), facecolor="white")
for gain, style in zip(gains, ("o-", "s-", "^-"), strict=True):
    ax.semilogy(norms[gain], style, markersize=3, label=f"gain {gain}")
ax.set_xlabel("input step t")
ax.set_ylabel("|dL/dx_t|  (log scale)")
ax.set_title(f"Gradient reaching each input of a {LENGTH}-step scan")
ax.legend()
fig.tight_layout()
plt.show()
# [END plot]
plt.close(fig)


# [START exercise_solution]
def norms_for_length(length, gain=0.7):
    grads = input_grads(inputs[:length], gain)
    return jnp.linalg.norm(grads, axis=1)


length_ratios = {}
for length in (12, 24, 48):
    n = norms_for_length(length)
    length_ratios[length] = float(n[0] / n[-1])
    power = 0.7 ** (length - 1)
    print(f"length {length}: first/last = {length_ratios[length]:.3e}, "
          f"0.7 ** {length - 1} = {power:.3e}, "
          f"ratio / power = {length_ratios[length] / power:.3f}")
# [END exercise_solution]
