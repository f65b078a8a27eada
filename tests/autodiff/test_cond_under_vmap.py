"""The claims of docs/autodiff/cond.md about cond under vmap, and jnp.where's NaN gradients."""

import numpy as np

from snippets.autodiff import cond_under_vmap as m

EXPECTED = [0.5, 0.5, 0.5, 0.25]   # 0.5 on the line, 1 / (2 sqrt x) on the root


def test_batched_cond_becomes_select_guarded_by_stop_gradient():
    assert "cond" not in m.batched_primitives
    assert "sqrt" in m.batched_primitives
    assert m.batched_primitives.count("select_n") == 3
    assert m.batched_primitives.count("stop_gradient") == 2


def test_batched_cond_gradient_is_finite_and_correct():
    np.testing.assert_allclose(m.cond_slopes, EXPECTED, rtol=1e-6)
    np.testing.assert_allclose(m.batched_slopes, EXPECTED, rtol=1e-6)


def test_batched_gradient_ends_in_a_select_of_branch_cotangents():
    eqns = m.batched_grad_jaxpr.jaxpr.eqns
    assert "cond" not in [e.primitive.name for e in eqns]
    assert eqns[-1].primitive.name == "select_n"
    assert eqns[-1].outvars == m.batched_grad_jaxpr.jaxpr.outvars


def test_where_gradient_is_nan_exactly_where_sqrt_was_not_taken():
    nan_lanes = np.isnan(np.asarray(m.where_slopes))
    np.testing.assert_array_equal(nan_lanes, np.asarray(m.points) <= 0)
    np.testing.assert_allclose(m.where_slopes[2:], EXPECTED[2:], rtol=1e-6)
