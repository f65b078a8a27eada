import numpy as np
import pytest

from snippets.transformations import grad_scalar_output as mod


def test_vector_output_raises_type_error():
    with pytest.raises(TypeError, match=r"scalar-output functions.*shape: \(3,\)"):
        mod.grad_of_vector_output()


def test_length_one_array_is_not_a_scalar():
    with pytest.raises(TypeError, match=r"shape: \(1,\)"):
        mod.grad_of_length_one_output()


def test_jacobian_of_squares_is_diagonal_two_v():
    np.testing.assert_allclose(mod.jax.jacobian(mod.squares)(mod.point), np.diag([2.0, 4.0, 6.0]))


def test_grad_of_the_sum_is_the_jacobian_diagonal():
    np.testing.assert_allclose(mod.total_grad, [2.0, 4.0, 6.0])
    np.testing.assert_allclose(mod.total_grad, np.diag(mod.jax.jacobian(mod.squares)(mod.point)))
