import pytest

from snippets.transformations import composition_order as mod


def test_vmapped_loss_is_a_vector():
    assert mod.batch_losses(mod.params, mod.features, mod.labels).shape == (8,)


def test_grad_of_vmapped_loss_raises_type_error():
    with pytest.raises(TypeError, match=r"scalar-output.*shape: \(8,\)"):
        mod.grad_of_vmapped_loss()


def test_grad_of_mean_equals_mean_of_per_example_grads():
    assert mod.batch_gradient["w"].shape == (3,)
    assert mod.batch_gradient["b"].shape == ()
    assert float(mod.gap) < 1e-6


def test_norm_of_mean_is_smaller_than_mean_of_norms():
    # Triangle inequality, strict here because the per-example gradients point different ways.
    assert float(mod.norm_of_mean) < float(mod.mean_of_norms) - 1.0
