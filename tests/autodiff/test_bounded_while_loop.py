"""docs/autodiff/bounded_while_loops.md: a masked scan's gradient memory against a known count."""

from snippets.autodiff import bounded_while_loop as m


def test_every_version_gives_the_same_gradient():
    assert m.all_agree


def test_memory_grows_with_the_bound_not_with_the_steps_taken():
    t = m.temp_bytes
    known = t[f"known count ({m.n})"]
    assert t["bounded, max 200"] > 10 * known
    ratio = t["bounded, max 1000"] / t["bounded, max 200"]
    assert 4.5 < ratio < 5.5


def test_checkpointing_the_body_roughly_halves_it_but_keeps_the_growth():
    t = m.temp_bytes
    for bound in (200, 1000):
        plain, ckpt = t[f"bounded, max {bound}"], t[f"bounded, max {bound}, checkpointed"]
        assert 0.4 < ckpt / plain < 0.6
    assert t["bounded, max 1000, checkpointed"] > 4 * t["bounded, max 200, checkpointed"]


def test_exercise_counts_the_steps_taken():
    assert int(m.steps_taken(m.h0, 200)) == m.n == 10
