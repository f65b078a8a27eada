import numpy as np

from snippets.transformations import grad_higher_order as mod


def test_three_derivatives_match_the_hand_formulas():
    np.testing.assert_allclose(mod.jax_values, mod.by_hand, rtol=1e-5)


def test_hand_formulas_values_at_point_seven():
    t = 0.7
    expected = [np.sin(t) + t * np.cos(t), 2 * np.cos(t) - t * np.sin(t),
                -3 * np.sin(t) - t * np.cos(t)]
    np.testing.assert_allclose(mod.jax_values, expected, rtol=1e-5)


def test_each_order_within_1e_6_of_the_hand_derivative():
    assert all(abs(float(a - b)) < 1e-6 for a, b in zip(mod.jax_values, mod.by_hand, strict=True))
