import math

import pytest

from snippets.limits import singular_gradients as m

INF, NAN = math.inf, "nan"
# name -> gradient at 0, 1e-30, 1e-40
EXPECTED_GRADS = {
    "jnp.log(x)": (INF, 1e30, INF),
    "jnp.sqrt(x)": (INF, 5e14, INF),
    "1 / x": (-INF, -INF, -INF),
    "x * jnp.log(x)": (NAN, math.log(1e-30) + 1, NAN),
    "jsp.xlogy(x, x)": (NAN, math.log(1e-30) + 1, NAN),
    "jnp.sqrt(x * x)": (NAN, INF, NAN),
    "jnp.linalg.norm([x, x])": (NAN, INF, NAN),
}


@pytest.mark.parametrize("name", list(EXPECTED_GRADS))
def test_gradient_near_zero(name):
    grads = [g for _, g in m.results[name]]
    for got, want in zip(grads, EXPECTED_GRADS[name], strict=True):
        if want == NAN:
            assert math.isnan(got)
        elif math.isinf(want):
            assert got == want
        else:
            assert got == pytest.approx(want, rel=1e-5)


def test_xlogy_value_is_defined_at_zero_but_x_log_x_is_not():
    assert m.results["jsp.xlogy(x, x)"][0][0] == 0.0
    assert math.isnan(m.results["x * jnp.log(x)"][0][0])


def test_underflow_and_subnormal_inputs_behave_like_zero():
    assert m.results["jnp.sqrt(x * x)"][1][0] == 0.0  # x * x underflowed
    assert m.results["jnp.log(x)"][2][0] == -math.inf  # subnormal input flushed
    assert 1e-40 < m.smallest_normal


def test_subnormal_input_behaves_like_zero_on_this_cpu():
    assert m.results["jnp.log(x)"][2] == m.results["jnp.log(x)"][0]
    assert m.results["1 / x"][1][1] == float("-inf")
    assert m.results["jnp.sqrt(x * x)"][1][0] == 0.0
    for name in ("jnp.log(x)", "jnp.sqrt(x)", "1 / x"):
        assert abs(m.results[name][0][1]) == float("inf")
