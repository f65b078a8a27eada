from snippets.control_flow import fori_loop_lowering as fl


def test_static_bounds_lower_to_scan():
    assert fl.static_primitives == ["scan"]


def test_traced_bounds_lower_to_while():
    assert fl.traced_primitives == ["while"]


def test_same_result_either_way():
    # x -> x/2 + 1 ten times from 0: 2 * (1 - 2**-10)
    assert float(fl.same_value[0]) == float(fl.same_value[1]) == 2.0 * (1.0 - 2.0**-10)
