"""lax.cond traces both branches whenever it is called, even with a concrete predicate."""

# [START traced_branches]
import jax
from jax import lax

traced = []  # Python runs a branch's body only while tracing it


def double(v):
    traced.append("double")
    return 2.0 * v


def negate(v):
    traced.append("negate")
    return -v


result = lax.cond(True, double, negate, 1.0)  # eager call, predicate a Python bool
print("result:", result, "| branches traced:", traced)
# [END traced_branches]

traced_eagerly = list(traced)

# [START disable_jit]
traced.clear()
with jax.disable_jit():
    result = lax.cond(True, double, negate, 1.0)
print("result:", result, "| branches traced:", traced)
# [END disable_jit]

traced_without_jit = list(traced)
