"""docs/autodiff/checkpointed_scan.md: jax.checkpoint on a scan body."""

import numpy as np
import pytest

from snippets.autodiff import checkpointed_scan as m


def test_checkpointed_gradient_equals_plain():
    np.testing.assert_allclose(m.remat, m.plain, rtol=1e-5, atol=1e-6)
    assert float(np.max(np.abs(m.plain - m.remat))) < 1e-6


def test_checkpoint_keeps_one_stacked_array_instead_of_six():
    assert len(m.stacked_residuals(m.gated_step)) == 6
    assert m.stacked_residuals(m.remat_step) == ["float32[64,32]"]


@pytest.mark.parametrize("length", m.lengths)
def test_checkpointed_gradient_uses_less_temp_memory(length):
    assert m.memory[length, "remat"] < m.memory[length, "plain"]
    assert m.memory[length, "plain"] / m.memory[length, "remat"] > 4


def test_memory_grows_with_length_for_both():
    for name in ("plain", "remat"):
        sizes = [m.memory[n, name] for n in m.lengths]
        assert sizes == sorted(sizes)
        assert sizes[-1] / sizes[0] == pytest.approx(m.lengths[-1] / m.lengths[0], rel=0.1)


def test_checkpoint_costs_more_primitive_applications():
    plain, remat = m.counts["plain"], m.counts["remat"]
    assert remat.total() > plain.total()
    # the page glues the extra fraction: about a fifth more applications
    assert remat.total() / plain.total() - 1 == pytest.approx(0.21, abs=0.02)
    # two matrix products per step (forward and backward), plus one recomputed
    assert plain["dot_general"] == 2 * 64
    assert remat["dot_general"] == 3 * 64


def test_exercise_policy_lands_between():
    assert m.memory[256, "remat"] < m.save_dots_memory < m.memory[256, "plain"]
    assert m.save_dots_dots == m.counts["plain"]["dot_general"]
