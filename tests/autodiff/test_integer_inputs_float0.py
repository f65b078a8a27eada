"""docs/autodiff/autodiff_api.md: integer inputs, allow_int and float0."""

import jax
import pytest

from snippets.autodiff import integer_inputs_float0 as m


def test_grad_refuses_an_integer_input():
    with pytest.raises(TypeError, match="allow_int"):
        m.grad_of_int()


def test_allow_int_gives_a_float0_zero():
    assert float(m.d_x) == 3.0
    assert m.d_times.dtype == jax.dtypes.float0
    assert m.d_times.shape == ()
    assert float(m.t_out) == 3.0
