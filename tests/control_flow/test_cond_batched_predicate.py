import numpy as np

from snippets.control_flow import cond_batched_predicate as cbp


def test_batched_predicate_becomes_select():
    assert "cond" not in cbp.batched_primitives
    assert "select_n" in cbp.batched_primitives
    assert {"sqrt", "mul"} <= set(cbp.batched_primitives)  # both branches computed


def test_shared_predicate_stays_a_cond():
    assert "cond" in cbp.shared_primitives
    assert "select_n" not in cbp.shared_primitives


def test_exercise_smoothstep():
    t = np.array([-1.0, 0.25, 0.5, 2.0])
    expected = np.where(t < 0, 0.0, np.where(t > 1, 1.0, t * t * (3 - 2 * t)))
    np.testing.assert_allclose(cbp.smooth_values, expected, rtol=1e-6)


def test_exercise_vmapped_switch_is_a_select():
    assert "cond" not in cbp.smooth_primitives
    assert "select_n" in cbp.smooth_primitives
