import matplotlib.pyplot as plt

from snippets.transformations import jit_pipeline_figure as mod


def test_figure_shows_the_real_text_of_every_stage():
    joined = "\n".join(mod.figure_texts)
    assert "jax.jit(gaussian_bump).trace(samples)  # samples: float32[5]" in joined
    assert "d:f32[5] = exp c" in joined
    assert "stablehlo.exponential %1 : tensor<5xf32>" in joined
    assert "fusion(%v.1), kind=kLoop" in joined
    assert "metadata=" not in joined


def test_figure_has_white_background_title_and_four_stages():
    assert mod.fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert mod.ax.get_title() == "gaussian_bump through jax.jit, as text at each stage"
    assert len(mod.stages) == 4
    plt.close(mod.fig)
