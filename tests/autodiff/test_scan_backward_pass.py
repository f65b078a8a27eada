"""docs/autodiff/scan_backward_pass.md: the forward and backward scans JAX builds for a gradient."""

import jax
import jax.numpy as jnp

from snippets.autodiff import scan_backward_pass as m


def test_grad_builds_a_forward_then_a_reverse_scan():
    assert not m.forward.params["reverse"]
    assert m.backward.params["reverse"]


def test_forward_scan_stacks_three_residuals_the_backward_scan_reads():
    assert len(m.residuals) == 3
    assert all(v.aval.shape == (m.STEPS, m.HIDDEN) for v in m.residuals)
    assert m.residuals_consumed


def test_w_is_a_constant_and_its_gradient_a_carry():
    assert m.w_is_constant
    assert m.w_grad_in_carry
    assert m.w_never_stacked


def test_saved_residuals_name_w_once_and_three_stacked_arrays(capsys):
    from jax.ad_checkpoint import print_saved_residuals  # the public API; no saved_residuals

    print_saved_residuals(m.loss, m.w, m.xs)
    lines = capsys.readouterr().out.splitlines()
    w_line = f"f32[{m.HIDDEN},{m.HIDDEN}] from the argument"
    stacked_line = f"f32[{m.STEPS},{m.HIDDEN}] output of scan"
    assert sum(line.startswith(w_line) for line in lines) == 1
    assert sum(line.startswith(stacked_line) for line in lines) == 3


def test_linearize_and_vjp_read_the_same_residuals_in_opposite_directions():
    assert m.same_residuals
    assert not m.linear_scan.params["reverse"]
    assert m.transposed_scan.params["reverse"]


def test_truncation_zeroes_exactly_the_cross_chunk_influence():
    assert m.cut_entries_zero
    assert m.cut_entries_were_nonzero
    assert m.kept_entries_equal


def test_truncation_keeps_the_value_changes_the_gradient_not_the_memory():
    assert m.same_loss
    assert 0.05 < float(m.relative_change) < 1.0
    assert m.still_stacks_every_step
    assert (m.STEPS,) in m.stacked_truncated


def test_truncated_gradient_is_sum_of_per_chunk_gradients():
    # each chunk starts from the (stopped) state the full forward pass reached
    def chunk_loss(w, start, xs_chunk):
        def step(h, x):
            h = jnp.tanh(w @ h + x)
            return h, jnp.sum(h)
        _, ys = jax.lax.scan(step, jax.lax.stop_gradient(start), xs_chunk)
        return jnp.sum(ys**2)

    def states(w, xs):
        def step(h, x):
            h = jnp.tanh(w @ h + x)
            return h, h
        return jax.lax.scan(step, jnp.zeros(m.HIDDEN), xs)[1]

    hs = jnp.concatenate([jnp.zeros((1, m.HIDDEN)), states(m.w, m.xs)])
    total = sum(jax.grad(chunk_loss)(m.w, hs[i], m.xs[i:i + m.TRUNCATE])
                for i in range(0, m.STEPS, m.TRUNCATE))
    assert jnp.allclose(total, m.g_truncated, atol=1e-5)


def test_exercise_stacks_w_when_it_is_a_per_step_input():
    n_carry = m.per_step_backward.params["num_carry"]
    assert (m.STEPS, m.HIDDEN, m.HIDDEN) in [v.aval.shape
                                             for v in m.per_step_backward.outvars[n_carry:]]
    assert m.d_ws.shape == (m.STEPS, m.HIDDEN, m.HIDDEN)
    assert jnp.allclose(m.d_ws.sum(0), jax.grad(m.loss)(m.w, m.xs), atol=1e-5)
    assert not jnp.allclose(m.d_ws[0], m.d_ws[-1])
    assert m.per_step_backward.params["num_consts"] == 0
