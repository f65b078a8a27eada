"""The unrolled loop's program grows with the trip count; scan's and fori_loop's do not."""

from snippets.reference import loop_compile_cost as m


def test_unrolled_loop_has_a_fixed_number_of_equations_per_step():
    counts = m.equations["Python for (unrolled)"]
    assert counts == [m.equations_per_step * n for n in m.TRIP_COUNTS]
    assert m.equations_per_step == 4


def test_scan_and_fori_loop_stay_one_equation():
    assert m.equations["lax.scan"] == [1] * len(m.TRIP_COUNTS)
    assert m.equations["lax.fori_loop"] == [1] * len(m.TRIP_COUNTS)


def test_fori_loop_with_static_bounds_is_a_scan_not_an_unrolled_loop():
    assert m.fori_primitive == "scan"


def test_every_loop_and_trip_count_was_compiled_and_fitted():
    assert set(m.compile_seconds) == set(m.LOOPS) == set(m.ms_per_step)
    assert all(len(s) == len(m.TRIP_COUNTS) for s in m.compile_seconds.values())


def test_trip_counts_named_in_the_figure_alt_text():
    # measured_costs.md describes the compile-time plot as spanning 15 to 120 trips
    assert m.TRIP_COUNTS == [15, 30, 60, 120]


def test_compiled_unrolled_program_grows_by_a_fixed_number_of_instructions_per_step():
    counts = m.instructions["Python for (unrolled)"]
    assert counts == [67, 127, 247, 487]
    steps = [b - a for a, b in zip(m.TRIP_COUNTS, m.TRIP_COUNTS[1:], strict=False)]
    assert [i // s for i, s in zip(m.increments(counts), steps, strict=True)] == [4, 4, 4]


def test_compiled_scan_and_fori_loop_do_not_grow():
    assert len(set(m.instructions["lax.scan"])) == 1
    assert m.instructions["lax.scan"] == m.instructions["lax.fori_loop"]
    assert m.instructions["lax.scan"][0] < m.instructions["Python for (unrolled)"][0]
