import jax
import jax.numpy as jnp
import numpy as np
import pytest

from snippets.control_flow import static_argnames_recompile as sar


def test_one_compilation_per_distinct_degree():
    assert sar.new_compilations == len(set(sar.degrees)) == 4


def test_traced_degree_cannot_drive_range():
    with pytest.raises(jax.errors.TracerIntegerConversionError):
        sar.call_with_traced_degree()


@pytest.mark.parametrize("degree", [2, 3, 5])
def test_recurrence_is_chebyshev(degree):
    xs = np.linspace(-0.9, 0.9, 7)
    expected = np.cos(degree * np.arccos(xs))
    np.testing.assert_allclose(sar.chebyshev_jit(jnp.asarray(xs), degree=degree), expected,
                               atol=1e-5)
