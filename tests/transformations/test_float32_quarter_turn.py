"""docs/transformations/vmap.md: the -4.4e-08 of a float32 quarter turn is the angle's rounding."""

import math

from snippets.transformations import float32_quarter_turn as m


def test_float32_cosine_is_below_machine_epsilon_but_not_zero():
    assert m.cos32 != 0.0
    assert abs(m.cos32) < m.eps32


def test_the_cosine_is_minus_the_angle_rounding_error():
    # cos(pi/2 + d) = -sin(d), about -d for small d
    assert m.angle_error > 0
    assert abs(m.cos32 / -m.angle_error - 1) < 1e-6


def test_float64_is_closer_to_zero_by_nine_orders_of_magnitude():
    assert abs(m.cos64) < 1e-16
    assert abs(m.cos64) < abs(m.cos32) * 1e-8
    assert math.isclose(m.cos64, 6.123e-17, rel_tol=1e-3)
