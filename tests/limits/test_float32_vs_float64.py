import jax.numpy as jnp
import pytest

from snippets.limits import float32_vs_float64 as m


def test_float64_tracks_the_series_at_every_point():
    for x, s64 in zip(m.probe_points, m.slope64, strict=True):
        assert s64 == pytest.approx(m.exact_slope(x), rel=1e-3)


def test_float32_is_wrong_in_sign_at_the_smallest_point():
    assert m.slope32[-1] > 0 > m.exact_slope(m.probe_points[-1])
    assert m.slope32[0] == pytest.approx(m.exact_slope(m.probe_points[0]), rel=1e-2)


def test_x64_does_not_leak_out_of_the_context_manager():
    assert m.default_dtype_after == jnp.float32
    assert jnp.ones(()).dtype == jnp.float32


def test_float64_is_not_exact_at_the_smallest_point():
    x = m.probe_points[-1]
    assert abs(m.slope64[-1] / m.exact_slope(x) - 1) > 1e-5  # cancellation left in float64


def test_page_claims_on_the_smallest_probe():
    exact = [m.exact_slope(x) for x in m.probe_points]
    assert m.slope32[-1] > 0 > exact[-1]
    assert abs(m.slope32[-1]) > 1e3 * abs(exact[-1])
    assert abs(m.slope64[-1] / exact[-1] - 1) < 1e-3
    assert abs(m.slope64[-1] / exact[-1] - 1) > abs(m.slope64[-2] / exact[-2] - 1)
