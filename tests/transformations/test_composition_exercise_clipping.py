import numpy as np

from snippets.transformations import composition_exercise_clipping as mod
from snippets.transformations import composition_order


def norms(grads):
    return np.sqrt(np.sum(np.asarray(grads["w"]) ** 2, axis=1) + np.asarray(grads["b"]) ** 2)


def test_every_clipped_gradient_has_norm_at_most_five():
    assert np.all(norms(mod.clipped_each) <= 5.0 + 1e-4)


def test_small_gradients_are_left_alone():
    raw = mod.per_example(mod.params, mod.features, mod.labels)
    small = norms(raw) < 5.0
    assert small.sum() == 4  # four examples below the limit, four clipped
    np.testing.assert_allclose(np.asarray(mod.clipped_each["w"])[small],
                               np.asarray(raw["w"])[small])
    np.testing.assert_allclose(norms(mod.clipped_each)[~small], 5.0, rtol=1e-5)


def test_clipped_mean_differs_from_plain_batch_gradient():
    gap = np.abs(np.asarray(mod.clipped_mean["w"]) - composition_order.batch_gradient["w"]).max()
    assert gap > 0.1


def test_clipped_examples_are_those_above_the_limit():
    np.testing.assert_array_equal(np.flatnonzero(np.asarray(mod.norms_before) > 5.0), [1, 3, 4, 6])
