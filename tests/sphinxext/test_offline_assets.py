"""sphinxext.offline_assets: MathJax served by the site itself, and no page loading from a CDN."""

from types import SimpleNamespace

from sphinxext.offline_assets import (
    LOCAL_MATHJAX_PATH,
    copy_mathjax,
    is_remote,
    mathjax_files,
    mathjax_source,
    use_local_mathjax,
)
from tests.sphinxext.sphinx_site import build_site

CDN = "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"


def test_a_cdn_mathjax_path_becomes_the_local_copy():
    config = SimpleNamespace(mathjax_path=CDN)
    use_local_mathjax(None, config)
    assert config.mathjax_path == LOCAL_MATHJAX_PATH


def test_a_local_mathjax_path_is_kept():
    config = SimpleNamespace(mathjax_path="mine/tex-svg.js")
    use_local_mathjax(None, config)
    assert config.mathjax_path == "mine/tex-svg.js"


def test_remote_urls_are_recognised():
    assert is_remote(CDN) and is_remote("//fonts.example.org/a.css")
    assert not is_remote("mathjax/tex-mml-chtml.js") and not is_remote("_static/site.css")


def test_the_subset_has_the_component_and_its_fonts_but_not_other_builds():
    files = {path.as_posix() for path in mathjax_files(mathjax_source())}
    assert "tex-mml-chtml.js" in files
    assert any(f.startswith("output/chtml/fonts/woff-v2/") and f.endswith(".woff") for f in files)
    assert any(f.startswith("input/tex/extensions/") for f in files)
    assert "tex-svg.js" not in files and not any(f.startswith("output/svg/") for f in files)


def test_copy_is_complete_then_incremental(tmp_path):
    source = mathjax_source()
    first = copy_mathjax(source, tmp_path)
    assert first == len(list(mathjax_files(source)))
    component = "tex-mml-chtml.js"
    assert (tmp_path / component).read_bytes() == (source / component).read_bytes()
    assert copy_mathjax(source, tmp_path) == 0


def test_site_with_math_loads_mathjax_from_its_static_folder(tmp_path):
    status, out, warnings = build_site(tmp_path, """
        extensions = ["sphinxext.offline_assets"]
    """, {"index.rst": """
        Math
        ====

        The gradient is :math:`\\\\partial_x f`.
    """}, strict=True)
    assert status == 0, warnings
    html = (out / "index.html").read_text()
    assert 'src="_static/mathjax/tex-mml-chtml.js' in html
    assert "cdn.jsdelivr" not in html
    assert (out / "_static" / "mathjax" / "tex-mml-chtml.js").is_file()


def test_a_page_loading_a_remote_script_fails_a_strict_build(tmp_path):
    status, _, warnings = build_site(tmp_path, """
        extensions = ["sphinxext.offline_assets"]

        def setup(app):
            app.add_js_file("https://cdn.example.org/tracker.js")
    """, {"index.rst": "Title\n=====\n\nText.\n"}, strict=True)
    assert status != 0
    assert "loads https://cdn.example.org/tracker.js from another host" in warnings
