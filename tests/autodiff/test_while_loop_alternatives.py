"""docs/autodiff/while_loop.md: static fori_loop and masked scan give while_loop's derivative."""

import jax
import pytest

from snippets.autodiff import while_loop_alternatives as m
from snippets.autodiff import while_loop_reverse_mode as reference


def test_static_fori_loop_is_a_scan_and_matches_forward_mode():
    assert m.fori_static_primitives == ["scan"]
    forward = jax.jacfwd(reference.savings)(1.05, 6)
    assert float(m.savings_slope(1.05, 6)) == pytest.approx(float(forward), rel=1e-6)


def test_traced_fori_bound_becomes_while_and_raises_value_error():
    traced = jax.make_jaxpr(m.savings_fori)(1.05, 6)
    assert "while" in [eqn.primitive.name for eqn in traced.eqns]
    with pytest.raises(ValueError, match="Reverse-mode differentiation does not work"):
        m.fori_traced_bound()


def test_masked_scan_matches_while_loop_value_steps_and_slope():
    assert int(m.masked_years) == int(m.years_needed) == 13
    assert float(m.masked_final) == pytest.approx(float(m.final), rel=1e-6)
    assert float(m.masked_slope) == pytest.approx(float(m.final_slope), rel=1e-5)


def test_max_years_too_small_truncates():
    # the mask only works when max_years covers the stopping time
    short, years = m.grow_past_masked(1.05, max_years=5)
    assert int(years) == 5 and float(short) < 10.0


def test_exercise_masked_scan_agrees_with_jvp():
    assert m.steps == 4
    assert float(m.by_grad) == pytest.approx(float(m.by_jvp), rel=1e-6)
    with pytest.raises(ValueError, match="Reverse-mode differentiation does not work"):
        jax.grad(m.halve_until_while)(1.0)


def test_masked_scan_gradient_runs_every_step():
    jaxpr = jax.make_jaxpr(jax.grad(lambda r: m.grow_past_masked(r)[0]))(1.05)
    lengths = [e.params["length"] for e in jaxpr.eqns if e.primitive.name == "scan"]
    assert lengths == [64, 64]


def test_fori_slope_and_masked_scan_match_forward_mode_references():
    from snippets.autodiff import while_loop_reverse_mode as loop
    assert abs(float(m.fori_slope) / float(loop.jacobian) - 1) < 1e-6
    assert int(m.years_needed) == int(m.masked_years)
    assert abs(float(m.masked_slope) / float(m.final_slope) - 1) < 1e-6


def test_masked_scan_saves_residuals_for_every_one_of_its_64_steps():
    assert m.residual_types == ["f32[]", "f32[64]", "bool[64]"]
    assert int(m.masked_years) < 64
    assert m.fori_static_primitives == ["scan"]
