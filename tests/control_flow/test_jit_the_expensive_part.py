import jax.numpy as jnp
import pytest

from snippets.control_flow import jit_the_expensive_part as jep


def test_loop_stops_when_flat_and_step_traced_once():
    assert float(jnp.ptp(jep.flat)) <= 1e-2
    assert jep.steps == 55
    assert jep.traces == ["diffuse"]


def test_diffusion_keeps_the_mean():
    assert float(jnp.mean(jep.flat)) == pytest.approx(float(jnp.mean(jep.start)), rel=1e-5)
