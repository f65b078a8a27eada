"""Font Awesome cut down to the icons the site shows.

The theme's icons (menu, search, colour mode, download, arrows) are glyphs of Font Awesome's
solid font, 115 KB, which every page preloads: on a phone's connection it competes with the
stylesheets for the first paint. The site shows 19 of its 2,009 glyphs.

At ``build-finished``, after ``sphinxext.unused_css`` has pruned the stylesheets, this extension
reads every glyph a stylesheet in ``_static`` can ask for (a CSS escape in the Private Use
Area, where Font Awesome's glyphs live: ``.fa-bars{--fa:"\\f0c9"}``) and rewrites each theme
font in ``_static`` to those glyphs only (fontTools, WOFF2), from the theme's own copy. An icon
whose class is in no page or script has no rule left, so it is not kept; one that is has its
glyph. (``tests/browser/test_looks.py`` checks each shown icon's glyph is in the font.)
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from sphinxext.unused_css import theme_copies

CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{4,6})(?![0-9a-fA-F])")
PRIVATE_USE = range(0xE000, 0xF900)
# fontTools reports each table it prunes at INFO; the build log is no place for that.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


def glyphs_asked_for(static: Path) -> set[int]:
    """Each Private Use Area code point escaped in a stylesheet under ``static``."""
    points = set()
    for css in static.rglob("*.css"):
        for escape in CSS_ESCAPE.findall(css.read_text(encoding="utf-8")):
            if int(escape, 16) in PRIVATE_USE:
                points.add(int(escape, 16))
    return points


def subset_font(data: bytes, points: set[int]) -> bytes:
    """The WOFF2 font ``data`` with only the glyphs of ``points`` (and .notdef)."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.notdef_outline = True
    options.name_IDs = ["*"]  # the licence and the family name stay
    font = TTFont(io.BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def subset_icon_fonts(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    points = glyphs_asked_for(Path(app.outdir) / "_static")
    for source, target in theme_copies(app, "*.woff2"):
        target.write_bytes(subset_font(source.read_bytes(), points))


def setup(app):
    # After sphinxext.unused_css (priority 500) has pruned the stylesheets.
    app.connect("build-finished", subset_icon_fonts, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
