import pytest

from snippets.transformations import grad_argnums as mod


def test_partial_derivatives_match_calculus():
    # d/dk (k x^2 / 2) = x^2 / 2 and d/dx = k x, at k = 4, x = 1.5.
    assert float(mod.d_stiffness) == pytest.approx(0.5 * 1.5**2)
    assert float(mod.d_stretch) == pytest.approx(4.0 * 1.5)


def test_default_argnum_is_the_first_argument():
    assert float(mod.jax.grad(mod.spring_energy)(4.0, 1.5)) == pytest.approx(1.125)
