import numpy as np

from snippets.limits import logsumexp_overflow as m


def test_naive_overflows_and_underflows_with_nan_gradient():
    assert np.isposinf(m.naive_big)
    assert np.isneginf(m.naive_tiny)
    assert np.all(np.isnan(m.naive_grad_big))


def test_stable_versions_are_finite_and_shift_invariant():
    shifted = np.log(np.sum(np.exp(np.asarray(m.big, np.float64) - 700.0))) + 700.0
    np.testing.assert_allclose(m.stable_big, shifted, rtol=1e-6)
    np.testing.assert_allclose(m.stable_tiny, shifted - 1600.0, rtol=1e-6)


def test_stable_gradient_is_softmax_for_both_libraries():
    scores = np.asarray(m.big, np.float64)
    softmax = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
    np.testing.assert_allclose(m.stable_grad_big, softmax, rtol=1e-5)
    np.testing.assert_allclose(m.scipy_grad_tiny, softmax, rtol=1e-5)


def test_runs_table_naive_overflows_stable_gradients_identical():
    assert np.isposinf(m.runs["naive", "big"][0]) and np.isneginf(m.runs["naive", "tiny"][0])
    assert all(np.isnan(m.runs["naive", k][1]).all() for k in ("big", "tiny"))
    stable = {k: v for k, v in m.runs.items() if k[0] != "naive"}
    assert len(stable) == 4
    for value, grad in stable.values():
        assert np.isfinite(value)
        np.testing.assert_array_equal(grad, m.runs["jax.nn", "big"][1])
