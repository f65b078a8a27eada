import pytest

from snippets.control_flow import checkpoint_policies as cp

INPUTS = 2  # h and the weights are always available


def kinds(name):
    return [line.split(" from ")[0] for line in cp.saved[name][INPUTS:]]


def test_plain_reverse_mode_saves_nonlinear_intermediates():
    assert kinds("plain") == ["f32[16] output of sin", "f32[16] output of cos",
                              "f32[16] output of tanh", "f32[16] output of sub"]


@pytest.mark.parametrize("name", ["checkpoint", "nothing_saveable"])
def test_checkpoint_saves_only_inputs(name):
    assert len(cp.saved[name]) == INPUTS and kinds(name) == []


def test_dots_saveable_keeps_the_matmuls():
    assert kinds("dots_saveable") == ["f32[16] output of dot_general"] * 2


def test_everything_saveable_matches_plain():
    assert kinds("everything_saveable") == kinds("plain")


def test_checkpoint_does_not_change_the_gradient():
    assert bool(cp.same_gradient)
