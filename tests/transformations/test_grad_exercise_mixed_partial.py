import numpy as np
import pytest

from snippets.transformations import grad_exercise_mixed_partial as mod


def test_mixed_partial_is_two_a_cos_b():
    assert float(mod.d2_da_db(1.2, 0.4)) == pytest.approx(2 * 1.2 * np.cos(0.4), rel=1e-6)


def test_order_of_partials_does_not_matter():
    other_order = mod.jax.grad(mod.jax.grad(mod.field, argnums=1), argnums=0)
    assert float(other_order(1.2, 0.4)) == pytest.approx(float(mod.d2_da_db(1.2, 0.4)), rel=1e-6)
