import jax
import jax.numpy as jnp
import pytest

from snippets.control_flow import ordered_debug_print as od


def test_jit_prints_in_program_order():
    assert od.jit_lines == ["in:  x=0.5", "out: y=0.9741"]


def test_vmap_prints_one_line_per_element_for_each_print():
    assert od.vmap_lines == ["in:  x=0.0", "in:  x=1.0", "in:  x=2.0",
                             "out: y=0.6931", "out: y=1.3133", "out: y=2.1269"]


def test_grad_prints_the_forward_pass_once():
    assert od.grad_lines == od.jit_lines
    assert od.grad_primitives.count("debug_print") == 2
    assert od.grad_primitives.index("debug_print", 1) < od.grad_primitives.index("div")


def test_checkpoint_prints_twice():
    assert od.remat_lines == od.jit_lines * 2


def test_scan_under_vmap_is_step_major():
    assert od.scan_lines == ["total=0.0 x=1.0", "total=0.0 x=10.0",
                             "total=1.0 x=2.0", "total=10.0 x=20.0"]


def test_ordered_io_callback_cannot_be_vmapped():
    with pytest.raises(ValueError, match="Cannot `vmap` ordered IO callback"):
        od.ordered_io_callback_under_vmap()


def test_exercise_custom_vjp_prints_the_cotangent():
    assert od.watched_lines == ["in:  x=0.5", "out: y=0.9741", "cotangent=0.6225"]
    assert abs(float(jax.grad(od.softplus_watched)(0.5)) - float(jax.nn.sigmoid(0.5))) < 1e-6
    assert jnp.allclose(jax.grad(od.softplus_watched)(0.5), jax.grad(od.softplus)(0.5))
