"""A figure of scan's forward carries and backward cotangents, drawn from a real run."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax

COUPLING = 0.9
drive = jnp.array([0.8, -0.3, 0.5, 0.1, -0.6, 0.4])
target = 0.2


def step(h, inputs):
    x, probe = inputs
    # probe is all zeros: adding it changes nothing in the forward pass,
    # but its gradient is exactly the cotangent of this step's carry
    h = jnp.tanh(COUPLING * h + x) + probe
    return h, h


def loss(h0, probes):
    _, hs = lax.scan(step, h0, (drive, probes))
    return jnp.sum((hs - target) ** 2)
# [END define]

# [START run]
h0 = 0.0
probes = jnp.zeros_like(drive)
_, carries = lax.scan(step, h0, (drive, probes))
d_h0, cotangents = jax.grad(loss, argnums=(0, 1))(h0, probes)


def row(values):
    return " ".join(f"{v:+.4f}" for v in values.tolist())


print("h_1 ... h_6          ", row(carries))
print("dL/dh_1 ... dL/dh_6  ", row(cotangents))
print(f"dL/dh_0               {float(d_h0):+.4f}")
# [END run]

# [START figure]
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

values = [h0, *carries.tolist()]            # h_0 ... h_6
grads = [float(d_h0), *cotangents.tolist()]  # dL/dh_0 ... dL/dh_6
biggest = max(abs(g) for g in grads)
TOP, BOTTOM = 1.0, 0.0


def box(ax, t, y, text, colour):
    ax.add_patch(FancyBboxPatch((t - 0.4, y - 0.22), 0.8, 0.44,
                                boxstyle="round,pad=0.02",
                                facecolor=colour, edgecolor="black"))
    ax.text(t, y, text, ha="center", va="center", fontsize=9)


def arrow(ax, start, end, y, colour):
    ax.add_patch(FancyArrowPatch((start, y), (end, y), color=colour,
                                 arrowstyle="-|>", mutation_scale=10))


fig, ax = plt.subplots(figsize=(8, 3.4), facecolor="white")
for t, (h, g) in enumerate(zip(values, grads, strict=True)):
    box(ax, t, TOP, f"h{t}\n{h:+.3f}", "#dbe9f6")
    # darker orange: larger cotangent
    shade = plt.cm.Oranges(0.1 + 0.5 * abs(g) / biggest)
    box(ax, t, BOTTOM, f"dL/dh{t}\n{g:+.3f}", shade)
    ax.plot([t, t], [TOP - 0.24, BOTTOM + 0.24], ":", color="grey")
for t, x in enumerate(drive.tolist()):
    arrow(ax, t + 0.42, t + 0.58, TOP, "black")
    arrow(ax, t + 0.58, t + 0.42, BOTTOM, "tab:red")
    ax.text(t + 0.5, TOP + 0.3, f"x{t + 1}={x:+.1f}",
            ha="center", fontsize=8)

ax.text(-0.5, TOP, "forward\n(scan)", ha="right", va="center")
ax.text(-0.5, BOTTOM, "backward\n(reverse\nscan)", ha="right",
        va="center", color="tab:red")
ax.set(xlim=(-1.6, len(drive) + 0.5), ylim=(-0.3, 1.45), yticks=[],
       xticks=range(len(drive) + 1),
       xlabel="step t (dotted: saved h_t, read by the backward step)",
       title="lax.scan: carries flow forward, cotangents flow back")
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
fig.tight_layout()
plt.show()
# [END figure]
plt.close(fig)

# [START exercise_solution]
def final_only(probes):
    _, hs = lax.scan(step, h0, (drive, probes))
    return hs[-1]


g = jax.grad(final_only)(probes)
measured = g[:-1] / g[1:]
predicted = COUPLING * (1 - carries[1:] ** 2)
print("g_t / g_(t+1)           ", row(measured))
print("COUPLING*(1 - h_(t+1)^2)", row(predicted))
# [END exercise_solution]
