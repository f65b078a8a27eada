import pytest

from snippets.limits import vector_output_error as m


def test_grad_of_vector_output_raises_type_error():
    with pytest.raises(TypeError, match=r"scalar-output functions. Output had shape: \(2,\)"):
        m.grad_of_vector_output()
