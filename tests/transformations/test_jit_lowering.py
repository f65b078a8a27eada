from snippets.transformations import jit_lowering as mod


def test_stablehlo_has_the_jaxpr_operations_on_f32_5():
    text = mod.lowered.as_text()
    for op in ["stablehlo.negate", "stablehlo.multiply", "stablehlo.exponential", "stablehlo.add"]:
        assert op in text
    assert "tensor<5xf32>" in text


def test_xla_fuses_all_elementwise_ops_into_one_kernel():
    assert mod.fusion_calls == 1
    assert mod.fused_opcodes == [
        "negate", "multiply", "exponential", "constant", "broadcast", "multiply", "add"]


def test_stablehlo_is_the_jaxpr_plus_a_constant_and_its_broadcast():
    from snippets.transformations.jit_tracing import traced

    text = mod.lowered.as_text()
    assert text.count(" = stablehlo.") == len(traced.jaxpr.jaxpr.eqns) + 2
    assert text.count("stablehlo.constant") == text.count("stablehlo.broadcast_in_dim") == 1
