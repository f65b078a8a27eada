"""docs/autodiff/autodiff_api.md: value_and_grad with has_aux."""

import jax
import pytest

from snippets.autodiff import value_and_grad_aux as m


def test_value_aux_and_gradient():
    assert float(m.value) == pytest.approx(float(m.loss_and_predictions(1.5)[0]))
    assert m.predictions.tolist() == [0.75, -1.5, 3.0]
    # d/dw mean((w x - t)^2) = mean(2 (w x - t) x)
    expected = float((2 * (1.5 * m.inputs - m.targets) * m.inputs).mean())
    assert float(m.gradient) == pytest.approx(expected, rel=1e-6)


def test_grad_of_a_pair_without_has_aux_is_a_type_error():
    with pytest.raises(TypeError, match="scalar-output"):
        m.grad_without_has_aux()


def test_has_aux_grad_returns_the_aux_too():
    gradient, predictions = jax.grad(m.loss_and_predictions, has_aux=True)(1.5)
    assert float(gradient) == float(m.gradient)
    assert predictions.shape == (3,)
