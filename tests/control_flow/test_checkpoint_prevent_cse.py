"""docs/control_flow/checkpointing.md: prevent_cse=False inside a scan."""

from snippets.control_flow import checkpoint_prevent_cse as m


def test_the_barrier_goes_away():
    assert m.with_cse_guard["barriers"] >= 1
    assert m.without["barriers"] == 0


def test_inside_a_scan_recomputation_and_memory_are_unchanged():
    assert m.without["compiled sines"] == m.with_cse_guard["compiled sines"] >= 2
    assert m.without["temp bytes"] == m.with_cse_guard["temp bytes"]
