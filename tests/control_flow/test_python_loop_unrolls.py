from snippets.control_flow import python_loop_unrolls as plu


def test_jaxpr_grows_linearly_for_python_loop_only():
    assert plu.equation_counts == {1: (3, 1), 10: (30, 1), 100: (300, 1)}
