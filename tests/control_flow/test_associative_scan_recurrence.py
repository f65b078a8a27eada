import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from snippets.control_flow import associative_scan_recurrence as asr


def reference(a, b):
    """The recurrence in float64 NumPy, one step at a time."""
    h, out = 0.0, []
    for a_t, b_t in zip(np.asarray(a, np.float64), np.asarray(b, np.float64), strict=True):
        h = a_t * h + b_t
        out.append(h)
    return np.array(out)


def test_scan_and_tree_compute_the_recurrence():
    expected = reference(asr.a, asr.b)
    np.testing.assert_allclose(asr.h_scan, expected, atol=1e-4)
    np.testing.assert_allclose(asr.h_parallel, expected, atol=1e-4)
    assert asr.difference <= asr.tolerance
    assert 0 < asr.difference  # different order of additions, not bit-for-bit


def test_combine_composes_two_steps():
    a1, b1, a2, b2, h = 0.5, 2.0, 3.0, -1.0, 7.0
    a12, b12 = asr.combine((a1, b1), (a2, b2))
    assert a12 * h + b12 == pytest.approx(a2 * (a1 * h + b1) + b2)
    assert asr.regrouping_error <= 4 * float(jnp.finfo(jnp.float32).eps)


@pytest.mark.parametrize("n", asr.sizes)
def test_program_shapes(n):
    scan, tree = asr.shapes[n]["scan"], asr.shapes[n]["associative_scan"]
    assert (scan["while loops"], scan["steps in sequence"]) == (1, n)
    assert tree["while loops"] == 0
    assert tree["steps in sequence"] == 2 * int(math.log2(n)) - 1
    assert tree["pairs combined"] == 2 * n - int(math.log2(n)) - 2


@pytest.mark.parametrize("n", asr.sizes)
def test_doubling_scan_halves_rounds_and_costs_n_log_n(n):
    k = int(math.log2(n))
    assert asr.doubling[n] == {"rounds": k, "pairs combined": n * k - n + 1}
    assert 2 * k - 1 == asr.shapes[n]["associative_scan"]["steps in sequence"]


def test_doubling_scan_computes_the_recurrence():
    assert asr.doubling_difference <= asr.tolerance
    np.testing.assert_allclose(asr.h_doubling, reference(asr.a, asr.b), atol=1e-4)


def test_tree_program_grows_with_rounds_only():
    ops = [asr.shapes[n]["associative_scan"]["HLO ops"] for n in asr.sizes]
    assert 0.8 < (ops[3] - ops[2]) / (ops[2] - ops[1]) < 1.25
    assert len({asr.shapes[n]["scan"]["HLO ops"] for n in asr.sizes}) == 1


def test_cost_analysis_counts_a_while_body_once():
    assert len({asr.costs[n]["scan (reported)"] for n in asr.sizes}) == 1
    assert asr.one_step == 2.0
    assert asr.costs[8]["scan (reported)"] == asr.one_step + asr.loop_control == 4.0
    per_element = [asr.costs[n]["assoc (lowered)"] / n for n in asr.sizes[1:]]
    assert max(per_element) / min(per_element) < 1.1
    for n in asr.sizes:
        assert asr.costs[n]["assoc (lowered)"] > 2 * asr.costs[n]["scan (step x N)"]


@pytest.mark.parametrize("n", asr.sizes)
def test_cumsum_lowers_to_one_quadratic_window(n):
    shape = asr.cumsum_shapes[n]
    assert shape["lowered flops"] == n * (n - 1)
    assert shape["lowered windows"] == [str(n)]
    assert len(shape["compiled windows"]) == min(k for k in range(1, 10) if 16**k >= n)
    assert shape["compiled flops"] < 20 * n


def test_cumulative_ops_route_and_its_accuracy():
    expected = reference(asr.a, asr.positive_b)
    np.testing.assert_allclose(asr.h_cumulative, expected, rtol=asr.relative_tolerance)
    assert asr.relative_difference <= asr.relative_tolerance
    assert asr.relative_difference > 100 * asr.parallel_relative_difference
    assert asr.largest_exponent > 1000  # A_t = exp(-1000) underflows float32
    assert float(jnp.prod(asr.a)) == 0.0


def test_exercise():
    np.testing.assert_allclose(asr.ema_scan, asr.ema_parallel, rtol=1e-5, atol=1e-5)
    alpha, xs = 0.9, np.asarray(asr.prices, np.float64)
    y, expected = xs[0], []
    for x in xs[1:]:
        y = alpha * y + (1 - alpha) * x
        expected.append(y)
    np.testing.assert_allclose(asr.ema_scan, expected, rtol=1e-4, atol=1e-4)
    assert asr.rounds == 18


def test_derivatives_of_cumulative_ops():
    # cumlogsumexp is differentiated through associative_scan; cumsum's derivative is a cumsum
    jaxpr = jax.make_jaxpr(jax.grad(lambda x: jax.lax.cumlogsumexp(x).sum()))(jnp.ones(8))
    assert "cumlogsumexp" not in str(jaxpr) and "pad" in str(jaxpr)
    jaxpr = jax.make_jaxpr(jax.grad(lambda x: jnp.cumsum(x).sum()))(jnp.ones(8))
    assert "cumsum[axis=0 reverse=True]" in str(jaxpr)
