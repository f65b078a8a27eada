"""docs/autodiff/scan.md: vanishing and exploding per-step gradients."""

import pytest

from snippets.autodiff import scan_gradient_magnitudes as m


def test_one_norm_per_step():
    assert all(m.norms[g].shape == (m.LENGTH,) for g in m.gains)


def test_gain_below_one_vanishes_above_one_explodes():
    assert m.ratios[0.7] < 1e-6
    assert 0.5 < m.ratios[1.0] < 2.0
    assert m.ratios[1.3] > 10.0
    assert m.ratios[0.7] < m.ratios[1.0] < m.ratios[1.3]


def test_gain_above_one_grows_far_less_than_its_power():
    # the page: saturating tanh offsets the gain once the state is large
    assert m.ratios[1.3] < 1.3 ** (m.LENGTH - 1) / 1000


def test_exercise_ratio_follows_gain_power():
    for length, ratio in m.length_ratios.items():
        assert ratio == pytest.approx(0.7 ** (length - 1), rel=0.02)


def test_saturation_offsets_the_large_gain():
    # near-linear tanh for the small gains, a slope well below 1 for gain 1.3
    assert m.mean_slope[0.7] > 0.99
    assert m.mean_slope[1.3] < 0.85
    assert 1.0 < 1.3 * m.mean_slope[1.3] < 1.1


def test_figure_shapes():
    import numpy as np

    low, one, high = (np.asarray(m.norms[g]) for g in m.gains)
    assert np.all(np.diff(low) > 0)
    assert one.max() / one.min() < 2.0
    assert high[0] > one[0] > low[0]
    assert np.all(np.diff(high[:10]) < 0)
