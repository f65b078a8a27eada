"""The matrix cells the reference page and chapter 2 state, recomputed."""

from pathlib import Path

import jax
import pytest

from snippets.reference import what_works_where as wws


def rows():
    return list(wws.CONSTRUCTS)


def cols():
    return list(wws.TRANSFORMS)


def error(row, col):
    return wws.matrix[row, col].error


def test_every_pair_was_run():
    assert set(wws.matrix) == {(r, c) for r in rows() for c in cols()}
    assert len(rows()) == 12 and len(cols()) == 9


@pytest.mark.parametrize("col", ["jit", "vmap", "jit∘grad", "vmap∘grad", "grad∘checkpoint"])
@pytest.mark.parametrize("row", ["Python if (traced)", "Python while (traced)"])
def test_python_branch_on_tracer_fails_when_staged(row, col):
    assert error(row, col) == "TracerBoolConversionError"
    assert wws.matrix[row, col].message.startswith("Attempted boolean conversion of traced array")


@pytest.mark.parametrize("row", ["Python if (traced)", "Python while (traced)"])
@pytest.mark.parametrize("col", ["grad", "jvp / jacfwd", "linearize", "vjp"])
def test_python_branch_works_under_eager_autodiff(row, col):
    assert error(row, col) is None


def test_python_if_gradient_takes_the_branch_the_value_picks():
    # POINT = 2.5 > 1, so the x*x branch: derivative 2x.
    assert jax.grad(wws.python_if)(wws.POINT) == pytest.approx(2 * wws.POINT)


@pytest.mark.parametrize("row", ["Python for (fixed count)", "lax.cond", "lax.switch",
                                 "lax.select / jnp.where", "lax.fori_loop (static bounds)",
                                 "lax.scan", "lax.associative_scan", "lax.map"])
def test_structured_constructs_work_everywhere(row):
    assert [error(row, c) for c in cols()] == [None] * len(cols())


REVERSE = ["jit∘grad", "vmap∘grad", "grad∘checkpoint"]


def test_while_loop_is_forward_only():
    assert [error("lax.while_loop", c)
            for c in ["jit", "jvp / jacfwd", "linearize", "vmap"]] == [None] * 4
    assert [error("lax.while_loop", c) for c in ["grad", "vjp", *REVERSE]] == ["ValueError"] * 5
    for col in ["grad", "vjp"]:
        assert "Reverse-mode differentiation does not work" in wws.matrix[
            "lax.while_loop", col].message


def test_linearize_of_while_loop_reruns_the_primal_loop():
    # y: x -> 3x -> 7x; at x = 2.5 two trips reach 17.5 >= 10, so the derivative is 7
    assert wws.value == pytest.approx(17.5)
    assert wws.tangent_map(1.0) == pytest.approx(7.0)
    assert [e.primitive.name for e in wws.linear.eqns] == ["while"]
    assert len(wws.linear_loop.params["body_jaxpr"].out_avals) == 2  # primal and tangent


def test_associative_scan_row_values():
    # f(x) = x + x(x + 1) + x(x + 1)(x + 2), the running products summed
    x = wws.POINT
    value = x + x * (x + 1) + x * (x + 1) * (x + 2)
    assert jax.jit(wws.associative_scan)(x) == pytest.approx(value)
    slope = 1 + (2 * x + 1) + (3 * x**2 + 6 * x + 2)
    assert jax.grad(wws.associative_scan)(x) == pytest.approx(slope)
    assert jax.vjp(wws.associative_scan, x)[1](1.0)[0] == pytest.approx(slope)


def test_batch_straddles_the_predicates():
    assert (wws.BATCH > 1.0).any() and (wws.BATCH <= 1.0).any()


def test_fori_loop_with_traced_bounds_is_reverse_differentiable_only_without_staging():
    # Under eager grad the bound is a concrete number, so fori_loop becomes a scan.
    assert error("lax.fori_loop (traced bounds)", "grad") is None
    assert error("lax.fori_loop (traced bounds)", "vjp") is None
    assert [error("lax.fori_loop (traced bounds)", c) for c in REVERSE] == ["ValueError"] * 3


def test_jit_grad_view_is_a_slice_of_the_matrix():
    assert set(wws.view) == {(r, c) for r in rows() for c in wws.JIT_GRAD}
    for key, outcome in wws.view.items():
        assert outcome.error == wws.matrix[key].error


def test_render_has_one_cell_per_pair_and_names_the_build():
    page = wws.render_matrix(wws.matrix).data
    assert page.count("<td") == len(rows()) * len(cols())
    assert f"JAX {jax.__version__}" in page
    assert page.count('class="wws-err"') == sum(o.error is not None for o in wws.matrix.values())
    # one row header per construct, breakable after underscores on a phone
    assert page.count('<th scope="row">') == len(rows())
    assert '<th scope="row">lax.associative_<wbr>scan</th>' in page
    assert "<style" not in page  # its CSS lives in the site's stylesheet (valid HTML)
    css = (Path(__file__).parents[2] / "docs" / "_static" / "site.css").read_text()
    sticky = css[css.index(".wws-matrix th:first-child {"):]
    assert "position: sticky" in sticky[: sticky.index("}")]


def test_counts_glued_on_the_page():
    assert wws.n_cells == 108
    assert wws.n_failing == 18


def test_exercise_piecewise_works_under_every_transformation():
    assert [wws.extra["jnp.piecewise", c].error for c in cols()] == [None] * len(cols())
    # x = 2.5 falls in the x > 2 piece, v * v: derivative 2x.
    assert jax.grad(wws.piecewise)(wws.POINT) == pytest.approx(2 * wws.POINT)


def test_what_the_fori_bound_is_under_each_transformation():
    b = wws.bounds
    # plain grad: x is a tracer holding the concrete point; floor's zero derivative drops it
    assert (b["grad"]["x"], b["grad"]["primal"]) == ("LinearizeTracer", "TypedFloat")
    assert (b["grad"]["stop"], b["grad"]["int(stop)"], b["grad"]["call"]) == (
        "ArrayImpl", 2, "returned")
    # staged out: abstract, no value
    for col in ["jit", "jit∘grad", "grad∘checkpoint"]:
        assert b[col]["stop"] == "DynamicJaxprTracer"
        assert b[col]["int(stop)"] == "ConcretizationTypeError"
    # vmap stages nothing out, but the bound is batched: still no single int
    for col in ["vmap", "vmap∘grad"]:
        assert b[col]["stop"] == "BatchTracer"
        assert b[col]["int(stop)"] == "ConcretizationTypeError"
    assert [b[c]["call"] for c in ["jit", "vmap"]] == ["returned", "returned"]
    assert [b[c]["call"] for c in REVERSE] == ["ValueError"] * 3
