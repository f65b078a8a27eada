import numpy as np
import pytest

from snippets.control_flow import elementwise_selection as es


def test_select_and_where_agree():
    np.testing.assert_array_equal(es.floored, [0.0, 3.0, 18.0, 31.0])
    np.testing.assert_array_equal(es.also_floored, es.floored)


def test_select_does_not_broadcast():
    with pytest.raises(TypeError, match="select cases must have the same shapes"):
        es.select_with_scalar()


def test_jnp_select_first_match_wins():
    np.testing.assert_array_equal(es.labels, [0, 1, 2, 3])


def test_piecewise_effort():
    np.testing.assert_allclose(es.effort, [19.0, 12.0, 0.0, 18.0])
