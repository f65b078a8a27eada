"""Pages that paint early and do not shift: scripts deferred, figures sized.

No script blocks a page's first paint: every script in ``<head>`` runs after parsing.

Sphinx and its extensions put their scripts in ``<head>`` as plain ``<script src>`` tags
(documentation_options, doctools, sphinx_highlight, clipboard, copybutton, the book theme's,
ours): the browser stops parsing until each has downloaded and run, which Lighthouse reports as
render-blocking (about 0.8 s on a simulated phone). None of them needs to run before the page is
parsed: they wait for ``DOMContentLoaded`` themselves. At ``html-page-context`` this extension
marks each external script ``defer``, and each inline one (``DOCUMENTATION_OPTIONS.pagename =
...``, MathJax's options) ``type="module"``: module scripts are deferred too and run in the same
queue, in document order, so an inline script still runs after the file it uses and before the
file that reads it. Scripts already ``async``, ``defer`` or modules are left as they are, and
so is the search page (its template's own synchronous scripts need the others first).
(The theme's colour-mode script is written by its template, not listed here: it stays
synchronous and runs before first paint, so dark mode does not flash.)

SVG figures get ``width`` and ``height`` attributes from their files (``size_svg_images``), and
a ``min-width`` at which their smallest text stays readable (``readable_width``): computed here,
once, rather than by each reader's browser fetching every figure a second time and laying the
page out again after it arrives.

Each page has one viewport tag (``one_viewport``): Sphinx's basic layout writes it, and the
docutils HTML5 writer adds its own copy to ``metatags`` (``docs/_templates/layout.html`` drops
the theme's third).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

SVG_IMAGE = re.compile(r'<img (?P<attrs>[^>]*?)src="(?P<src>[^"]*?_images/(?P<name>[^"/]+\.svg))"')
VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')
SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"')
SVG_VIEW_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)')
GLYPH_SCALE = re.compile(r"scale\(([\d.]+) -[\d.]+\)")
# A figure is never shown so narrow that its smallest text is under 9 CSS px high: on a phone
# it keeps that width and scrolls sideways inside its own output box (docs/_static/site.css).
MIN_FIGURE_TEXT_PX = 9


def defer_scripts(app, pagename, templatename, context, doctree) -> None:
    if templatename == "search.html":
        # Its template adds searchtools.js synchronously after these, and that file reads
        # DOCUMENTATION_OPTIONS as it loads: there they all stay synchronous.
        return
    # New script objects: Sphinx shares one object per script between all pages.
    context["script_files"] = [deferred(script) for script in context.get("script_files", ())]


def deferred(script):
    attributes = getattr(script, "attributes", None)
    if attributes is None or {"async", "defer"} & set(attributes):
        return script
    if attributes.get("type", "text/javascript") != "text/javascript":
        return script  # a module already, or data (JSON, text/x-mathjax-config)
    if attributes.get("body"):
        changed = {**attributes, "type": "module"}
    elif script.filename:
        changed = {**attributes, "defer": "defer"}
    else:
        return script
    return type(script)(script.filename, priority=script.priority, **changed)


def one_viewport(app, pagename, templatename, context, doctree) -> None:
    """Drop docutils' viewport tag from ``metatags``; the layout's own one stays."""
    if "metatags" in context:
        context["metatags"] = VIEWPORT.sub("", context["metatags"])


def size_svg_images(app, pagename, templatename, context, doctree) -> None:
    """Give each SVG figure (matplotlib's, sized in pt) its ``width`` and ``height`` in CSS px,
    so the browser reserves its box before the file arrives (no layout shift; Lighthouse's
    ``unsized-images``). The stylesheet keeps ``height: auto``, so a figure still shrinks to a
    narrow column with its aspect ratio."""
    body = context.get("body")
    images = getattr(app.builder, "images", None)
    if not body or not images or ".svg" not in body:
        return
    sources = {target: source for source, target in images.items()}

    def sized(match):
        if " width=" in match["attrs"] or match["name"] not in sources:
            return match[0]
        svg = Path(app.srcdir, sources[match["name"]]).read_text("utf-8")
        size = SVG_SIZE.search(svg[:2000])
        if not size:
            return match[0]
        width, height = (round(float(value) * 4 / 3) for value in size.groups())
        readable = readable_width(svg)
        style = f' style="min-width: {readable}px"' if readable else ""
        return (f'<img {match["attrs"]}width="{width}" height="{height}"{style} '
                f'src="{match["src"]}"')

    context["body"] = SVG_IMAGE.sub(sized, body)


def readable_width(svg: str) -> int | None:
    """The narrowest width in CSS px at which a matplotlib SVG's smallest text is still
    ``MIN_FIGURE_TEXT_PX`` high, or None for an SVG without text drawn as glyphs.

    matplotlib draws each text as glyph paths scaled by font size / 100 (``scale(0.1 -0.1)``
    is 10 units of the viewBox): shown ``w`` px wide, that text is ``size * w / viewBox width``
    px high."""
    view_box = SVG_VIEW_BOX.search(svg[:2000])
    sizes = [100 * float(scale) for scale in GLYPH_SCALE.findall(svg)]
    if not view_box or not sizes:
        return None
    return math.ceil(MIN_FIGURE_TEXT_PX * float(view_box[1]) / min(sizes))


def setup(app):
    app.connect("html-page-context", defer_scripts, priority=1000)
    app.connect("html-page-context", size_svg_images, priority=1000)
    app.connect("html-page-context", one_viewport, priority=1000)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
