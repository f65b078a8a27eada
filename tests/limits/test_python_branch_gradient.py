import jax
import numpy as np
import pytest

from snippets.limits import python_branch_gradient as m


def test_gradient_is_the_rate_of_the_branch_that_ran():
    assert m.probe[99.9][1] == pytest.approx(0.1)
    assert m.probe[100.0][1] == pytest.approx(0.25)  # `kwh < 100` is false at 100
    assert m.probe[100.1][1] == pytest.approx(0.25)


def test_cost_jumps_but_no_gradient_shows_it():
    assert m.probe[99.9][0] == pytest.approx(9.99)
    assert m.probe[100.0][0] == pytest.approx(15.0)
    assert m.difference_quotient == pytest.approx(25.17, abs=0.02)
    assert m.difference_quotient > 50 * max(m.probe[99.9][1], m.probe[100.1][1])


def test_exercise_where_version_matches_python_if():
    python_if = [float(jax.grad(m.tariff)(float(k))) for k in m.grid]
    where = jax.jit(jax.vmap(jax.grad(m.tariff_where)))(m.grid)
    np.testing.assert_allclose(where, python_if, rtol=1e-6)
    np.testing.assert_allclose(jax.vmap(m.tariff_where)(m.grid),
                               [m.tariff(float(k)) for k in m.grid], rtol=1e-6)


def test_exercise_gradients_printed_on_the_page_match():
    assert all(abs(a - float(b)) < 1e-6 for a, b in zip(m.python_grads, m.where_grads, strict=True))
    assert m.python_grads[2:] == [0.25, 0.25, 0.25]
