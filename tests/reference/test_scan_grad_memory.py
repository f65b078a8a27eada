"""Temp memory of jit(grad(scan)): linear in length, ordered by what each variant stores."""

import numpy as np
import pytest

from snippets.reference import scan_grad_memory as m

ORDER = ["no checkpoint, labelled", "no checkpoint", "policy: save gate, proposal",
         "policy: dots_saveable", "jax.checkpoint (save nothing)", "forward only (no grad)"]


def test_forward_only_memory_is_flat():
    assert len(set(m.temp["forward only (no grad)"])) == 1


@pytest.mark.parametrize("name", ORDER[:-1])
def test_gradient_memory_grows_exactly_linearly(name):
    sizes = m.temp[name]
    # LENGTHS double each time, so each increment doubles too.
    assert sizes[2] - sizes[1] == 2 * (sizes[1] - sizes[0]) > 0


def test_memory_is_ordered_by_what_each_variant_stores():
    for i in range(len(m.LENGTHS)):
        column = [m.temp[name][i] for name in ORDER]
        assert column == sorted(column, reverse=True)
        assert len(set(column)) == len(column)


def test_bytes_per_step_in_state_vectors():
    vectors = {name: b / m.state_bytes for name, b in m.per_step.items()}
    assert vectors == {"no checkpoint": 6, "no checkpoint, labelled": 7,
                       "policy: save gate, proposal": 3,
                       "policy: dots_saveable": 2, "jax.checkpoint (save nothing)": 1,
                       "forward only (no grad)": 0}


def test_exercise_saving_only_the_gate_stores_two_vectors_per_step():
    assert m.gate_only_per_step == 2 * m.state_bytes


def test_checkpointing_never_changes_the_gradient():
    grads = m.same_gradients()
    reference = grads["no checkpoint"]
    assert float(np.max(np.abs(reference))) > 0
    for grad in grads.values():
        np.testing.assert_allclose(grad, reference, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ORDER[:-1])
def test_saved_residuals_per_step_match_the_measured_slope(name):
    per_step = m.per_step_residuals(m.GRADIENTS[name])
    assert len(per_step) == m.residual_counts[name]
    assert all(line.startswith(f"f32[{m.WIDTH}]") for line in per_step)
    assert len(per_step) == m.per_step[name] / m.state_bytes
    assert per_step[0] == "f32[128] from the argument state"


def test_checkpointed_gradients_evaluate_tanh_again():
    assert m.tanh_counts == {"no checkpoint": 1, "no checkpoint, labelled": 1,
                             "policy: save gate, proposal": 2,
                             "policy: dots_saveable": 2, "jax.checkpoint (save nothing)": 2}


def test_timed_programs_are_the_measured_ones():
    assert set(m.grad_us) == set(m.GRADIENTS)
    for name, compiled in m.programs.items():
        sizes = [p.memory_analysis().temp_size_in_bytes for p in compiled]
        assert sizes == m.temp[name]


def test_labels_make_plain_reverse_mode_save_the_proposal_twice():
    plain = [line.split(" from ")[0] for line in m.per_step_residuals(m.plain_step)]
    labelled = [line.split(" from ")[0] for line in m.per_step_residuals(m.gated_step)]
    assert len(labelled) == len(plain) + 1
    assert "f32[128] output of tanh" in labelled and "f32[128] named 'proposal'" in labelled
    assert not any("named" in line for line in plain)
