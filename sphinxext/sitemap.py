"""Write ``sitemap.xml``: every page of the site at its published address (``html_baseurl``).

Written from the list of all documents at the end of each build, so an incremental build
that rewrote two pages still lists all of them (unlike a sitemap collected page by page
while writing). Without ``html_baseurl`` there is no address to publish, and no sitemap.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_xml(base: str, targets: list[str]) -> str:
    base = base.rstrip("/") + "/"
    urls = "".join(f"  <url><loc>{escape(base + target)}</loc></url>\n" for target in targets)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{NAMESPACE}">\n'
            f"{urls}</urlset>\n")


def write_sitemap(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or not app.config.html_baseurl:
        return
    targets = [app.builder.get_target_uri(doc) for doc in sorted(app.env.found_docs)]
    (Path(app.outdir) / "sitemap.xml").write_text(
        sitemap_xml(app.config.html_baseurl, targets), encoding="utf-8")


def setup(app):
    app.connect("build-finished", write_sitemap)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
