"""The claims of docs/autodiff/cond.md about jax.grad through lax.cond."""

import math

import pytest

from snippets.autodiff import cond_gradient as m


def test_gradient_program_has_a_forward_and_a_backward_cond_with_both_branches():
    conds = m.branch_primitives(m.grad_jaxpr)
    assert len(conds) == 2
    forward_false, forward_true = conds[0]
    assert "log1p" in forward_false and "cos" in forward_true


def test_forward_cond_shares_residual_slots_and_pads_with_empty2():
    forward = next(e for e in m.grad_jaxpr.jaxpr.eqns if e.primitive.name == "cond")
    false_branch, true_branch = (b.jaxpr for b in forward.params["branches"])

    def padded(branch):
        made_by_empty2 = {v for e in branch.eqns if e.primitive.name == "empty2" for v in e.outvars}
        return sum(v in made_by_empty2 for v in branch.outvars)

    residual_slots = len(forward.outvars) - 1        # minus the primal output
    # log(1 + x^2) saves two residuals, x^2 cos(x) four: four slots, not six
    assert residual_slots == 4
    assert (padded(false_branch), padded(true_branch)) == (2, 0)


def test_gradient_is_the_taken_branch_derivative():
    x = 0.7
    assert m.from_grad[1.0] == pytest.approx(2 * x * math.cos(x) - x**2 * math.sin(x), rel=1e-5)
    assert m.from_grad[-1.0] == pytest.approx(2 * x / (1 + x**2), rel=1e-5)
    assert m.from_grad[1.0] != pytest.approx(m.from_grad[-1.0], rel=1e-2)


def test_predicate_only_argument_gets_exactly_zero():
    assert [float(g) for g in m.gate_gradients] == [0.0, 0.0]


def test_mismatched_branch_shapes_raise_type_error():
    with pytest.raises(TypeError, match="cond branches must have equal output types"):
        m.mismatched_branches()


def test_exercise_soft_clip():
    assert m.slopes == pytest.approx([0.1, 1.0, 0.1])
    assert m.limit_gradients == pytest.approx([-0.9, 0.0, 0.9])
    assert m.limit_gradients[1] == 0.0


def test_mismatched_branches_fail_without_grad_too():
    with pytest.raises(TypeError, match="cond branches must have equal output types"):
        m.mismatched_branches_without_grad()


def test_mismatch_error_is_the_same_with_and_without_grad():
    assert list(m.mismatch_errors) == ["spread(0.7, 1.0)", "jax.grad(spread)(0.7, 1.0)"]
    first, types = m.mismatch_errors["spread(0.7, 1.0)"]
    assert first.startswith("cond branches must have equal output types")
    assert "float32[] but" in types and "float32[2]" in types
    assert len(set(m.mismatch_errors.values())) == 1
