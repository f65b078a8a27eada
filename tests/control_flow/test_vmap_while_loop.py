"""A batched while_loop: per-lane results, one trip count (the slowest lane's), masking in HLO."""

import numpy as np

from snippets.control_flow import vmap_while_loop as m


def test_per_lane_results_match_separate_loops():
    assert m.steps.tolist() == [1, 2, 6, 0]
    np.testing.assert_allclose(m.ends, [0.75, 0.75, 0.625, 0.5])
    assert [int(n) for n, _ in m.one_by_one] == [1, 2, 6, 0]
    np.testing.assert_allclose([float(v) for _, v in m.one_by_one], m.ends)


def test_trip_count_is_the_slowest_lanes():
    assert m.n_trips == int(m.steps.max()) == 6


def test_jaxpr_keeps_a_batched_predicate_and_no_select():
    assert m.predicate_aval.shape == (4,) and m.predicate_aval.dtype == np.bool_
    assert m.body_primitives == ["debug_callback", "add", "div"]


def test_lowering_reduces_the_predicate_and_selects_in_the_body():
    assert "stablehlo.or" in m.cond_region and "stablehlo.reduce" in m.cond_region
    assert m.body_region.count("stablehlo.select") == 2  # one per carry element
    assert "stablehlo.select" not in m.cond_region


def test_exercise_collatz():
    assert m.per_lane.tolist() == [0, 1, 7, 2, 5, 8, 16, 3]
    assert len(m.collatz_trips) == 16
    assert m.lane_steps == 128 and int(m.per_lane.sum()) == 42
