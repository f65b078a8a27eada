"""docs/autodiff/autodiff_api.md: linearize once, push many tangents; scan vs while_loop."""

import jax
import pytest

from snippets.autodiff import linearize_tangents as m


def test_pushed_tangents_equal_jvps():
    assert m.pushed.shape == (5, 3)
    assert float(abs(m.pushed - m.one_by_one).max()) < 1e-6


def test_scan_linear_function_carries_only_the_tangent():
    assert m.kept["scan"].primitive.name == "scan"
    assert [v.aval.shape for v in m.kept["scan"].outvars] == [()]


def test_while_linear_function_reruns_counter_and_balance():
    loop = m.kept["while_loop"]
    assert loop.primitive.name == "while"
    assert [str(v.aval.dtype) for v in loop.outvars] == ["int32", "float32", "float32"]


def test_both_linearizations_give_the_same_slope():
    _, a = jax.linearize(m.savings_scan, 0.05)
    _, b = jax.linearize(m.savings_while, 0.05)
    assert float(a(1.0)) == pytest.approx(float(b(1.0)), rel=1e-6)
