import jax
import jax.numpy as jnp

from snippets.control_flow import print_vs_debug_print as pdp


def printed(capfd, call):
    call()
    jax.effects_barrier()
    return capfd.readouterr().out.splitlines()


def test_cached_call_prints_runtime_value_only(capfd):
    # Compile this signature here: a test in the same worker may have cleared JAX's caches.
    printed(capfd, lambda: pdp.kinetic_energy(4.0, 1.0))
    assert printed(capfd, lambda: pdp.kinetic_energy(5.0, 2.0)) == [
        "jax.debug.print sees: 10.0"]


def test_new_shape_traces_again_and_print_shows_a_tracer(capfd):
    lines = printed(capfd, lambda: pdp.kinetic_energy(2.0, jnp.array([1.0, 3.0, 0.0])))
    assert lines == ["print sees: JitTracer(float32[3])",
                     "jax.debug.print sees: [1. 9. 0.]"]


def test_three_calls_two_python_lines_both_tracers():
    assert len(pdp.module_run_lines) == 2
    assert all("Tracer" in line for line in pdp.module_run_lines)
