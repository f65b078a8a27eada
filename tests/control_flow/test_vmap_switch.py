"""switch with a batched index: clamp, every branch, one select_n."""

import numpy as np

from snippets.control_flow import vmap_switch as m


def test_every_branch_is_in_the_batched_jaxpr():
    assert "cond" not in m.switch_primitives
    assert {"sin", "cos", "tanh", "exp", "clamp"} <= set(m.switch_primitives)
    assert m.final_select.primitive.name == "select_n"
    assert len(m.final_select.invars) == 1 + len(m.BRANCHES)


def test_out_of_range_indices_are_clamped_like_lane_by_lane():
    np.testing.assert_allclose(m.batched, m.lane_by_lane)
    np.testing.assert_allclose(m.batched, [np.sin(1), np.cos(1), np.e, np.sin(1)], rtol=1e-6)


def test_transcendentals():
    assert m.cost_per_lane == 16  # 4 branches x 4 lanes
    assert m.cost_shared == 4  # one branch x 4 lanes
