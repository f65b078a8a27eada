import jax
import jax.numpy as jnp
import numpy as np

from snippets.limits import double_where as m


def test_single_where_gives_right_value_and_nan_gradient():
    assert float(m.naive_value) == 0.0
    assert np.isnan(m.naive_grad)


def test_double_where_has_finite_gradient():
    np.testing.assert_allclose(m.safe_values, [0.0, np.log(0.5), np.log(2.0)], rtol=1e-6)
    np.testing.assert_allclose(m.safe_grads, [0.0, 2.0, 0.5], rtol=1e-6)


def test_exercise_safe_norm():
    assert np.all(np.isnan(jax.grad(jnp.linalg.norm)(jnp.zeros(3))))
    np.testing.assert_array_equal(jax.grad(m.safe_norm)(jnp.zeros(3)), np.zeros(3))
    np.testing.assert_allclose(jax.grad(m.safe_norm)(jnp.array([3.0, 4.0])), [0.6, 0.8])
    assert float(m.safe_norm(jnp.array([3.0, 4.0]))) == 5.0
    assert float(m.safe_norm(jnp.zeros(3))) == 0.0
