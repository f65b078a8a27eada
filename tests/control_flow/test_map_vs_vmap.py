from snippets.control_flow import map_vs_vmap as mv


def test_all_three_agree():
    assert bool(mv.by_map.shape == (6,))
    assert mv.jnp.allclose(mv.by_map, mv.by_vmap) and mv.jnp.allclose(mv.by_chunks, mv.by_vmap)


def test_lowering():
    assert mv.program_shapes == {"lax.map": "scan of length 6",
                                 "lax.map, batch_size=3": "scan of length 2", "vmap": "no loop"}
