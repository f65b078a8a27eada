import numpy as np
import pytest
import scipy.special

from snippets.control_flow import host_callbacks as hc


def test_debug_callback_sees_every_step():
    assert [step for step, _ in hc.trajectory] == [0, 1, 2, 3]
    assert hc.trajectory[0][1] == pytest.approx(1.0)
    # h(t) = 1 - g t^2 / 2 at t = 0.1 s
    assert hc.trajectory[1][1] == pytest.approx(1.0 - 0.5 * 9.81 * 0.01, rel=1e-6)


def test_pure_callback_returns_host_values():
    expected = 10.0 * scipy.special.lambertw(np.array([1.0, np.e])).real
    np.testing.assert_allclose(hc.omega_values, expected, rtol=1e-6)
    assert float(hc.omega_values[1]) == pytest.approx(10.0)  # W(e) = 1


def test_unused_pure_callback_is_dropped():
    assert hc.skipped_calls == 0


def test_io_callback_runs_in_order_each_call():
    assert (float(hc.first_sum), float(hc.second_sum)) == (8.0, 15.0)


def test_jax_has_no_lambertw_of_its_own():
    import jax.scipy.special

    assert not hasattr(jax.scipy.special, "lambertw")
