"""docs/autodiff/checkpointed_scan.md: jax.checkpoint on a scan body."""

import numpy as np
import pytest

from snippets.autodiff import checkpointed_scan as m


def test_checkpointed_gradient_equals_plain():
    np.testing.assert_allclose(m.remat, m.plain, rtol=1e-5, atol=1e-6)
    assert m.largest_difference == float(np.max(np.abs(m.plain - m.remat))) < 1e-6


def test_checkpoint_keeps_one_stacked_array_instead_of_six():
    assert len(m.stacked_residuals(m.gated_step)) == 6
    assert m.stacked_residuals(m.remat_step) == ["float32[64,32]"]


def test_checkpoint_costs_more_primitive_applications():
    plain, remat = m.counts["plain"], m.counts["remat"]
    assert remat.total() > plain.total()
    # the page glues the extra fraction: about a fifth more applications
    assert remat.total() / plain.total() - 1 == pytest.approx(0.21, abs=0.02)
    # two matrix products per step (forward and backward), plus one recomputed
    assert plain["dot_general"] == 2 * 64
    assert remat["dot_general"] == 3 * 64


def test_exercise_policy_lands_between():
    assert 1 < m.save_dots_stacked < len(m.stacked_residuals(m.gated_step))
    assert m.save_dots_stacked == 2
    assert m.save_dots_dots == m.counts["plain"]["dot_general"] < m.counts["remat"]["dot_general"]


def test_timed_variants_are_the_page_s_two_steps():
    assert set(m.seconds) == {"plain", "remat"}
