"""The program jit builds, drawn as a graph: the jaxpr's data flow and what XLA fused of it."""

from snippets.transformations.jit_lowering import compiled
from snippets.transformations.jit_tracing import gaussian_bump, traced

# [START draw_pipeline]
import re

import matplotlib.pyplot as plt
from jax.extend.core import Literal
from matplotlib.patches import FancyBboxPatch

jaxpr = traced.jaxpr.jaxpr
# Which equation produced each variable; the input is node 0.
producer = {var: 0 for var in jaxpr.invars}
labels = ["input v\n" + str(jaxpr.invars[0].aval.str_short())]
edges = []
for index, eqn in enumerate(jaxpr.eqns, start=1):
    literals = [str(x.val) for x in eqn.invars if isinstance(x, Literal)]
    labels.append(eqn.primitive.name + "".join(f"\n× {value}" for value in literals))
    edges += [(producer[x], index) for x in eqn.invars if not isinstance(x, Literal)]
    producer.update({var: index for var in eqn.outvars})

# The optimized HLO: the operations inside fused computations, and how many fusions
# the program (its ENTRY computation) calls.
hlo = compiled.as_text()
entry = hlo[hlo.index("ENTRY"):]
fusions = entry.count(" fusion(")
fused_ops = re.findall(r"\} (\w+)\(", hlo[:hlo.index("ENTRY")])
hlo_name = {"neg": "negate", "mul": "multiply", "exp": "exponential", "add": "add"}
in_fusion = [hlo_name.get(eqn.primitive.name) in fused_ops for eqn in jaxpr.eqns]

fig, ax = plt.subplots(figsize=(7.2, 3.2), facecolor="white")
ax.set(xlim=(-0.6, len(labels) - 0.4), ylim=(-1.3, 1.5))
ax.axis("off")
ax.add_patch(FancyBboxPatch((0.55, -0.55), len(labels) - 1.1, 1.1,
                            boxstyle="round,pad=0.1", linestyle="--", linewidth=1.5,
                            edgecolor="#b35c00", facecolor="#fff4e5"))
ax.text((len(labels)) / 2, -1.0,
        f"XLA: {sum(in_fusion)} of {len(jaxpr.eqns)} operations in {fusions} fused loop:"
        " one pass over the array", ha="center", fontsize=10, color="#7a3e00")
for index, label in enumerate(labels):
    ax.text(index, 0, label, ha="center", va="center", fontsize=10, family="monospace",
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "#e8f0fb" if index else "#ffffff",
                  "edgecolor": "#1a4f8a"})
for start, end in edges:
    bend = 0.0 if end - start == 1 else -0.3
    lift = 0.22 if bend else 0
    ax.annotate("", xy=(end - 0.3, lift), xytext=(start + 0.3, lift),
                arrowprops={"arrowstyle": "-|>", "color": "#333333", "linewidth": 1.3,
                            "connectionstyle": f"arc3,rad={bend}", "shrinkA": 2, "shrinkB": 2})
ax.set_title(f"jax.jit({gaussian_bump.__name__}): {len(jaxpr.eqns)} recorded operations,"
             f" {len(edges)} data dependencies", fontsize=11)
fig.tight_layout()
# [END draw_pipeline]
