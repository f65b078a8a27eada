import jax
import jax.numpy as jnp

from snippets.transformations import jit_print_once as mod


def test_python_print_runs_once_debug_print_every_call(capfd):
    # jit caches traces per function object: wrap in a new one so this test traces afresh.
    fresh = jax.jit(lambda v: mod.doubled_with_prints(v))
    for start in (1.0, 2.0, 3.0):
        fresh(jnp.array([start, start + 0.5])).block_until_ready()
    jax.effects_barrier()
    out = capfd.readouterr().out
    assert out.count("Python print:") == 1
    assert out.count("jax.debug.print:") == 3
    assert "jax.debug.print: v is [3.  3.5]" in out


def test_the_module_run_printed_one_python_line_showing_a_tracer():
    assert len(mod.module_run_lines) == 1
    assert "Tracer" in mod.module_run_lines[0]
