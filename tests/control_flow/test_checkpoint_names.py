"""docs/control_flow/checkpointing.md: named residuals and the offloading policy on CPU."""

import contextlib
import io

import jax
import jax.numpy as jnp
from jax.ad_checkpoint import print_saved_residuals

from snippets.control_flow import checkpoint_names as m


def saved(f):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(f, m.h0, m.weights)
    return [line.split(" from ")[0] for line in out.getvalue().splitlines()]


def test_only_the_named_value_is_kept_besides_the_inputs():
    assert saved(m.loss_named) == ["f32[16]", "f32[16,16]", "f32[16] named 'after_sin'"]


def test_offloaded_residual_is_typed_as_host_memory():
    assert saved(m.loss_offloaded)[2] == "f32<host>[16] output of device_put"


def test_on_cpu_the_compiled_program_has_no_host_buffers_and_the_same_gradient():
    s = m.stats
    assert (s.host_temp_size_in_bytes, s.host_argument_size_in_bytes,
            s.host_output_size_in_bytes) == (0, 0, 0)
    assert jnp.allclose(jax.grad(m.loss_offloaded)(m.h0, m.weights),
                        jax.grad(m.loss_named)(m.h0, m.weights))
