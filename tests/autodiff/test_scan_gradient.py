"""docs/autodiff/scan.md: gradients through a scanned recurrent cell."""

import jax
import jax.numpy as jnp
import numpy as np

from snippets.autodiff import scan_gradient as m


def test_gradient_shapes_match_carry_and_inputs():
    assert m.d_h0.shape == (m.HIDDEN,)
    assert m.d_xs.shape == (m.STEPS, m.FEATURES)


def test_scan_gradients_match_python_loop():
    reference = jax.grad(m.loss_unrolled, argnums=(1, 2))(m.params, m.h0, m.xs)
    np.testing.assert_allclose(m.d_h0, reference[0], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(m.d_xs, reference[1], rtol=1e-5, atol=1e-6)


def test_backward_pass_is_a_reverse_scan_reading_stacked_residuals():
    (fwd_reverse, fwd_shapes), (bwd_reverse, bwd_shapes) = m.scan_summaries
    assert (fwd_reverse, bwd_reverse) == (False, True)
    assert fwd_shapes.count((m.STEPS, m.HIDDEN)) == 2
    assert bwd_shapes[-1] == (m.STEPS, m.FEATURES)


def test_reverse_scan_gradient_is_flipped_forward_gradient():
    np.testing.assert_allclose(m.d_xs_reversed, m.d_xs_flipped, rtol=1e-6, atol=1e-7)
    assert not np.allclose(m.d_xs_reversed, m.d_xs)


def test_exercise_parameter_gradients_match_unrolled():
    assert {k: v.shape for k, v in m.d_params.items()} == {
        "w": (3, 3), "u": (3, 2), "v": (3,)}
    for name in m.params:
        np.testing.assert_allclose(
            m.d_params[name], m.d_params_unrolled[name], rtol=1e-5, atol=1e-6)
        assert bool(jnp.any(m.d_params[name] != 0))


def test_reverse_scan_keeps_outputs_in_input_order():
    def step(h, x):
        return m.cell(m.params, h, x)

    _, ys_reverse = jax.lax.scan(step, m.h0, m.xs, reverse=True)
    _, ys_flipped = jax.lax.scan(step, m.h0, m.xs[::-1])
    np.testing.assert_allclose(ys_reverse, ys_flipped[::-1], rtol=1e-6)


def test_exercise_gradients_match_unrolled_to_1e_6():
    for name in m.params:
        assert float(jnp.max(jnp.abs(m.d_params[name] - m.d_params_unrolled[name]))) < 1e-6
    assert float(jnp.max(jnp.abs(m.d_xs_reversed - m.d_xs_flipped))) < 1e-6
