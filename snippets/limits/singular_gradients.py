"""Gradients at and near zero: which expressions give inf, which give nan, in float32."""

from snippets.limits.jump_gradients import markdown_table  # defined earlier on the page

# [START singular_table]
import jax
import jax.numpy as jnp
import jax.scipy.special as jsp

near_zero = {
    "jnp.log(x)": jnp.log,
    "jnp.sqrt(x)": jnp.sqrt,
    "1 / x": lambda x: 1 / x,
    "x * jnp.log(x)": lambda x: x * jnp.log(x),
    "jsp.xlogy(x, x)": lambda x: jsp.xlogy(x, x),
    "jnp.sqrt(x * x)": lambda x: jnp.sqrt(x * x),
    "jnp.linalg.norm([x, x])": lambda x: jnp.linalg.norm(
        jnp.stack([x, x])),
}
points = (0.0, 1e-30, 1e-40)
# 1e-40 lies below the smallest normal float32:
smallest_normal = float(jnp.finfo(jnp.float32).tiny)

results = {}  # name -> [(value, gradient) at each point]
for name, fn in near_zero.items():
    xs = [jnp.float32(x) for x in points]
    results[name] = [(float(fn(x)), float(jax.grad(fn)(x))) for x in xs]

markdown_table(
    ["f(x)", *(f"{k}({x:g})" for x in points for k in ("f", "grad"))],
    [[f"`{name}`", *(f"{v:.3g}" for pair in pairs for v in pair)]
     for name, pairs in results.items()],
)
# [END singular_table]
