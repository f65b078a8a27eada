"""lax.cond traces both branches, even in an eager call with a concrete predicate."""

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
print("first call: ", result, "| branches traced so far:", traced)
again = lax.cond(False, double, negate, 3.0)   # same functions, same operand type
print("second call:", again, "| branches traced so far:", traced)
# [END traced_branches]

traced_eagerly = list(traced)

# [START disable_jit]
traced.clear()
with jax.disable_jit():
    result = lax.cond(True, double, negate, 1.0)
print("result:", result, "| branches traced:", traced)
# [END disable_jit]

traced_without_jit = list(traced)
