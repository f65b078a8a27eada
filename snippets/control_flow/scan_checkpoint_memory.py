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
    print(f"{'scan, ' + name:40s}", " ".join(f"{k:5.1f}" for k in kib),
          f"KiB: {scan_slopes[name]:.2f} KiB/step")
for name, kib in unrolled_kib.items():
    print(f"{'unrolled, ' + name:40s}", " ".join(f"{k:5.1f}" for k in kib),
          f"KiB: {unrolled_slopes[name]:.2f} KiB/step")
# [END measure]

longest_ratio = scan_kib["no checkpoint"][-1] / scan_kib["checkpoint (nothing_saveable)"][-1]

# [START plot]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(4.8, 4.4), facecolor="white", layout="constrained")
ax.set_facecolor("white")
for (name, kib), marker in zip(scan_kib.items(), "osd", strict=True):
    ax.plot(LENGTHS, kib, marker=marker, label=f"scan, {name}")
ax.plot(UNROLLED_LENGTHS, unrolled_kib["no checkpoint"], "k^--",
        label="Python loop (unrolled), no checkpoint")
ax.set_xlabel("sequence length (scan steps)")
ax.set_ylabel("temp memory of jit(grad(loss)) [KiB]")
ax.set_title(f"Backward-pass memory over a scan\n(JAX {jax.__version__}, CPU)")
# below the axes, so that no line runs behind it
fig.legend(loc="outside lower left")
ax.grid(alpha=0.3)
# [END plot]

# [START exercise_solution]
from jax.ad_checkpoint import print_saved_residuals


def grouped_loss(groups, per_group, step):
    @jax.checkpoint
    def group(h):  # one checkpointed group: an inner scan of `per_group` steps
        return lax.scan(lambda c, _: (step(c), None), h, length=per_group)[0]

    def loss(h):
        final, _ = lax.scan(lambda c, _: (group(c), None), h, length=groups)
        return final.sum()
    return loss


schemes = {
    "32 checkpointed steps": scan_loss(32, jax.checkpoint(block)),
    "4 x 8, outer checkpoint only": grouped_loss(4, 8, block),
    "4 x 8, outer and inner checkpoint": grouped_loss(4, 8, jax.checkpoint(block)),
    "checkpoint around the whole scan": jax.checkpoint(scan_loss(32, block)),
    "no checkpoint": scan_loss(32, block),
}
grouped_kib = {name: temp_kib(loss) for name, loss in schemes.items()}
for name, kib in grouped_kib.items():
    print(f"{name:34s} {kib:6.2f} KiB")
print("--- saved by the outer scan of 4 x 8, outer and inner checkpoint")
print_saved_residuals(schemes["4 x 8, outer and inner checkpoint"], h0)
print("--- saved by the checkpoint around the whole scan")
print_saved_residuals(schemes["checkpoint around the whole scan"], h0)
# [END exercise_solution]


def saved_lines(loss):
    """The lines print_saved_residuals prints for `loss` at h0."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(loss, h0)
    return out.getvalue().splitlines()


grouped_saved = saved_lines(schemes["4 x 8, outer and inner checkpoint"])
whole_saved = saved_lines(schemes["checkpoint around the whole scan"])
