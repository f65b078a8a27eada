import pytest

from snippets.limits import staircase_descent as m


def test_true_gradient_is_zero_on_the_path_so_w_never_moves():
    assert m.plain_grads_on_path == [0.0, 0.0, 0.0]
    assert set(m.ws_plain) == {0.0}
    assert m.plain[0] == m.plain[-1] == pytest.approx(13.69)


def test_straight_through_descends_then_hops_between_three_and_four():
    assert min(m.ste) == pytest.approx(0.09, abs=1e-4)
    assert min(m.ste) < min(m.plain)
    assert {round(w) for w in m.ws_ste[-10:]} == {3, 4}


def test_figure_has_two_labelled_panels():
    left, right = m.fig.axes
    assert left.get_xlabel() == "w" and right.get_xlabel() == "step"
    assert all(ax.get_title() for ax in (left, right))
    assert len(right.get_lines()) == 2


def test_straight_through_slope_pushes_w_back_across_three_and_a_half():
    assert m.ste_slope_rounds_to_4 == pytest.approx(2 * (4 - 3.7))
    assert m.ste_slope_rounds_to_3 == pytest.approx(2 * (3 - 3.7))
