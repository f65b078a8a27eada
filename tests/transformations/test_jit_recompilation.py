from snippets.transformations import jit_recompilation as mod


def test_trace_counts_after_each_call():
    # same shape new values: no trace; float64 NumPy is canonicalized to float32: no trace;
    # weak-typed Python float and strong float32 scalar: one trace each.
    assert mod.traces_after_call == [1, 1, 2, 3, 3, 4, 5]


def test_types_recorded_while_tracing():
    assert [str(t) for t in mod.traced_for] == [
        "float32[3]", "float32[4]", "int32[3]", "~float32[]", "float32[]"]
