"""jax.checkpoint on a scan body: same gradient, fewer stacked residuals, more compute."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH = 32
k_w, k_x = jax.random.split(jax.random.key(2))
weights = jax.random.normal(k_w, (WIDTH, WIDTH)) / WIDTH**0.5


def gated_step(h, x):
    z = weights @ h + x
    candidate = jnp.tanh(z)
    gate = jax.nn.sigmoid(z)
    return gate * candidate + (1.0 - gate) * h, None


# keep only the inputs of each step; redo the body on the way back
remat_step = jax.checkpoint(gated_step)


def final_energy(xs, step):
    h, _ = lax.scan(step, jnp.zeros(WIDTH), xs)
    return jnp.sum(h**2)


def sequence(length):
    return jax.random.normal(k_x, (length, WIDTH))
# [END define]

# [START same_gradient]
xs = sequence(64)
plain = jax.grad(final_energy)(xs, gated_step)
remat = jax.grad(final_energy)(xs, remat_step)   # checkpointed body
largest_difference = float(jnp.max(jnp.abs(plain - remat)))
print(f"largest |plain - remat| over {plain.size} entries: {largest_difference:.1e}")
# [END same_gradient]

# [START residuals]
def stacked_residuals(step, length=64):
    jaxpr = jax.make_jaxpr(jax.grad(final_energy), static_argnums=1)(
        sequence(length), step)
    forward = next(e for e in jaxpr.eqns if e.primitive.name == "scan")
    return [str(v.aval) for v in forward.outvars
            if v.aval.shape == (length, WIDTH)]


print("plain:", stacked_residuals(gated_step))
print("remat:", stacked_residuals(remat_step))
# [END residuals]

# [START count_primitives]
from collections import Counter

from jax.extend.core import jaxprs_in_params


def applications(jaxpr):
    """Primitive applications when the program runs, by primitive:
    a scan body counts once per step."""
    total = Counter()
    for eqn in jaxpr.eqns:
        inner = list(jaxprs_in_params(eqn.params))
        if not inner:
            total[eqn.primitive.name] += 1
        for body in inner:
            for name, n in applications(body).items():
                total[name] += eqn.params.get("length", 1) * n
    return total


def gradient_applications(step, length=64):
    jaxpr = jax.make_jaxpr(jax.grad(final_energy), static_argnums=1)(
        sequence(length), step)
    return applications(jaxpr.jaxpr)


counts = {"plain": gradient_applications(gated_step),
          "remat": gradient_applications(remat_step)}
for name, c in counts.items():
    print(f"{name}: {c.total()} applications, "
          f"{c['dot_general']} of them dot_general")
# [END count_primitives]

# [START timing]
import time


def median_seconds(executable, xs, repeats=25):
    executable(xs).block_until_ready()     # warm up outside the clock
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        executable(xs).block_until_ready()
        times.append(time.perf_counter() - start)
    return sorted(times)[repeats // 2]


grad_fn = jax.jit(jax.grad(final_energy), static_argnums=1)
steps = {"plain": gated_step, "remat": remat_step}
device = jax.devices()[0]
seconds = {name: median_seconds(grad_fn.lower(sequence(256), step).compile(),
                                sequence(256))
           for name, step in steps.items()}
print(f"measured on this build's {device.platform} device:")
for name, t in seconds.items():
    print(f"  {name}: {t * 1e6:.0f} µs per gradient of 256 steps")
# [END timing]

# [START exercise_solution]
save_dots = jax.checkpoint(
    gated_step,
    policy=jax.checkpoint_policies.dots_with_no_batch_dims_saveable)

variants = {"plain": gated_step, "save_dots": save_dots, "remat": remat_step}
for name, step in variants.items():
    print(f"{name:9}: {len(stacked_residuals(step))} stacked arrays, "
          f"{gradient_applications(step)['dot_general']} dot_general at 64 steps")
# [END exercise_solution]

save_dots_stacked = len(stacked_residuals(save_dots))
save_dots_dots = gradient_applications(save_dots)["dot_general"]
