import numpy as np

from snippets.transformations import vmap_exercise_pairwise as mod


def test_pairwise_distances_match_broadcasting():
    starts, ends = np.asarray(mod.starts), np.asarray(mod.ends)
    expected = np.sqrt(((starts[:, None, :] - ends[None, :, :]) ** 2).sum(-1))
    assert mod.all_pairs.shape == (3, 4)
    np.testing.assert_allclose(mod.all_pairs, expected, rtol=1e-6)
