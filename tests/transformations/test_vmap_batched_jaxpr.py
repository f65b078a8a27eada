from snippets.transformations import vmap_batched_jaxpr as mod


def out_shapes(name):
    return [tuple(eqn.outvars[0].aval.shape) for eqn in mod.batched_jaxpr.jaxpr.eqns
            if eqn.primitive.name == name]


def test_no_loop_in_the_batched_program():
    assert not {"while", "scan", "pjit"} & set(mod.primitive_names)


def test_shared_angle_is_computed_once_as_a_scalar():
    assert out_shapes("cos") == [()]
    assert out_shapes("sin") == [()]


def test_arithmetic_runs_on_the_whole_batch():
    assert out_shapes("mul") == [(5,)] * 4
    assert tuple(mod.batched_jaxpr.jaxpr.outvars[0].aval.shape) == (5, 2)
