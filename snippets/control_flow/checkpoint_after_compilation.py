"""What XLA:CPU keeps of jax.checkpoint: the recomputation before and after compilation."""

# [START count_ops]
import re
from collections import Counter

import jax
import jax.numpy as jnp
from jax import lax

WIDTH, STEPS = 128, 8
weights = 0.3 * jnp.eye(WIDTH)
h0 = jnp.ones(WIDTH)


def block(h):
    return jnp.tanh(weights @ jnp.sin(weights @ h))


def unrolled(body):
    def loss(h):
        for _ in range(STEPS):
            h = body(h)
        return h.sum()
    return loss


def scanned(body):
    def loss(h):
        return lax.scan(lambda c, _: (body(c), None), h, length=STEPS)[0].sum()
    return loss


# the op name is the first word followed by "(" on an instruction line
HLO_OP = re.compile(r"^\s*(?:ROOT )?%?[\w.\-]+ = .*?\b([a-z][a-z\-]*)\(", re.M)
# column: (name in the lowered StableHLO, name in the compiled XLA HLO)
OPS = {"sine": ("sine", "sine"), "tanh": ("tanh", "tanh"), "dot": ("dot_general", "dot"),
       "barrier": ("optimization_barrier", "opt-barrier")}


def op_counts(loss):
    lowered = jax.jit(jax.grad(loss)).lower(h0)
    compiled = lowered.compile()
    before = Counter(re.findall(r"stablehlo\.(\w+)", lowered.as_text()))
    after = Counter(HLO_OP.findall(compiled.as_text()))
    return {"lowered": {op: before[low] for op, (low, _) in OPS.items()},
            "compiled": {op: after[hlo] for op, (_, hlo) in OPS.items()},
            "temp_bytes": compiled.memory_analysis().temp_size_in_bytes}


programs = {(loop.__name__, label): op_counts(loop(body))
            for loop in (unrolled, scanned)
            for label, body in [("plain", block), ("checkpoint", jax.checkpoint(block))]}
print(f"{'program':22} {'stage':9}" + "".join(f"{op:>8}" for op in OPS) + f"{'temp B':>8}")
for (loop, label), counts in programs.items():
    for stage in ("lowered", "compiled"):
        temp = counts["temp_bytes"] if stage == "compiled" else ""
        print(f"{loop + ', ' + label:22} {stage:9}"
              + "".join(f"{n:>8}" for n in counts[stage].values()) + f"{temp:>8}")
# [END count_ops]


def count(loop, label, stage, op):
    return programs[loop, label][stage][op]
