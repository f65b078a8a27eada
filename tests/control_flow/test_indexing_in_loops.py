import jax.numpy as jnp

from snippets.control_flow import indexing_in_loops as il


def test_both_loops_agree():
    assert il.same_value and il.same_gradient


def test_backward_step_builds_one_hot_updates_only_for_indexing():
    assert il.index_full_size == ["broadcast_in_dim", "dynamic_update_slice", "add_any"]
    assert il.scan_full_size == []


def test_indexing_saves_the_step_indices_in_addition():
    index, scan = il.residuals["rnn_by_index"], il.residuals["rnn_by_scan"]
    assert sorted(r for r in index if not r.startswith("i32")) == sorted(scan)
    assert [r for r in index if r.startswith("i32")] == [
        "i32[] output of select_n", f"i32[{il.xs.shape[0]}] output of scan"]


def test_take_transposes_to_a_scatter_add():
    assert il.indexing_ops(il.rnn_by_take) == "scatter-add"
    assert il.indexing_ops(il.rnn_by_index) == "dynamic_update_slice"
    assert il.indexing_ops(il.rnn_by_scan) == "none"


def test_emitted_step_cost_grows_with_xs_for_indexing_only():
    grow = (il.SIZES[1] - il.SIZES[0]) * 16
    for name in ("fori_loop, xs[i]", "fori_loop, jnp.take"):
        small, large = il.at_sizes(name, "flops emitted")
        assert large - small == grow
        assert il.at_sizes(name, "full-size adds emitted") == (1, 1)
    assert len(set(il.at_sizes("scan over xs", "flops emitted"))) == 1
    assert il.at_sizes("scan over xs", "full-size adds emitted") == (0, 0)


def test_compiled_step_cost_is_flat_on_cpu():
    for name in il.LOOPS:
        assert len(set(il.at_sizes(name, "flops compiled"))) == 1
        assert il.at_sizes(name, "full-size adds compiled") == (0, 0)


def test_temp_memory_difference_is_the_int32_indices():
    for n in il.SIZES:
        diff = (il.measured["fori_loop, xs[i]", n]["temp bytes"]
                - il.measured["scan over xs", n]["temp bytes"])
        assert diff == 4 * n


def test_cost_table_has_a_row_per_loop():
    assert [row[0] for row in il.rows] == list(il.LOOPS)


def test_exercise_scan_matches_and_builds_no_one_hots():
    assert il.drift_same_gradient
    assert il.drift_index_full.count("dynamic_update_slice") == 2
    assert il.drift_scan_full == []
    assert jnp.allclose(il.grads["rnn_by_index"], il.grads["rnn_by_scan"])
