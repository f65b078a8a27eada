"""Measured temp memory of jit(grad(...)) over a scan, with and without checkpointing the body."""

# [START setup]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH = 128
weights = 0.3 * jnp.eye(WIDTH)
h0 = jnp.ones(WIDTH)


def block(h):
    return jnp.tanh(weights @ jnp.sin(weights @ h))


def scan_loss(steps, body):
    def loss(h):
        final, _ = lax.scan(lambda c, _: (body(c), None), h, length=steps)
        return final.sum()
    return loss


def unrolled_loss(steps, body):
    def loss(h):
        for _ in range(steps):
            h = body(h)
        return h.sum()
    return loss


def temp_kib(loss):
    compiled = jax.jit(jax.grad(loss)).lower(h0).compile()
    return compiled.memory_analysis().temp_size_in_bytes / 1024
# [END setup]

# [START measure]
LENGTHS = [8, 16, 32]
bodies = {
    "no checkpoint": block,
    "checkpoint (nothing_saveable)": jax.checkpoint(block),
    "checkpoint (dots_saveable)": jax.checkpoint(
        block, policy=jax.checkpoint_policies.dots_saveable),
}
scan_kib = {name: [temp_kib(scan_loss(n, body)) for n in LENGTHS]
            for name, body in bodies.items()}
UNROLLED_LENGTHS = LENGTHS[:2]  # unrolled programs are slow to compile
unrolled_kib = {name: [temp_kib(unrolled_loss(n, bodies[name])) for n in UNROLLED_LENGTHS]
                for name in ["no checkpoint", "checkpoint (nothing_saveable)"]}


def per_step(kib, lengths):
    return (kib[-1] - kib[0]) / (lengths[-1] - lengths[0])


scan_slopes = {name: per_step(kib, LENGTHS) for name, kib in scan_kib.items()}
unrolled_slopes = {name: per_step(kib, UNROLLED_LENGTHS) for name, kib in unrolled_kib.items()}
for name, kib in scan_kib.items():
    print(f"scan, {name:30s}", " ".join(f"{k:5.1f}" for k in kib),
          f"KiB: {scan_slopes[name]:.2f} KiB/step")
for name, kib in unrolled_kib.items():
    print(f"unrolled, {name:26s}", " ".join(f"{k:5.1f}" for k in kib),
          f"KiB: {unrolled_slopes[name]:.2f} KiB/step")
# [END measure]

longest_ratio = scan_kib["no checkpoint"][-1] / scan_kib["checkpoint (nothing_saveable)"][-1]

# [START plot]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6.5, 4), facecolor="white")
ax.set_facecolor("white")
for (name, kib), marker in zip(scan_kib.items(), "osd", strict=True):
    ax.plot(LENGTHS, kib, marker=marker, label=f"scan, {name}")
ax.plot(UNROLLED_LENGTHS, unrolled_kib["no checkpoint"], "k^--",
        label="Python loop (unrolled), no checkpoint")
ax.set_xlabel("sequence length (scan steps)")
ax.set_ylabel("temp memory of jit(grad(loss)) [KiB]")
ax.set_title(f"Backward-pass memory over a scan (JAX {jax.__version__}, CPU)")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
fig.tight_layout()
# [END plot]

# [START exercise_solution]
def nested_loss(groups, per_group):
    @jax.checkpoint
    def group(h):
        return lax.scan(lambda c, _: (block(c), None), h, length=per_group)[0]

    def loss(h):
        final, _ = lax.scan(lambda c, _: (group(c), None), h, length=groups)
        return final.sum()
    return loss


nested = temp_kib(nested_loss(4, 8))
flat = temp_kib(scan_loss(32, jax.checkpoint(block)))  # as measured above
print(f"4 groups of 8: {nested:.1f} KiB, 32 checkpointed steps: {flat:.1f} KiB")
# [END exercise_solution]
