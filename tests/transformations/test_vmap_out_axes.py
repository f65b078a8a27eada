import numpy as np

from snippets.transformations import vmap_out_axes as mod


def test_out_axes_one_is_the_transpose():
    assert mod.batch_first.shape == (5, 2)
    assert mod.batch_last.shape == (2, 5)
    np.testing.assert_array_equal(mod.batch_last, mod.batch_first.T)


def test_out_axes_per_output():
    assert mod.turned.shape == (2, 5)
    assert mod.lengths.shape == (5,)
    np.testing.assert_allclose(mod.lengths, np.linalg.norm(mod.points, axis=1), rtol=1e-6)
