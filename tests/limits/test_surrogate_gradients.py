import numpy as np

from snippets.limits import surrogate_gradients as m


def test_hard_step_has_no_slope_and_soft_step_peaks_at_zero():
    np.testing.assert_array_equal(m.slopes["hard_step"], np.zeros(5))
    soft = np.asarray(m.slopes["soft_step"])
    assert soft.argmax() == 2
    np.testing.assert_allclose(soft[2], 2.5, rtol=1e-6)  # 1 / (4 * width)
    assert soft[4] < 1e-3


def test_softplus_slope_at_zero_is_half():
    np.testing.assert_allclose(m.slopes["softplus"][2], 0.5, rtol=1e-6)


def test_straight_through_rounds_forward_and_passes_gradient_back():
    np.testing.assert_array_equal(m.ste_values, np.round(np.asarray(m.weights)))
    np.testing.assert_allclose(m.ste_grads, 2.0 * np.asarray(m.ste_values))
    np.testing.assert_array_equal(m.plain_grads, np.zeros(4))


def test_exercise_binarize():
    import jax

    np.testing.assert_array_equal(m.binarize(m.probe), [-1.0, -1.0, 1.0, 1.0])
    np.testing.assert_array_equal(jax.vmap(jax.grad(m.binarize))(m.probe), [0.0, 1.0, 1.0, 0.0])


def test_exercise_binarize_gradient_is_half_at_the_clip_edges():
    import jax

    np.testing.assert_array_equal(jax.vmap(jax.grad(m.binarize))(np.array([-1.0, 1.0], np.float32)),
                                  [0.5, 0.5])


def test_table_and_prose_share_one_format():
    # the table prints {:8.3g} and the page glues {:.3g}: the same digits
    far = float(m.slopes["soft_step"][4])
    assert f"{far:8.3g}".strip() == f"{far:.3g}" == "0.000454"
