import numpy as np
import pytest

from snippets.control_flow import scan_basics as sb


def test_carry_is_last_output():
    assert float(sb.final) == pytest.approx(float(sb.history[-1]))
    expected, balance = [], 0.0
    for m in [100.0, -20.0, 0.0, 50.0]:
        balance = balance * 1.001 + m
        expected.append(balance)
    np.testing.assert_allclose(sb.history, expected, rtol=1e-6)


def test_length_without_xs():
    np.testing.assert_array_equal(sb.powers, [1.0, 2.0, 4.0, 8.0, 16.0])
    assert float(sb.powers_final) == 32.0


def test_reverse_scan_accumulates_from_the_end():
    np.testing.assert_allclose(sb.returns, [2.1222, 2.358, 2.62, 1.8, 2.0], rtol=1e-5)


def test_unroll_changes_the_program_not_the_values():
    assert sb.unroll_params == (1, 2)
    np.testing.assert_array_equal(sb.unrolled_history, sb.history)
    assert bool(sb.same_values)


def test_unroll_is_done_by_the_lowering():
    # 8 steps: one while of 8 trips with one step; one while of 4 trips with two steps; no loop.
    assert sb.lowered[1] == {"while ops": 1, "trip count": 8, "steps per iteration": 1,
                             "steps in program": 1}
    assert sb.lowered[2] == {"while ops": 1, "trip count": 4, "steps per iteration": 2,
                             "steps in program": 2}
    assert sb.lowered[8] == {"while ops": 0, "trip count": None, "steps per iteration": 0,
                             "steps in program": 8}
    for u in (2, 8):
        np.testing.assert_array_equal(sb.balances[u], sb.balances[1])
