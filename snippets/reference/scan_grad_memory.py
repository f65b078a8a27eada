"""Temp memory of a compiled jit(grad(...)) through lax.scan, with and without checkpointing."""

# [START gated_scan]
import jax
import jax.numpy as jnp
from jax import lax
from jax.ad_checkpoint import checkpoint_name

WIDTH = 128
mix = jax.random.normal(jax.random.key(7), (WIDTH, WIDTH)) / jnp.sqrt(WIDTH)


def make_step(label):
    """The gated step; `label` is checkpoint_name, or a no-op for the baseline."""
    def gated_step(state, drive):
        pre = mix @ state + drive
        gate = label(jax.nn.sigmoid(pre), "gate")
        proposal = label(jnp.tanh(pre), "proposal")
        return gate * proposal + (1.0 - gate) * state, None
    return gated_step


gated_step = make_step(checkpoint_name)  # labelled, so that a policy can name values
plain_step = make_step(lambda value, name: value)  # the same step without labels


def scan_loss(step):
    def loss(state, drives):
        final, _ = lax.scan(step, state, drives)
        return jnp.sum(final ** 2)
    return loss
# [END gated_scan]

# [START variants]
policies = jax.checkpoint_policies
GRADIENTS = {
    "no checkpoint": plain_step,
    "no checkpoint, labelled": gated_step,
    "policy: save gate, proposal": jax.checkpoint(
        gated_step, policy=policies.save_only_these_names("gate", "proposal")),
    "policy: dots_saveable": jax.checkpoint(
        gated_step, policy=policies.dots_saveable),
    "jax.checkpoint (save nothing)": jax.checkpoint(gated_step),
}
LENGTHS = [64, 128, 256]
# [END variants]

# [START measure_memory]
def compile_for(fn, length):
    drives = jnp.zeros((length, WIDTH))
    return jax.jit(fn).lower(jnp.zeros(WIDTH), drives).compile()


def temp_bytes(fn, length):
    return compile_for(fn, length).memory_analysis().temp_size_in_bytes


programs = {name: [compile_for(jax.grad(scan_loss(step)), n) for n in LENGTHS]
            for name, step in GRADIENTS.items()}
temp = {name: [p.memory_analysis().temp_size_in_bytes for p in compiled]
        for name, compiled in programs.items()}
forward = scan_loss(gated_step)
temp["forward only (no grad)"] = [temp_bytes(forward, n) for n in LENGTHS]
temp
# [END measure_memory]

# [START plot_memory]
import matplotlib.pyplot as plt
import numpy as np

fig, ax = plt.subplots(figsize=(4.8, 4.8), facecolor="white", layout="constrained")
for name, sizes in temp.items():
    ax.plot(LENGTHS, np.array(sizes) / 1024, marker="o", label=name)
ax.set(xlabel="sequence length (scan steps)", ylabel="temp memory (KiB)",
       xticks=LENGTHS,
       title="Temp memory of the compiled jit(grad(scan))")
# below the axes, so that no line runs behind it
fig.legend(loc="outside lower left")
plt.show()
# [END plot_memory]

# [START bytes_per_step]
import contextlib
import io

from jax.ad_checkpoint import print_saved_residuals

state_bytes = WIDTH * 4  # one float32 state vector
steps = LENGTHS[-1] - LENGTHS[0]
per_step = {name: (sizes[-1] - sizes[0]) / steps for name, sizes in temp.items()}
one = jnp.zeros(WIDTH)


def step_total(step):
    return lambda state, drive: jnp.sum(step(state, drive)[0])


def per_step_residuals(step):
    """What one step saves, less the constant matrix and the step's input slice."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(step_total(step), one, one)
    return [line for line in out.getvalue().splitlines()
            if "from a constant" not in line and "from the argument drive" not in line]


def tanh_count(step):
    grad_fn = jax.grad(scan_loss(step))
    return str(jax.make_jaxpr(grad_fn)(one, jnp.zeros((4, WIDTH)))).count("tanh")


residual_counts = {name: len(per_step_residuals(step)) for name, step in GRADIENTS.items()}
tanh_counts = {name: tanh_count(step) for name, step in GRADIENTS.items()}
print(f"{'':30}{'B/step':>8}{'vectors':>9}{'residuals':>11}{'tanh':>6}")
for name, b in per_step.items():
    extra = (f"{residual_counts[name]:>11}{tanh_counts[name]:>6}"
             if name in GRADIENTS else "")
    print(f"{name:30}{b:>8.0f}{b / state_bytes:>9g}" + extra)
# [END bytes_per_step]

# [START saved_residuals]
for name in ("no checkpoint", "no checkpoint, labelled"):
    print(f"--- {name}")
    print_saved_residuals(step_total(GRADIENTS[name]), one, one)
# [END saved_residuals]

# [START time_gradients]
import timeit

longest = LENGTHS[-1]
drives = jax.random.normal(jax.random.key(9), (longest, WIDTH))
start_state = jnp.linspace(-1.0, 1.0, WIDTH)


def gradient_us_per_step(program):
    run = lambda: program(start_state, drives).block_until_ready()  # noqa: E731
    run()
    return 1e6 * min(timeit.repeat(run, number=10, repeat=3)) / 10 / longest


grad_us = {name: round(gradient_us_per_step(compiled[-1]), 2)
           for name, compiled in programs.items()}
grad_us
# [END time_gradients]

# [START exercise_gate_only]
gate_only = jax.checkpoint(
    gated_step, policy=policies.save_only_these_names("gate"))
short, long = LENGTHS[:2]
sizes = [temp_bytes(jax.grad(scan_loss(gate_only)), n) for n in (short, long)]
gate_only_per_step = (sizes[1] - sizes[0]) / (long - short)
gate_only_per_step / state_bytes
# [END exercise_gate_only]


def same_gradients():
    """Checkpointing changes what is stored, never the gradient."""
    drives = jax.random.normal(jax.random.key(8), (LENGTHS[0], WIDTH))
    state = jnp.linspace(-1.0, 1.0, WIDTH)
    return {name: jax.jit(jax.grad(scan_loss(step)))(state, drives)
            for name, step in GRADIENTS.items()}
