import jax
import jax.numpy as jnp
import pytest

from snippets.control_flow import disable_jit_loop as dj


def test_under_jit_the_condition_sees_one_tracer():
    assert len(dj.jit_lines) <= 1
    assert all("Tracer" in line for line in dj.jit_lines)


def test_disabled_the_condition_sees_every_value():
    values = [int(line.split("(")[1].split(",")[0]) for line in dj.disabled_lines]
    assert values == [6, 3, 10, 5, 16, 8, 4, 2, 1]


def test_both_count_eight_steps():
    assert int(jax.jit(dj.collatz_steps)(jnp.int32(6))) == 8


def test_python_if_fails_under_jit_but_runs_disabled():
    with pytest.raises(jax.errors.TracerBoolConversionError):
        dj.python_if_under_jit()
    assert int(dj.steps_with_if) == 111

