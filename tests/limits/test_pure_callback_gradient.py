import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.special

from snippets.limits import pure_callback_gradient as m


def test_callback_matches_scipy_under_jit_and_vmap():
    xs = jnp.array([0.5, 1.0, 2.0])
    np.testing.assert_allclose(jax.jit(m.k0_plain)(jnp.float32(1.0)), scipy.special.k0(1.0),
                               rtol=1e-6)
    np.testing.assert_allclose(jax.vmap(m.k0_plain)(xs), scipy.special.k0(np.asarray(xs)),
                               rtol=1e-6)


def test_grad_without_a_rule_raises_value_error():
    with pytest.raises(ValueError, match="Pure callbacks do not support JVP"):
        m.grad_of_plain()


def test_custom_jvp_gradient_matches_finite_difference():
    np.testing.assert_allclose(m.autodiff, m.reference, rtol=1e-5)
    assert m.relative_error.max() < np.finfo(np.float32).eps  # float32 rounding
    np.testing.assert_allclose(m.autodiff, -scipy.special.k1(np.asarray(m.xs)), rtol=1e-6)


def test_exercise_custom_vjp_gradient_matches_finite_difference():
    np.testing.assert_allclose(m.k1_autodiff, m.k1_reference, rtol=1e-5)
