"""docs/autodiff/while_loop.md: the implicit-function gradient of a while_loop fixed point."""

import jax
import jax.numpy as jnp
import pytest

from snippets.autodiff import fixed_point_implicit as m


def test_solution_is_a_fixed_point():
    assert float(m.x_star) == pytest.approx(float(m.update(m.x_star, 0.8)), abs=1e-6)
    assert 1 < int(m.n_iter) < 500


def test_implicit_gradient_matches_fixed_steps_and_analytic():
    x = float(m.x_star)
    analytic = jnp.cos(x) / (1 + 0.8 * jnp.sin(x))   # u_theta / (1 - u_x)
    assert float(m.implicit) == pytest.approx(float(analytic), rel=1e-5)
    assert float(m.implicit) == pytest.approx(float(m.through_loop), rel=1e-5)


def test_jvp_through_while_loop_is_close_but_truncated():
    assert float(m.forward) == pytest.approx(float(m.implicit), rel=1e-4)
    # the page calls the jvp "off": its gap is well above the implicit-vs-scan gap
    jvp_gap = abs(float(m.forward) - float(m.implicit))
    assert jvp_gap > 10 * abs(float(m.through_loop) - float(m.implicit))


def test_grad_through_the_raw_solver_is_refused():
    with pytest.raises(ValueError, match="Reverse-mode differentiation does not work"):
        jax.grad(lambda t: m.solve(t)[0])(0.8)


def test_exercise_two_parameter_fixed_point():
    for implicit, fixed in zip(m.implicit_ab, m.fixed_steps_ab, strict=True):
        assert float(implicit) == pytest.approx(float(fixed), rel=1e-5)


def test_printed_gaps_match_the_page_claims():
    assert m.unrolled_gap < 1e-6
    assert m.jvp_gap > 10 * m.unrolled_gap
