import jax
import jax.numpy as jnp
import pytest

from snippets.control_flow import switch_index_clamping as sic


def test_switch_picks_the_indexed_branch():
    assert float(sic.chosen) == pytest.approx(float(jnp.tanh(-2.0)))


def test_out_of_range_indices_clamp_to_the_ends():
    first, last = 0.0, float(jax.nn.softplus(-2.0))
    assert sic.clamped[-7] == sic.clamped[-1] == sic.clamped[0] == first  # not Python's [-1]
    assert sic.clamped[3] == sic.clamped[50] == sic.clamped[2] == pytest.approx(last)
