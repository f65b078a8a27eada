"""docs/limits/out_of_bounds_indexing.md: clamped reads, filled reads and dropped writes."""

import jax
import jax.numpy as jnp

from snippets.limits import out_of_bounds_gradients as m


def test_reads_clamp_and_the_gradient_goes_to_the_clamped_element():
    assert float(m.read(m.x, 10)) == 5.0
    assert jax.grad(m.read)(m.x, 10).tolist() == [0, 0, 0, 0, 1]
    assert float(m.read(m.x, -7)) == 1.0        # -7 + 5 = -2, clamped to 0
    assert jax.grad(m.read)(m.x, -7).tolist() == [1, 0, 0, 0, 0]


def test_a_traced_index_clamps_the_same_way():
    assert float(jax.jit(m.read)(m.x, 10)) == 5.0
    assert jax.grad(m.read)(m.x, jnp.int32(10)).tolist() == [0, 0, 0, 0, 1]


def test_fill_modes_give_no_gradient():
    assert jnp.isnan(m.take(m.x))
    assert float(m.get_fill_zero(m.x)) == 0.0
    assert jax.grad(m.take)(m.x).tolist() == [0] * 5
    assert jax.grad(m.get_fill_zero)(m.x).tolist() == [0] * 5


def test_writes_are_dropped_with_a_zero_gradient_for_the_value():
    assert m.x.at[10].set(100.0).tolist() == m.x.tolist()
    assert m.d_x.tolist() == (2 * m.x).tolist()
    assert float(m.d_value) == 0.0


def test_exercise_clamped_windows_pile_gradient_on_the_last_element():
    fill = jax.grad(lambda x: jnp.sum(m.window_sums(x)))(m.x)
    clamped = jax.grad(lambda x: jnp.sum(m.window_sums_clamped(x)))(m.x)
    assert fill.tolist() == [1, 2, 3, 3, 3]
    assert clamped.tolist() == [1, 2, 3, 3, 6]
