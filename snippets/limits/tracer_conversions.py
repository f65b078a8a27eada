"""Turning a tracer into a Python number: which conversions read its value under grad, and why."""

from snippets.limits.jump_gradients import markdown_table  # defined earlier on the page

# [START conversion_table]
import math

import jax

conversions = {
    "float(x)": float,
    "math.cos(x)": math.cos,
    "int(x)": int,
    "bool(x > 1)": lambda x: bool(x > 1),
    "x.item()": lambda x: x.item(),
}


def outcome(transform, convert, x=1.5):
    # Apply `transform` to x -> convert(x) * x: a float, or the error's class name.
    try:
        return float(transform(lambda v: convert(v) * v)(x))
    except Exception as err:
        return type(err).__name__


under = {
    name: {"grad": outcome(jax.grad, fn), "jit": outcome(jax.jit, fn)}
    for name, fn in conversions.items()
}


def cell(result):
    return f"{result:g}" if isinstance(result, float) else f"`{result}`"


markdown_table(
    ["`c`", "`jax.grad` of `c * x` at 1.5", "`jax.jit` of `c * x` at 1.5"],
    [[f"`{name}`", cell(r["grad"]), cell(r["jit"])] for name, r in under.items()],
)
# [END conversion_table]


# [START float_under_grad]
try:
    jax.grad(lambda x: float(x) * x)(1.5)
except jax.errors.ConcretizationTypeError as err:
    float_error = err
    print(type(err).__name__, *str(err).splitlines()[:2], sep="\n")
# [END float_under_grad]


def float_under_grad():
    jax.grad(lambda x: float(x) * x)(1.5)


# [START item_under_grad]
def seen_by_item(x):
    print("the function received", x)
    value = x.item()
    print("x.item() returned", type(value).__name__, value)
    return value * x


item_gradient = jax.grad(seen_by_item)(1.5)
true_gradient = jax.grad(lambda x: x * x)(1.5)
print("gradient of x.item() * x:", item_gradient)
print("gradient of x * x:       ", true_gradient)
# [END item_under_grad]
