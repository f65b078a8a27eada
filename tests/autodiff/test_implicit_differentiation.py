"""docs/autodiff/implicit_differentiation.md: custom_root and custom_linear_solve, checked."""

import jax
import jax.numpy as jnp
import pytest

from snippets.autodiff import implicit_differentiation as m


def test_custom_root_matches_the_hand_written_vjp_in_both_modes():
    by_hand = float(jax.grad(m.fixed_point)(0.8))
    assert float(jax.grad(m.fixed_point_root)(0.8)) == pytest.approx(by_hand, rel=1e-6)
    assert float(jax.jacfwd(m.fixed_point_root)(0.8)) == pytest.approx(by_hand, rel=1e-6)


def test_hand_written_vjp_has_no_forward_mode():
    with pytest.raises(TypeError, match="forward-mode"):
        m.forward_mode_of_hand_written()


def test_hand_written_vjp_cannot_differentiate_a_closed_over_value():
    assert float(m.hand_written(0.9)) == pytest.approx(float(m.with_root(0.9)), abs=1e-5)
    with pytest.raises(jax.errors.UnexpectedTracerError):
        m.grad_of_hand_written()
    assert m.first_line.startswith("Encountered an unexpected tracer")


def test_custom_root_differentiates_the_closed_over_value():
    reference = float(jax.grad(m.steps_reference)(0.9))
    assert float(jax.grad(m.with_root)(0.9)) == pytest.approx(reference, rel=1e-5)


def test_closed_over_value_becomes_an_operand():
    (eqn,) = m.root_jaxpr.eqns
    assert eqn.primitive.name == "custom_jvp_call"
    (scale,) = m.root_jaxpr.jaxpr.invars
    assert any(v is scale for v in eqn.invars)


def test_custom_linear_solve_matches_the_direct_solve():
    for iterative, direct in zip(m.grads_iterative, m.grads_direct, strict=True):
        assert jnp.allclose(iterative, direct, atol=1e-5)


def test_the_iterative_solver_alone_is_refused_by_grad():
    def raw(b):
        return jnp.sum(m.neumann(lambda x: x - m.m_matrix @ x, b))

    with pytest.raises(ValueError, match="Reverse-mode differentiation does not work"):
        jax.grad(raw)(m.b_vector)


def test_exercise_vector_fixed_point():
    assert jnp.allclose(m.implicit_db, m.steps_db, atol=1e-4)
