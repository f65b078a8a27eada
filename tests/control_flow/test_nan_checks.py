import jax
import numpy as np
import pytest

from snippets.control_flow import nan_checks as nc


def test_without_the_flag_the_nan_is_silent():
    assert np.isnan(jax.jit(nc.total_log_return)(nc.prices))


def test_the_flag_raises_and_is_restored():
    with pytest.raises(FloatingPointError, match=r"invalid value \(nan\) encountered in log"):
        nc.raise_with_debug_nans()
    assert jax.config.jax_debug_nans is False


def test_the_rerun_names_the_primitive_and_the_line():
    notes, err, frame = nc.first_invalid_value(jax.jit(nc.total_log_return), nc.prices)
    assert str(err) == "invalid value (nan) encountered in log"
    assert len(notes) == 2 and all("de-optimized" in n for n in notes)
    assert frame.name == "total_log_return" and "jnp.log" in frame.line  # in a file


def test_a_nan_masked_inside_jit_is_not_reported_but_eager_is():
    assert nc.jit_error is None
    assert np.allclose(jax.jit(nc.log_or_zero)(nc.x), [np.log(2.0), 0.0])
    assert str(nc.eager_error) == "invalid value (nan) encountered in log"


def test_debug_infs_reports_the_log_of_zero():
    assert float(jax.jit(nc.total_log_return)(nc.prices_with_gap)) == -np.inf
    assert str(nc.inf_error) == "invalid value (inf) encountered in log"
    _, err, _ = nc.first_invalid_value(jax.jit(nc.total_log_return), nc.prices_with_gap)
    assert err is None  # no nan, so debug_nans alone stays quiet
    assert jax.config.jax_debug_infs is False

