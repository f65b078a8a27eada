import io

import jax

from snippets.control_flow import debug_breakpoint as db


def test_breakpoint_is_a_debug_callback_on_the_frame_arrays():
    jaxpr = jax.make_jaxpr(db.damped)(1.0)
    calls = [e for e in jaxpr.jaxpr.eqns if e.primitive.name == "debug_callback"]
    assert len(calls) == 1 and len(calls[0].invars) == 2  # x and decay


def test_scripted_session_prints_the_values():
    lines = db.transcript.getvalue()
    session = io.StringIO()
    jax.jit(db.damped_scripted, static_argnums=(1, 2))(
        1.0, io.StringIO("p x\np decay\nc\n"), session)
    jax.effects_barrier()
    assert session.getvalue().splitlines()[:3] == [
        "Entering jdb:", "(jdb) Array(1., dtype=float32)",
        "(jdb) Array(0.36787945, dtype=float32)"]
    assert lines.count("Entering jdb:") == 3


def test_vmap_opens_one_session_per_element():
    assert db.vmap_sessions == 3


def test_up_reaches_the_outer_frame():
    out = db.scripted_up(io.StringIO("p y\nup\np scale\nc\n"))
    values = [line for line in out.splitlines() if "Array(" in line]
    assert values == ["(jdb) Array(6., dtype=float32)"] * 2
    assert "return inner(scale) * 2" in out
