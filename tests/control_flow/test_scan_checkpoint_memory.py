import pytest

from snippets.control_flow import scan_checkpoint_memory as scm

PLAIN, REMAT, DOTS = ("no checkpoint", "checkpoint (nothing_saveable)",
                      "checkpoint (dots_saveable)")


def test_checkpointed_scan_uses_less_memory_at_every_length():
    for plain, dots, remat in zip(scm.scan_kib[PLAIN], scm.scan_kib[DOTS], scm.scan_kib[REMAT],
                                  strict=True):
        assert remat < dots < plain


def test_memory_grows_linearly_with_length():
    for name, kib in scm.scan_kib.items():
        steps = [b - a for a, b in zip(kib, kib[1:], strict=False)]
        # doubling the length: each increment is twice the previous one
        assert steps[1] == pytest.approx(2 * steps[0]), name


def test_per_step_slopes_match_the_saved_vectors():
    vector_kib = scm.WIDTH * 4 / 1024
    assert scm.scan_slopes[PLAIN] == pytest.approx(3 * vector_kib)
    assert scm.scan_slopes[DOTS] == pytest.approx(2 * vector_kib)
    assert scm.scan_slopes[REMAT] == pytest.approx(1 * vector_kib)


def test_unrolled_code_is_not_helped_by_checkpoint():
    assert scm.unrolled_kib[PLAIN] == scm.unrolled_kib[REMAT]
    assert scm.unrolled_slopes[PLAIN] < scm.scan_slopes[PLAIN]


def test_ratio_at_longest_length():
    assert scm.longest_ratio > 2.5


def test_exercise_checkpointing_inner_and_outer_needs_least():
    kib = scm.grouped_kib
    both, outer = kib["4 x 8, outer and inner checkpoint"], kib["4 x 8, outer checkpoint only"]
    flat = kib["32 checkpointed steps"]
    assert both < outer < flat
    assert flat == scm.scan_kib[REMAT][-1]
    assert both == pytest.approx(7.94, abs=0.01)


def test_exercise_checkpoint_around_the_whole_scan_saves_nothing():
    assert (scm.grouped_kib["checkpoint around the whole scan"]
            == scm.grouped_kib["no checkpoint"] == scm.scan_kib[PLAIN][-1])
    assert scm.whole_saved[1:] == ["f32[128] from the argument h"]


def test_exercise_outer_scan_keeps_one_carry_per_group():
    assert scm.grouped_saved[1].startswith("f32[4,128] output of scan")
    assert len(scm.grouped_saved) == 2


def test_unrolled_loop_needs_less_than_plain_scan_at_the_same_lengths():
    for n, unrolled in zip(scm.UNROLLED_LENGTHS, scm.unrolled_kib[PLAIN], strict=True):
        assert unrolled < scm.scan_kib[PLAIN][scm.LENGTHS.index(n)]


def test_exercise_without_inner_checkpoint_most_of_the_gain_is_lost():
    kib = scm.grouped_kib
    flat = kib["32 checkpointed steps"]
    gain_outer = flat - kib["4 x 8, outer checkpoint only"]
    gain_both = flat - kib["4 x 8, outer and inner checkpoint"]
    assert 0 < gain_outer < gain_both / 2
