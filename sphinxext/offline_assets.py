"""Serve every script, style and font from the site itself, so it works offline.

Readers open the site on laptops and clusters without internet, and a request to a CDN would
also tell a third party who reads what. This extension warns (an error under ``-W``) when any
page would load a script or stylesheet from another host, whoever added it. (Sphinx's usual
CDN request, MathJax, is gone altogether: ``sphinxext/mathml.py`` renders formulas when the
site is built.)
"""

from __future__ import annotations

from sphinx.util import logging

logger = logging.getLogger(__name__)


def is_remote(url: str) -> bool:
    return "://" in url or url.startswith("//")


def check_page_assets(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: no page may pull a script or stylesheet from another host."""
    for kind in ("script_files", "css_files"):
        for asset in context.get(kind, ()):
            url = getattr(asset, "filename", asset)
            if isinstance(url, str) and is_remote(url):
                logger.warning("page %s loads %s from another host; serve it from _static",
                               pagename, url, type="offline_assets", subtype="remote")


def setup(app):
    app.connect("html-page-context", check_page_assets, priority=900)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
