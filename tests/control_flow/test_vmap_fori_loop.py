"""fori_loop under vmap: scan for a shared Python bound, while with bool[3] for batched bounds."""

import numpy as np

from snippets.control_flow import vmap_fori_loop as m


def test_shared_bound_stays_a_scan():
    assert m.shared_primitives == ["scan"]


def test_bound_per_lane_becomes_a_batched_while():
    assert "while" in m.per_lane_primitives and "scan" not in m.per_lane_primitives
    assert m.per_lane_predicate.shape == (3,)


def test_results_per_lane():
    np.testing.assert_allclose(m.results, [1.0, 7.0, 31.0])  # 2**n - 1
    np.testing.assert_allclose([float(v) for v in m.one_by_one], m.results)
