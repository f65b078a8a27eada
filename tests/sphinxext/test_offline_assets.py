"""sphinxext.offline_assets: no page loads a script or stylesheet from another host."""

from sphinxext.offline_assets import is_remote
from tests.sphinxext.sphinx_site import build_site


def test_remote_urls_are_recognised():
    assert is_remote("https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js")
    assert is_remote("//fonts.example.org/a.css")
    assert not is_remote("_static/site.js") and not is_remote("_static/site.css")


def test_a_page_loading_a_remote_script_fails_a_strict_build(tmp_path):
    status, _, warnings = build_site(tmp_path, """
        extensions = ["sphinxext.offline_assets"]

        def setup(app):
            app.add_js_file("https://cdn.example.org/tracker.js")
    """, {"index.rst": "Title\n=====\n\nText.\n"}, strict=True)
    assert status != 0
    assert "loads https://cdn.example.org/tracker.js from another host" in warnings
