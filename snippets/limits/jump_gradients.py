"""Steps and jumps: sign, round, floor, ceil, integer casts and comparisons under grad."""

# [START markdown_table]
from IPython.display import Markdown


def markdown_table(header, rows):
    lines = [header, ["---"] * len(header), *rows]
    return Markdown("\n".join("| " + " | ".join(map(str, line)) + " |"
                               for line in lines))
# [END markdown_table]


# [START jump_table]
import jax
import jax.numpy as jnp


# name -> (function, where it jumps)
steps = {
    "jnp.sign(x)": (jnp.sign, 0.0),
    "jnp.round(x)": (jnp.round, 2.5),
    "jnp.floor(x)": (jnp.floor, -1.0),
    "jnp.ceil(x)": (jnp.ceil, 1.0),
    "x.astype(int32)": (lambda x: x.astype(jnp.int32) * 1.0, -1.0),
    "x > 1": (lambda x: (x > 1.0).astype(jnp.float32), 1.0),
}
offsets = (-0.01, 0.0, 0.01)

table = {}  # name -> (values, gradients) at a-0.01, a, a+0.01
for name, (step, jump) in steps.items():
    points = [jnp.float32(jump + offset) for offset in offsets]
    table[name] = ([float(step(x)) for x in points],
                   [float(jax.grad(step)(x)) for x in points])

markdown_table(
    ["expression", "jump at a", "f(a-0.01)", "f(a)", "f(a+0.01)",
     "grad a-0.01", "grad a", "grad a+0.01"],
    [[f"`{name}`", f"{steps[name][1]:g}", *(f"{v:g}" for v in vals + grads)]
     for name, (vals, grads) in table.items()],
)
# [END jump_table]
