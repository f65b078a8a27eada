"""docs/autodiff/scan_dataflow.md: the carries and cotangents drawn in the figure."""

import numpy as np
import pytest

from snippets.autodiff import scan_dataflow_figure as m


def test_forward_carries_follow_the_recurrence():
    h, expected = m.h0, []
    for x in np.asarray(m.drive):
        h = np.tanh(m.COUPLING * h + x)
        expected.append(h)
    np.testing.assert_allclose(m.carries, expected, rtol=1e-6)


def test_probe_gradients_are_the_backward_recurrence():
    h = np.asarray(m.carries)
    g = np.zeros_like(h)
    carried = 0.0
    # walk from the last step to the first, as the reverse scan does
    for t in reversed(range(len(h))):
        g[t] = 2 * (h[t] - m.target) + carried
        carried = g[t] * m.COUPLING * (1 - h[t] ** 2)
    np.testing.assert_allclose(m.cotangents, g, rtol=1e-5)
    assert float(m.d_h0) == pytest.approx(carried, rel=1e-5)


def test_figure_has_one_box_per_carry_and_cotangent():
    assert len(m.values) == len(m.grads) == len(m.drive) + 1
    assert m.grads[0] == pytest.approx(float(m.d_h0))


def test_exercise_ratio_of_cotangents_is_local_jacobian():
    np.testing.assert_allclose(m.measured, m.predicted, rtol=1e-5)


def test_largest_cotangent_is_not_at_the_last_step():
    largest = int(np.abs(np.asarray(m.cotangents)).argmax())
    assert largest == 0     # the page names the step with the largest cotangent
    assert largest != len(m.drive) - 1


def test_cotangent_recursion_read_off_the_figure():
    c, h = np.asarray(m.cotangents), np.asarray(m.carries)
    local = m.COUPLING * (1 - h[1:] ** 2)
    np.testing.assert_allclose(c[:-1], 2 * (h[:-1] - m.target) + c[1:] * local,
                               rtol=1e-5, atol=1e-6)
    assert abs(c[-1] - 2 * (h[-1] - m.target)) < 1e-6
    assert abs(float(m.d_h0) - c[0] * m.COUPLING * (1 - h[0] ** 2)) < 1e-6
