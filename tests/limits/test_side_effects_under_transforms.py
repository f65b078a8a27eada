import jax
import pytest

from snippets.limits import side_effects_under_transforms as m


def test_three_calls_two_traces():
    assert m.traces_on_page == 2
    assert float(m.sixteen) == 16.0


def test_print_runs_at_trace_time_only(capsys):
    f = jax.jit(lambda x: m.noisy_square(x))  # a new function: not traced yet
    f(3.0)
    f(5.0)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "JitTracer" in lines[0]


def test_print_under_grad_shows_a_tracer(capsys):
    jax.grad(m.noisy_square)(3.0)
    assert "GradTracer" in capsys.readouterr().out


def test_numpy_random_is_frozen_by_jit():
    assert len(set(m.eager)) == 3
    assert len(set(m.frozen)) == 1


def test_leaked_tracer_raises_when_used():
    with pytest.raises(jax.errors.UnexpectedTracerError):
        m.use_leaked_tracer()
