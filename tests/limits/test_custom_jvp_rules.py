"""docs/limits/custom_derivatives.md: custom_jvp rules against the formula's own derivative."""

import jax
import jax.numpy as jnp
import pytest

from snippets.limits import custom_jvp_rules as m


def test_naive_log1pexp_overflows_value_and_gradient():
    assert jnp.isinf(m.log1pexp_naive(100.0))
    assert jnp.isnan(jax.grad(m.log1pexp_naive)(100.0))


def test_rule_fixes_the_gradient_not_the_value():
    assert float(jax.grad(m.log1pexp)(100.0)) == 1.0
    assert jnp.isinf(m.log1pexp(100.0))
    assert float(jax.grad(m.log1pexp)(2.0)) == pytest.approx(float(jax.nn.sigmoid(2.0)), rel=1e-6)
    assert float(jax.nn.softplus(100.0)) == 100.0


def test_gradient_program_uses_the_rule():
    names = {e.primitive.name for e in m.grad_jaxpr.eqns}
    assert "logistic" in names and "custom_jvp_call" in names


def test_sqrt_ratio_at_zero():
    assert jnp.isnan(m.grads["plain"][0])
    assert float(m.grads["double where"][0]) == 0.0
    assert float(m.grads["custom_jvp"][0]) == pytest.approx(1.0, abs=1e-6)
    assert float(m.quotient_at_0) == pytest.approx(1.0, abs=1e-2)
    at_4 = [float(g[1]) for g in m.grads.values()]
    assert at_4 == pytest.approx([2 / 9] * 3, rel=1e-5)   # (1 + 1) / 3**2


def test_safe_norm():
    assert jnp.all(jnp.isnan(jax.grad(jnp.linalg.norm)(m.zero)))
    assert jnp.all(jax.grad(m.safe_norm)(m.zero) == 0.0)
    assert jnp.allclose(jax.grad(m.safe_norm)(m.point), jnp.array([0.6, 0.8, 0.0]))
    assert jnp.allclose(jax.hessian(m.safe_norm)(m.point), jax.hessian(jnp.linalg.norm)(m.point))


def test_exercise_log1p_over_x():
    assert float(m.log1p_over_x(0.0)) == 1.0
    assert float(jax.grad(m.log1p_over_x)(0.0)) == -0.5
    plain = jax.grad(lambda x: jnp.log1p(x) / x)(0.5)
    assert float(jax.grad(m.log1p_over_x)(0.5)) == pytest.approx(float(plain), rel=1e-6)


def test_exercise_formula_is_nan_at_zero():
    def plain(x):
        return jnp.log1p(x) / x

    assert jnp.isnan(plain(0.0)) and jnp.isnan(jax.grad(plain)(0.0))


def test_safe_norm_hessian_is_finite_at_zero():
    assert jnp.all(jnp.isfinite(jax.hessian(m.safe_norm)(m.zero)))
