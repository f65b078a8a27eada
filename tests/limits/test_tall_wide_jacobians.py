import jax
import numpy as np

from snippets.limits import tall_wide_jacobians as m


def test_shapes_tall_and_wide():
    assert jax.jit(jax.jacfwd(m.tall))(m.x_tall).shape == (512, 8)
    assert jax.jit(jax.jacrev(m.wide))(m.x_wide).shape == (8, 512)


def test_both_modes_compute_the_same_jacobians():
    for f, x in [(m.tall, m.x_tall), (m.wide, m.x_wide)]:
        np.testing.assert_allclose(jax.jit(jax.jacfwd(f))(x), jax.jit(jax.jacrev(f))(x),
                                   rtol=1e-4, atol=1e-6)


def test_forward_mode_needs_fewer_flops_for_the_tall_jacobian_and_reverse_for_the_wide():
    assert m.flops["tall", "jacfwd"] * 10 < m.flops["tall", "jacrev"]
    assert m.flops["wide", "jacrev"] * 10 < m.flops["wide", "jacfwd"]


def test_flops_are_the_same_on_every_compilation():
    assert m.compiled_flops(jax.jacfwd(m.tall), m.x_tall) == m.flops["tall", "jacfwd"]


def test_measure_reports_every_shape_and_mode():
    # Only the structure of the report is checked: speeds are never asserted.
    ms = m.measure()
    assert set(ms) == {(s, mode) for s in ("tall", "wide") for mode in ("jacfwd", "jacrev")}


def test_swapping_the_shapes_flips_the_cheaper_mode():
    # What makes the page's claims fail if the tall and wide maps are swapped.
    swapped_tall = m.layer_map(n_in=512, n_out=8)
    fwd = m.compiled_flops(jax.jacfwd(swapped_tall), m.x_wide)
    rev = m.compiled_flops(jax.jacrev(swapped_tall), m.x_wide)
    assert rev < fwd
