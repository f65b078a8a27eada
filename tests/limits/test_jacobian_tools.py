import jax
import jax.numpy as jnp
import numpy as np

from snippets.limits import jacobian_tools as m


def test_jacobian_shapes_and_agreement():
    assert m.J_fwd.shape == m.J_rev.shape == (4, 3)
    np.testing.assert_allclose(m.J_fwd, m.J_rev, rtol=1e-6)


def test_jacobian_against_hand_derivative():
    a, b, c = map(float, m.p0)
    expected = np.array([
        [np.sin(b), a * np.cos(b), 0.0],
        [0.0, 2 * b, 1.0],
        [np.exp(a - c), 0.0, -np.exp(a - c)],
        [b * c, a * c, a * b],
    ])
    np.testing.assert_allclose(m.J_fwd, expected, rtol=1e-5, atol=1e-7)


def test_jvp_is_a_column_and_vjp_is_a_row():
    assert m.column.shape == (4,) and m.row.shape == (3,)
    np.testing.assert_allclose(m.column, m.J_fwd[:, 0], rtol=1e-6)
    np.testing.assert_allclose(m.row, m.J_fwd[1, :], rtol=1e-6)


def test_hessian_shapes():
    assert m.H_energy.shape == (3, 3)
    assert m.H_sensor.shape == (4, 3, 3)
    np.testing.assert_allclose(m.H_energy, m.H_energy.T, rtol=1e-5)


def test_exercise_hvp_matches_full_hessian():
    np.testing.assert_allclose(m.hvp(m.energy, m.p0, m.v), m.H_energy @ m.v, rtol=1e-5)
    e0 = jnp.array([1.0, 0.0, 0.0])
    np.testing.assert_allclose(m.hvp(m.energy, m.p0, e0), jax.hessian(m.energy)(m.p0)[:, 0],
                               rtol=1e-5)
