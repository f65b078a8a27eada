"""debug.print in a vmapped cond: both branches print for every lane."""

from collections import Counter

import numpy as np

from snippets.control_flow import vmap_debug_print as m


def test_each_branch_prints_once_per_lane():
    assert len(m.per_lane_lines) == 6
    expected = [f"{b} sees {v}" for b in ("grow", "shrink") for v in ("0.5", "2.0", "3.0")]
    assert Counter(m.per_lane_lines) == Counter(expected)


def test_shared_level_prints_only_the_branch_taken():
    assert m.shared_lines == ["grow sees 0.5", "grow sees 2.0", "grow sees 3.0"]


def test_batched_print_is_one_debug_print_per_lane_and_branch():
    assert m.n_debug_prints == 6


def test_results_are_still_per_lane():
    np.testing.assert_allclose(m.per_lane_results, [0.05, 20.0, 30.0], rtol=1e-6)
