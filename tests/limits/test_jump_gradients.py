import pytest

from snippets.limits import jump_gradients as m

# The page's six step functions (named here, not read from the module: collecting the tests
# would run the page's computation on every xdist worker).
STEPS = ["jnp.sign(x)", "jnp.round(x)", "jnp.floor(x)", "jnp.ceil(x)", "x.astype(int32)", "x > 1"]


def test_the_table_has_the_six_steps():
    assert list(m.steps) == STEPS
    assert list(m.table) == STEPS


@pytest.mark.parametrize("name", STEPS)
def test_every_step_has_zero_gradient_before_at_and_after_the_jump(name):
    _, grads = m.table[name]
    assert grads == [0.0, 0.0, 0.0]


def test_sign_at_zero_is_zero_not_nan():
    values, grads = m.table["jnp.sign(x)"]
    assert values == [-1.0, 0.0, 1.0]
    assert grads[1] == 0.0


def test_round_half_to_even():
    values, _ = m.table["jnp.round(x)"]
    assert values == [2.0, 2.0, 3.0]


def test_int_cast_truncates_where_floor_rounds_down():
    cast_values, _ = m.table["x.astype(int32)"]
    floor_values, _ = m.table["jnp.floor(x)"]
    assert cast_values == [-1.0, -1.0, 0.0]
    assert floor_values == [-2.0, -1.0, -1.0]


def test_comparison_is_false_at_the_threshold():
    values, _ = m.table["x > 1"]
    assert values == [0.0, 0.0, 1.0]
