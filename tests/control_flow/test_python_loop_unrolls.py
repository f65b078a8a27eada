from snippets.control_flow import python_loop_unrolls as plu


def test_jaxpr_grows_linearly_for_python_loop_only():
    assert plu.equation_counts == {1: (3, 1), 10: (30, 1), 100: (300, 1)}


def test_compiled_program_grows_for_python_loop_only():
    python_sizes = [plu.compiled_sizes[n][0] for n in (10, 50, 200)]
    scan_sizes = {plu.compiled_sizes[n][1] for n in (10, 50, 200)}
    assert python_sizes[0] < python_sizes[1] < python_sizes[2]
    # one sine, one multiply, one add per unrolled step survive compilation
    assert python_sizes[2] - python_sizes[1] == 3 * 150
    assert len(scan_sizes) == 1
