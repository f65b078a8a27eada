import jax
import numpy as np

from snippets.limits import per_example_gradients as m


def test_per_example_gradient_is_residual_times_input():
    X, y, w = (np.asarray(a, np.float64) for a in (m.X, m.y, m.w))
    expected = (X @ w - y)[:, None] * X
    assert m.per_example.shape == (6, 3)
    np.testing.assert_allclose(m.per_example, expected, rtol=1e-5, atol=1e-6)


def test_mean_of_per_example_gradients_is_gradient_of_mean_loss():
    np.testing.assert_allclose(m.per_example.mean(axis=0), jax.grad(m.mean_loss)(m.w),
                               rtol=1e-5, atol=1e-6)
