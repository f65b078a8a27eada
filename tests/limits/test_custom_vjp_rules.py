"""docs/limits/custom_derivatives.md: custom_vjp, forward mode, nondiff_argnums, clipping."""

import jax
import jax.numpy as jnp
import pytest

from snippets.limits import custom_vjp_rules as m


def test_custom_vjp_gradient():
    assert float(jax.grad(m.wave)(1.0)) == pytest.approx(float(jnp.cos(1.0)), rel=1e-6)


def test_forward_mode_is_refused_with_a_type_error():
    with pytest.raises(TypeError, match="can't apply forward-mode autodiff"):
        m.forward_mode_of_custom_vjp()


def test_forward_over_reverse_hessian_works():
    assert float(jax.hessian(m.wave)(1.0)) == pytest.approx(float(-jnp.sin(1.0)), rel=1e-6)


def test_clipping_keeps_value_and_direction_and_caps_norm():
    assert float(m.loss(m.w)) == float(m.clipped_loss(m.w))
    assert float(jnp.linalg.norm(m.g)) > 1.0
    assert float(jnp.linalg.norm(m.g_clipped)) == pytest.approx(1.0, rel=1e-6)
    cosine = m.g @ m.g_clipped / (jnp.linalg.norm(m.g) * jnp.linalg.norm(m.g_clipped))
    assert float(cosine) == pytest.approx(1.0, abs=1e-6)


def test_a_traced_nondiff_argument_is_refused():
    with pytest.raises(jax.errors.UnexpectedTracerError, match="nondiff_argnums"):
        m.traced_max_norm()


def test_exercise_scale_cotangent():
    assert float(m.reversed_loss(m.w)) == float(m.loss(m.w))
    assert jnp.allclose(jax.grad(m.reversed_loss)(m.w), -jax.grad(m.loss)(m.w))


def test_jvp_is_refused_too():
    with pytest.raises(TypeError, match="can't apply forward-mode autodiff"):
        jax.jvp(m.wave, (1.0,), (1.0,))


def test_a_traced_setting_as_an_ordinary_argument_works_under_jit():
    assert jnp.allclose(m.g_jitted, m.g_clipped, atol=1e-6)
    assert float(jnp.linalg.norm(m.jitted_grad(m.w, 2.0))) == pytest.approx(2.0, rel=1e-6)
