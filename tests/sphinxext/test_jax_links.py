"""sphinxext.jax_links: JAX names in inline code link to the JAX reference, offline."""

import pytest

from sphinxext.jax_links import ApiName, resolve, url_for
from tests.sphinxext.sphinx_site import build_site

BASE = "https://docs.jax.dev/en/latest"


@pytest.mark.parametrize("written, url", [
    ("jax.lax.scan", "_autosummary/jax.lax.scan.html"),
    ("lax.scan", "_autosummary/jax.lax.scan.html"),
    ("jnp.cumsum", "_autosummary/jax.numpy.cumsum.html"),
    ("jax.checkpoint", "_autosummary/jax.checkpoint.html"),
    ("jax.lax", "jax.lax.html"),
    ("jax.Array.at", "_autosummary/jax.Array.html#jax.Array.at"),
    ("jax.custom_vjp.defvjp", "_autosummary/jax.custom_vjp.html#jax.custom_vjp.defvjp"),
    ("jax.checkpoint_policies.nothing_saveable", "gradient-checkpointing.html"),
])
def test_names_resolve_to_their_reference_page(written, url):
    assert url_for(resolve(written), BASE) == f"{BASE}/{url}"


@pytest.mark.parametrize("written", ["lax.scann", "jax.lax._private", "jax._src.core",
                                     "jnp.no_such_function"])
def test_typos_and_private_names_do_not_resolve(written):
    assert resolve(written) is None


def test_aliases_expand_to_the_full_name():
    assert resolve("jnp.linalg.norm") == ApiName("jax.numpy.linalg.norm", "object")


def test_site_links_names_in_prose_but_not_in_titles_or_code_blocks(tmp_path):
    status, out, warnings = build_site(tmp_path, """
        extensions = ["sphinxext.jax_links"]
    """, {"index.rst": """
        Using ``lax.scan``
        ==================

        Carry a state with ``lax.scan(step, init, xs)``; compare ``jnp.cumsum``,
        and ``numpy.cumsum`` which is not JAX.

        .. code-block:: python

           jax.lax.scan(step, init, xs)
    """}, strict=True)
    assert status == 0, warnings
    html = (out / "index.html").read_text()
    scan = f'href="{BASE}/_autosummary/jax.lax.scan.html"'
    assert html.count(scan) == 1  # the prose, not the title nor the code block
    assert f'href="{BASE}/_autosummary/jax.numpy.cumsum.html"' in html
    assert "numpy.cumsum.html" not in html.replace("jax.numpy.cumsum.html", "")


def test_a_misspelt_jax_name_fails_a_strict_build(tmp_path):
    status, _, warnings = build_site(tmp_path, """
        extensions = ["sphinxext.jax_links"]
    """, {"index.rst": "Title\n=====\n\nUse ``lax.fori_lop``.\n"}, strict=True)
    assert status != 0
    assert "`lax.fori_lop` does not name a public object of the installed JAX" in warnings
