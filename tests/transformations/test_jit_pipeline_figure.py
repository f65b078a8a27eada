import matplotlib.pyplot as plt
from jax.extend.core import Literal

from snippets.transformations import jit_pipeline_figure as mod


def test_graph_has_one_node_per_equation_and_an_edge_per_use():
    assert [label.split("\n")[0] for label in mod.labels[1:]] == [
        "neg", "mul", "exp", "mul", "add"]
    assert "× 1.5" in mod.labels[4]  # the literal of `1.5 * ...` is part of its node
    # v feeds neg, the first mul and the add; every other result feeds the next operation
    uses = sum(1 for eqn in mod.jaxpr.eqns for x in eqn.invars if not isinstance(x, Literal))
    assert len(mod.edges) == uses == 7
    assert sorted(end for start, end in mod.edges if start == 0) == [1, 2, 5]


def test_xla_fused_every_operation_into_one_loop():
    assert mod.fusions == 1
    assert all(mod.in_fusion)
    assert {"negate", "multiply", "exponential", "add"} <= set(mod.fused_ops)


def test_figure_has_white_background_and_says_what_it_counts():
    assert mod.fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert mod.ax.get_title() == ("jax.jit(gaussian_bump): 5 recorded operations,"
                                  " 7 data dependencies")
    assert any("5 of 5 operations in 1 fused loop" in t.get_text() for t in mod.ax.texts)
    plt.close(mod.fig)
