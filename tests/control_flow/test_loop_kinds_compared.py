import pytest

from snippets.control_flow import loop_kinds_compared as lk

LOOPS = ["Python for", "lax.scan", "lax.fori_loop", "lax.while_loop"]


@pytest.mark.parametrize("name", LOOPS)
def test_forward_memory_is_flat(name):
    assert lk.forward[name].endswith("(flat)")


@pytest.mark.parametrize("name", ["Python for", "lax.scan", "lax.fori_loop"])
def test_reverse_memory_grows_linearly(name):
    assert lk.backward[name].endswith("(doubles)")


def test_while_loop_has_no_reverse_mode():
    assert lk.backward["lax.while_loop"] == "ValueError"
    assert lk.differentiable["lax.while_loop"] == "reverse: ValueError, forward: yes"


@pytest.mark.parametrize("name", ["Python for", "lax.scan", "lax.fori_loop"])
def test_other_loops_differentiate_both_ways(name):
    assert lk.differentiable[name] == "reverse: yes, forward: yes"


def test_scan_and_static_fori_are_the_same_program():
    assert lk.backward["lax.scan"] == lk.backward["lax.fori_loop"]


def test_only_while_and_python_stop_early():
    assert lk.bodies_run == {"Python for": 3, "lax.scan": 10, "lax.fori_loop": 10,
                             "lax.while_loop": 3}
