import jax
import jax.numpy as jnp
import numpy as np
import pytest

from snippets.control_flow import boolean_mask_rewrites as bm


def test_eager_filter_mean_of_positives():
    assert bm.eager_mean == pytest.approx((2.0 + 4.0 + 6.0) / 3)


def test_filter_under_jit_raises_non_concrete_boolean_index():
    with pytest.raises(jax.errors.NonConcreteBooleanIndexError):
        bm.filter_under_jit()
    assert issubclass(jax.errors.NonConcreteBooleanIndexError, IndexError)


def test_three_argument_where_keeps_the_shape():
    assert bm.zeroed.shape == bm.readings.shape
    assert bm.zeroed.tolist() == [2.0, 0.0, 4.0, 0.0, 0.0, 6.0]


def test_masked_means_equal_the_eager_filter():
    assert bm.masked_means == (bm.eager_mean, bm.eager_mean)
    assert np.isnan(bm.empty_mean)


def test_nonzero_without_size_needs_a_concrete_count():
    with pytest.raises(jax.errors.ConcretizationTypeError):
        bm.nonzero_under_jit()


def test_nonzero_with_size_pads_and_truncates():
    assert bm.padded_positions.tolist() == [0, 2, 5, 6, 6]
    assert bm.padded_values.tolist() == [2.0, 4.0, 6.0, 0.0, 0.0]
    assert bm.short_positions.tolist() == [0, 2]


def test_minus_one_fill_reads_the_last_element():
    assert bm.trap_positions.tolist() == [0, 2, 5, -1, -1]
    assert bm.trap_values.tolist() == [2.0, 4.0, 6.0, 6.0, 6.0]


def test_band_mean_matches_filter_with_one_trace():
    assert [a for a, _ in bm.band_pairs] == [b for _, b in bm.band_pairs]
    assert bm.band_pairs[0][0] == pytest.approx((2.0 + 4.0 + 0.0) / 3)
    assert bm.band_pairs[1][0] == pytest.approx((2.0 - 1.0 + 0.0) / 3)
    assert bm.band_trace_count == 1
    assert float(bm.band_mean(bm.readings, jnp.float32(-5.0), 10.0)) == pytest.approx(
        float(jnp.mean(bm.readings)))
