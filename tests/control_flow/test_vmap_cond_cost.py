"""Both branches of a vmapped cond are charged for every lane; a shared flag keeps the cond."""

from snippets.control_flow import vmap_cond_cost as m


def test_flag_per_lane_costs_both_branches():
    both = m.cost["expensive alone"] + m.cost["cheap alone"]
    assert m.cost["flag per lane"] >= both
    # and not much more: the selects are all that is added
    assert m.cost["flag per lane"] - both < m.cost["cheap alone"] * 4


def test_shared_flag_is_charged_the_expensive_branch_only():
    assert m.cost["expensive alone"] <= m.cost["one flag for all"]
    assert m.cost["one flag for all"] - m.cost["expensive alone"] < m.cost["cheap alone"]
    assert m.cost["expensive alone"] > 8e6  # 8 lanes x (outer + two 64 x 64 products)


def test_compiled_programs():
    assert m.ops_per_lane == {"conditional": 0, "dot": 2, "select": 1}
    assert m.ops_shared == {"conditional": 1, "dot": 2, "select": 0}
    assert m.ops_mapped["conditional"] == 1  # one cond inside the loop over lanes


def test_values_follow_the_flags():
    import jax
    import numpy as np

    out = jax.vmap(m.pick)(m.flags, m.vs)
    np.testing.assert_allclose(out[1:], 2.0 * np.ones((7, 64)))
    np.testing.assert_allclose(out[0], np.full(64, 64.0**2 * 64), rtol=1e-6)
