import pytest

from snippets.limits import kink_conventions as m

EXPECTED = {
    # name: (gradient at the corner, rule it follows)
    "jnp.abs(x)": (1.0, "right slope"),
    "jax.nn.relu(x)": (0.0, "left slope"),
    "jnp.maximum(x, 0.0)": (0.5, "mean of both slopes"),
    "jnp.where(x > 0, x, 0.0)": (0.0, "left slope"),
    "jnp.clip(x, 0.0, 1.0)": (0.5, "mean of both slopes"),
    "jax.nn.leaky_relu(x)": (1.0, "right slope"),
    "jax.nn.relu6(x)": (0.0, "right slope"),
    "jax.nn.hard_tanh(x)": (1.0, "left slope"),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_gradient_at_corner_and_its_rule(name):
    left, at, right = m.corner_slopes[name]
    expected_value, expected_rule = EXPECTED[name]
    assert at == expected_value
    assert m.convention(left, at, right) == expected_rule


def test_every_function_in_the_table_is_checked():
    assert set(m.kinks) == set(EXPECTED)


def test_relu_and_maximum_disagree_at_zero():
    assert m.corner_slopes["jax.nn.relu(x)"][1] != m.corner_slopes["jnp.maximum(x, 0.0)"][1]
