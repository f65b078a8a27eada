"""sphinxext.page_speed: head scripts deferred in order, SVG figures sized from their files."""

from types import SimpleNamespace

from sphinx.builders.html._assets import _JavaScript

from sphinxext.page_speed import defer_scripts, one_viewport, size_svg_images


def test_external_scripts_are_deferred_and_inline_ones_become_modules():
    scripts = [_JavaScript("_static/doctools.js"), _JavaScript(None, body="OPTIONS.page = 'x';"),
               _JavaScript("_static/mathjax.js", defer="defer"),
               _JavaScript("_static/search.js", **{"async": "async"}),
               _JavaScript(None, body="{}", type="application/json")]
    context = {"script_files": scripts}
    defer_scripts(None, "x", "page.html", context, None)
    scripts, shared = context["script_files"], scripts
    assert scripts[0].attributes == {"defer": "defer"}
    assert shared[0].attributes == {}  # Sphinx's own objects, shared by every page, unchanged
    assert scripts[1].attributes["type"] == "module" and "defer" not in scripts[1].attributes
    assert scripts[2].attributes == {"defer": "defer"}
    assert scripts[3].attributes == {"async": "async"}
    assert scripts[4].attributes["type"] == "application/json"


def test_the_search_page_keeps_its_scripts_synchronous():
    context = {"script_files": [_JavaScript("_static/doctools.js")]}
    defer_scripts(None, "search", "search.html", context, None)
    assert context["script_files"][0].attributes == {}


def test_svg_figures_get_their_size_in_css_pixels(tmp_path):
    (tmp_path / "fig.svg").write_text('<?xml version="1.0"?>\n<svg width="414.5pt" '
                                      'height="260.25pt" viewBox="0 0 414.5 260.25"></svg>')
    app = SimpleNamespace(srcdir=tmp_path, builder=SimpleNamespace(images={"fig.svg": "f1.svg"}))
    context = {"body": '<p>x</p><img alt="A plot." src="../_images/f1.svg" />'
                       '<img alt="other" src="../_images/gone.svg" />'}
    size_svg_images(app, "x", "page.html", context, None)
    assert ('<img alt="A plot." width="553" height="347" src="../_images/f1.svg" />'
            in context["body"])
    assert '<img alt="other" src="../_images/gone.svg" />' in context["body"]


def test_docutils_viewport_tag_is_dropped_and_other_meta_tags_kept():
    context = {"metatags": '<meta name="viewport" content="width=device-width, initial-scale=1" />'
                           '\n<meta name="description" content="A page." />\n'}
    one_viewport(None, "x", "page.html", context, None)
    assert context["metatags"] == '<meta name="description" content="A page." />\n'


def test_a_figure_keeps_the_width_at_which_its_smallest_text_is_9_px(tmp_path):
    # viewBox 360 units wide; glyphs at 10 and 8 units (scale 0.1 and 0.08): shown 405 px wide,
    # 8 units are 8 * 405 / 360 = 9 px.
    (tmp_path / "fig.svg").write_text(
        '<svg width="270pt" height="90pt" viewBox="0 0 360 120">'
        '<g transform="translate(1 2) scale(0.1 -0.1)"/>'
        '<g transform="translate(5 6) scale(0.08 -0.08)"/></svg>')
    app = SimpleNamespace(srcdir=tmp_path, builder=SimpleNamespace(images={"fig.svg": "f.svg"}))
    context = {"body": '<img alt="A plot." src="_images/f.svg" />'}
    size_svg_images(app, "x", "page.html", context, None)
    assert context["body"] == ('<img alt="A plot." width="360" height="120" '
                               'style="min-width: 405px" src="_images/f.svg" />')
