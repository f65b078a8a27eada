"""docs/control_flow/checkpointing.md: what XLA:CPU keeps of jax.checkpoint."""

from snippets.control_flow import checkpoint_after_compilation as m


def test_lowered_unrolled_checkpoint_recomputes_behind_barriers():
    assert m.count("unrolled", "plain", "lowered", "sine") == 8
    assert m.count("unrolled", "checkpoint", "lowered", "sine") == 15
    assert m.count("unrolled", "checkpoint", "lowered", "dot") == 46
    assert m.count("unrolled", "checkpoint", "lowered", "barrier") == 8
    assert m.count("unrolled", "plain", "lowered", "barrier") == 0


def test_compiled_unrolled_checkpoint_is_undone_except_tanh():
    for op in ("sine", "dot", "barrier"):
        assert (m.count("unrolled", "checkpoint", "compiled", op)
                == m.count("unrolled", "plain", "compiled", op)), op
    assert m.count("unrolled", "plain", "compiled", "dot") == 32
    assert m.count("unrolled", "checkpoint", "compiled", "tanh") == 15
    assert m.count("unrolled", "plain", "compiled", "tanh") == 8
    assert (m.programs["unrolled", "checkpoint"]["temp_bytes"]
            == m.programs["unrolled", "plain"]["temp_bytes"] == 8192)


def test_compiled_scan_keeps_the_recomputation_and_saves_memory():
    assert m.count("scanned", "checkpoint", "compiled", "sine") == 2
    assert m.count("scanned", "plain", "compiled", "sine") == 1
    assert m.count("scanned", "checkpoint", "compiled", "dot") == 6
    assert m.count("scanned", "plain", "compiled", "dot") == 4
    assert (m.programs["scanned", "checkpoint"]["temp_bytes"]
            < m.programs["scanned", "plain"]["temp_bytes"])
