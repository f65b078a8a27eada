import jax
import jax.numpy as jnp
import numpy as np

from snippets.limits import double_where as m


def test_single_where_gives_right_value_and_nan_gradient():
    assert float(m.naive_value) == 0.0
    assert np.isnan(m.naive_grad)


def test_double_where_has_finite_gradient():
    np.testing.assert_allclose(m.safe_values, [0.0, np.log(0.5), np.log(2.0)], rtol=1e-6)
    np.testing.assert_allclose(m.safe_grads, [0.0, 2.0, 0.5], rtol=1e-6)


def test_exercise_safe_norm():
    assert np.all(np.isnan(jax.grad(jnp.linalg.norm)(jnp.zeros(3))))
    np.testing.assert_array_equal(jax.grad(m.safe_norm)(jnp.zeros(3)), np.zeros(3))
    np.testing.assert_allclose(jax.grad(m.safe_norm)(jnp.array([3.0, 4.0])), [0.6, 0.8])
    assert float(m.safe_norm(jnp.array([3.0, 4.0]))) == 5.0
    assert float(m.safe_norm(jnp.zeros(3))) == 0.0


def test_nan_comes_from_log_rule_dividing_a_zero_cotangent_by_zero():
    eqns = m.where_nan_jaxpr.jaxpr.eqns
    assert [e.primitive.name for e in eqns] == ["gt", "log", "jit", "jit", "div"]
    # the second where selects the cotangent: 0.0 where x <= 0, 1.0 elsewhere
    select = eqns[3].params["jaxpr"].jaxpr.eqns[0]
    assert select.primitive.name == "select_n"
    assert float(jax.grad(m.log_or_zero)(2.0)) == 0.5


def test_sqrt_rule_multiplies_the_zero_cotangent_by_infinity():
    def root_or_zero(x):
        return jnp.where(x > 0, jnp.sqrt(x), 0.0)

    eqns = jax.make_jaxpr(jax.grad(root_or_zero))(0.0).jaxpr.eqns
    assert eqns[-1].primitive.name == "mul"
    assert np.isnan(jax.grad(root_or_zero)(0.0))
