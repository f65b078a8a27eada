"""A figure of the jit pipeline, drawn from the real texts of one function's trip through it."""

import jax

from snippets.transformations.jit_lowering import compiled, lowered
from snippets.transformations.jit_tracing import (
    gaussian_bump,
    samples,
    traced,
)

# [START draw_pipeline]
import re

import matplotlib.pyplot as plt


def without_metadata(text):
    return re.sub(r", metadata=\{[^}]*\}", "", text)


hlo = compiled.as_text()
stablehlo_lines = lowered.as_text().splitlines()
stages = [
    (
        "Python: the call that starts it",
        f"jax.jit({gaussian_bump.__name__}).trace(samples)"
        f"  # samples: {jax.typeof(samples)}",
    ),
    (
        "jaxpr: recorded by running the function on tracers",
        traced.jaxpr.pretty_print(use_color=False),
    ),
    (
        "StableHLO: what XLA receives (body of @main)",
        "\n".join(line.strip() for line in stablehlo_lines[2:-2]),
    ),
    (
        "HLO after XLA's optimization passes",
        without_metadata(hlo[hlo.index("\n%") + 1 :]).strip(),
    ),
]
steps = [".trace(x)", ".lower()", ".compile()"]

line_counts = [text.count("\n") + 1 for _, text in stages]
gap = 4.0
height = sum(line_counts) + gap * len(stages)
fig, ax = plt.subplots(
    figsize=(6.8, 0.145 * height + 0.6), dpi=150, facecolor="white"
)
ax.set(xlim=(0, 1), ylim=(height, 0))
ax.axis("off")
top = 0.0
for index, ((label, text), lines) in enumerate(
    zip(stages, line_counts, strict=True)
):
    ax.text(
        0.0, top + 1.0, label, fontsize=9, fontweight="bold", va="top"
    )
    ax.text(
        0.02,
        top + 2.6,
        text,
        family="monospace",
        fontsize=8,
        va="top",
        bbox={
            "boxstyle": "round,pad=0.5",
            "facecolor": "#eef3fb",
            "edgecolor": "#4a6fa5",
        },
    )
    top += lines + gap
    if index < len(steps):
        ax.annotate(
            "",
            xy=(0.8, top + 0.9),
            xytext=(0.8, top - 0.9),
            arrowprops={"arrowstyle": "-|>", "color": "#333333"},
        )
        ax.text(
            0.82,
            top,
            steps[index],
            family="monospace",
            fontsize=9,
            va="center",
        )
ax.set_title(
    f"{gaussian_bump.__name__} through jax.jit, as text at each stage",
    fontsize=11,
)
fig.tight_layout()
# [END draw_pipeline]

figure_texts = [text.get_text() for text in ax.texts]
