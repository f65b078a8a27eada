import numpy as np
import pytest

from snippets.transformations import vmap_in_axes as mod


def loop(fn, pairs):
    return np.stack([np.asarray(fn(a, p)) for a, p in pairs])


def test_shared_angle_matches_a_python_loop():
    assert mod.turned.shape == (5, 2)
    expected = loop(mod.rotate, [(mod.quarter_turn, p) for p in mod.points])
    np.testing.assert_allclose(mod.turned, expected, rtol=1e-6)
    # A quarter turn sends (x, y) to (-y, x).
    np.testing.assert_allclose(mod.turned, np.stack([-mod.points[:, 1], mod.points[:, 0]], 1),
                               atol=1e-6)


def test_shared_point_sweeps_the_unit_circle():
    assert mod.sweep.shape == (5, 2)
    np.testing.assert_allclose(mod.sweep, np.stack([np.cos(mod.angles), np.sin(mod.angles)], 1),
                               atol=1e-6)


def test_both_batched_pairs_angle_i_with_point_i():
    expected = loop(mod.rotate, zip(mod.angles, mod.points, strict=True))
    np.testing.assert_allclose(mod.paired, expected, rtol=1e-6, atol=1e-6)


def test_mapping_axis_one_of_the_transpose_gives_the_same_result():
    assert mod.points_by_column.shape == (2, 5)
    np.testing.assert_array_equal(mod.from_columns, mod.turned)


def test_mismatched_batch_sizes_raise_value_error():
    with pytest.raises(ValueError, match="inconsistent sizes"):
        mod.mismatched_batch_sizes()


def test_quarter_turn_is_close_but_not_exact_in_float32():
    assert 0.0 < float(mod.turn_error) < 1e-6 * float(np.abs(mod.points).max())
