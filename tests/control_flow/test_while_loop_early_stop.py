import pytest

from snippets.control_flow import while_loop_early_stop as wl


def test_newton_stops_after_data_dependent_step_counts():
    (root27, steps27), (root15, steps15) = wl.roots
    assert float(root27) == pytest.approx(3.0, rel=1e-6)
    assert float(root15) == pytest.approx(1.5 ** (1 / 3), rel=1e-6)
    assert (int(steps27), int(steps15)) == (9, 4)


def test_exercise_fixed_steps_is_reverse_differentiable():
    assert float(wl.cube_root_fixed(8.0)) == pytest.approx(2.0, rel=1e-6)
    assert abs(float(wl.exercise_grad) - 1.0 / 12.0) < 1e-6
