import jax
import numpy as np
import pytest

from snippets.limits import clip_by_global_norm as m


def test_large_gradient_is_scaled_to_max_norm():
    assert float(m.norm_before) > 1.0
    assert float(m.norm_after) == pytest.approx(1.0, rel=1e-5)


def test_every_leaf_is_scaled_by_the_same_factor():
    ratios = jax.tree.leaves(jax.tree.map(lambda c, g: c / g, m.clipped, m.grads))
    flat = np.concatenate([np.ravel(r) for r in ratios])
    np.testing.assert_allclose(flat, flat[0], rtol=1e-5)


def test_small_gradient_passes_unchanged():
    out = m.clip_by_global_norm(m.small, max_norm=1.0)
    for a, b in zip(jax.tree.leaves(out), jax.tree.leaves(m.small), strict=True):
        np.testing.assert_array_equal(a, b)


def test_page_claims_on_the_clipped_example():
    import jax.numpy as jnp

    assert bool(jnp.allclose(m.ratios.min(), m.ratios.max(), rtol=1e-6))
    assert abs(float(m.norm_after) - 1.0) < 1e-6
    assert m.small_unchanged and float(m.global_norm(m.small)) < 1.0
