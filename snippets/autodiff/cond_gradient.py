"""jax.grad through lax.cond: both branches are traced, the one that ran is differentiated."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax


def bend(x, gate):
    return lax.cond(
        gate > 0,
        lambda v: v**2 * jnp.cos(v),   # taken when gate > 0
        lambda v: jnp.log1p(v**2),     # taken otherwise
        x,
    )
# [END define]

# [START grad_jaxpr]
grad_jaxpr = jax.make_jaxpr(jax.grad(bend))(0.7, 1.0)
grad_jaxpr
# [END grad_jaxpr]

# [START branch_primitives]
def branch_primitives(closed_jaxpr):
    """Per cond in a jaxpr: the primitives of each branch."""
    return [
        [sorted({inner.primitive.name for inner in branch.jaxpr.eqns})
         for branch in eqn.params["branches"]]
        for eqn in closed_jaxpr.jaxpr.eqns
        if eqn.primitive.name == "cond"
    ]


for index, branches in enumerate(branch_primitives(grad_jaxpr)):
    print(f"cond {index}: false branch {branches[0]}")
    print(f"        true branch  {branches[1]}")
# [END branch_primitives]

# [START both_signs]
x = 0.7
from_grad = {g: float(jax.grad(bend)(x, g)) for g in (1.0, -1.0)}
by_hand = {
    1.0: 2 * x * jnp.cos(x) - x**2 * jnp.sin(x),  # of x^2 cos(x)
    -1.0: 2 * x / (1 + x**2),                     # of log(1 + x^2)
}
for g in (1.0, -1.0):
    print(f"gate={g:+.0f}: grad {from_grad[g]:.6f}"
          f"  by hand {float(by_hand[g]):.6f}")
# [END both_signs]

# [START predicate_argument]
d_gate = jax.grad(bend, argnums=1)
gate_gradients = (d_gate(0.7, 1.0), d_gate(0.7, -1.0))
gate_gradients
# [END predicate_argument]


# [START mismatched_branches]
def spread(x, gate):
    return lax.cond(
        gate > 0,
        lambda v: v * 2.0,             # a scalar
        lambda v: jnp.stack([v, -v]),  # a vector of two
        x,
    )


mismatch_errors = {}
for label, call in {
    "spread(0.7, 1.0)": lambda: spread(0.7, 1.0),
    "jax.grad(spread)(0.7, 1.0)": lambda: jax.grad(spread)(0.7, 1.0),
}.items():
    try:
        call()
    except TypeError as err:
        first, *_, types, _ = [line for line in str(err).splitlines() if line]
        mismatch_errors[label] = (first, types)
        print(f"{label}\n  TypeError: {first}\n  {types}")
# [END mismatched_branches]


def mismatched_branches():
    jax.grad(spread)(0.7, 1.0)


def mismatched_branches_without_grad():
    spread(0.7, 1.0)


# [START exercise_solution]
def soft_clip(x, limit):
    """Identity on [-limit, limit], slope 0.1 outside it."""
    inside = jnp.abs(x) <= limit
    return lax.cond(
        inside,
        lambda v: v,
        lambda v: jnp.sign(v) * (limit + 0.1 * (jnp.abs(v) - limit)),
        x,
    )


probes = (-5.0, 0.5, 3.0)
slopes = [float(jax.grad(soft_clip)(x, 2.0)) for x in probes]
limit_gradients = [float(jax.grad(soft_clip, argnums=1)(x, 2.0))
                   for x in probes]
for x, dx, dlimit in zip(probes, slopes, limit_gradients, strict=True):
    print(f"x={x:+.1f}: d/dx {dx:.3f}, d/dlimit {dlimit:+.3f}")
# [END exercise_solution]
