"""The three loops compute the same numbers (their speed is shown, never asserted)."""

import jax.numpy as jnp
import numpy as np

from snippets.reference import loop_compile_cost
from snippets.reference import loop_run_cost as m


def test_three_loops_agree():
    assert m.largest_gap < 1e-6
    assert set(m.results) == set(loop_compile_cost.LOOPS)


def test_the_loops_apply_the_step_the_given_number_of_times():
    state = loop_compile_cost.start
    for _ in range(loop_compile_cost.TRIP_COUNTS[-1]):
        state = 0.5 * jnp.cos(state) + 0.25 * state
    np.testing.assert_allclose(m.results["lax.scan"], state, rtol=1e-6)


def test_per_step_figures_cover_every_trip_count():
    assert all(len(v) == len(m.TRIP_COUNTS) for v in m.step_us.values())
