"""The same gradient in float32 and float64, switching x64 on only inside a context manager."""

# [START bowl]
import jax
import jax.numpy as jnp


def bowl(x):
    # Smooth (about 1/2 - x**2/24 near 0), but 1 - cos(x) cancels.
    return (1.0 - jnp.cos(x)) / x**2


def exact_slope(x):
    # Taylor series of the derivative (bowl = 1/2 - x**2/24 + x**4/720 - ...): accurate for small x.
    return -x / 12 + x**3 / 180
# [END bowl]

# [START compare_precisions]
probe_points = [1e-1, 1e-2, 1e-3]
d_bowl = jax.grad(bowl)
slope32 = [float(d_bowl(jnp.float32(x))) for x in probe_points]
with jax.enable_x64(True):
    slope64 = [float(d_bowl(jnp.float64(x))) for x in probe_points]

print(f"{'x':>6} {'float32':>11} {'float64':>11} {'series':>11}")
for x, s32, s64 in zip(probe_points, slope32, slope64, strict=True):
    print(f"{x:6g} {s32:+.4e} {s64:+.4e} {exact_slope(x):+.4e}")
default_dtype_after = jnp.ones(()).dtype
print("default dtype after the block:", default_dtype_after)
# [END compare_precisions]
