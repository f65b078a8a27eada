"""Serve every script, style and font from the site itself, so it works offline.

Readers open the site on laptops and clusters without internet, and a request to a CDN would
also tell a third party who reads what. Sphinx's math support loads MathJax from a CDN by
default; this extension

* points ``mathjax_path`` at a local copy of MathJax 3 (when it is still a URL), and copies
  the files MathJax needs from the pinned PyPI package ``sphinx-mathjax-offline`` into
  ``_static/mathjax/`` of the HTML output (only the ``tex-mml-chtml`` component and the
  files it loads lazily: TeX extensions, fonts, menu, accessibility);
* warns (an error under ``-W``) when any page would load a script or stylesheet from
  another host, whoever added it.

The package is used for its files only: it is not loaded as a Sphinx extension.
"""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

MATHJAX_DISTRIBUTION = "sphinx-mathjax-offline"
MATHJAX_COMPONENT = "tex-mml-chtml.js"
# Folders the component fetches on demand, relative to its own location.
MATHJAX_LAZY_DIRS = ("input", "output/chtml", "ui", "a11y", "sre")
LOCAL_MATHJAX_PATH = f"mathjax/{MATHJAX_COMPONENT}"


def mathjax_source() -> Path:
    """The MathJax distribution shipped by the pinned PyPI package."""
    try:
        dist = metadata.distribution(MATHJAX_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise ExtensionError(
            f"offline_assets: the package {MATHJAX_DISTRIBUTION!r} is not installed; it ships "
            "the MathJax files the site serves itself (see requirements.txt)") from None
    folder = Path(dist.locate_file("sphinx-mathjax-offline/static/mathjax"))
    if not (folder / MATHJAX_COMPONENT).is_file():
        raise ExtensionError(f"offline_assets: {MATHJAX_COMPONENT} missing from {folder.name}")
    return folder


def mathjax_files(source: Path):
    """Yield the files (relative paths) of the MathJax subset the site needs."""
    yield Path(MATHJAX_COMPONENT)
    for sub in MATHJAX_LAZY_DIRS:
        for path in sorted((source / sub).rglob("*")):
            if path.is_file():
                yield path.relative_to(source)


def copy_mathjax(source: Path, target: Path) -> int:
    """Copy the subset into ``target``; files already there with the same size are kept."""
    copied = 0
    for rel in mathjax_files(source):
        src, dst = source / rel, target / rel
        if dst.is_file() and dst.stat().st_size == src.stat().st_size:
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        copied += 1
    return copied


def is_remote(url: str) -> bool:
    return "://" in url or url.startswith("//")


def use_local_mathjax(app, config) -> None:
    """``config-inited``: replace a CDN ``mathjax_path`` by the local copy."""
    if is_remote(config.mathjax_path or ""):
        mathjax_source()  # fail now, not after the whole build, when the package is missing
        config.mathjax_path = LOCAL_MATHJAX_PATH


def check_page_assets(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: no page may pull a script or stylesheet from another host."""
    for kind in ("script_files", "css_files"):
        for asset in context.get(kind, ()):
            url = getattr(asset, "filename", asset)
            if isinstance(url, str) and is_remote(url):
                logger.warning("page %s loads %s from another host; serve it from _static",
                               pagename, url, type="offline_assets", subtype="remote")


def install_mathjax(app, exception) -> None:
    """``build-finished``: put the MathJax subset into the HTML output."""
    if exception is not None or app.builder.format != "html":
        return
    if app.config.mathjax_path != LOCAL_MATHJAX_PATH:
        return
    copy_mathjax(mathjax_source(), Path(app.outdir) / "_static" / "mathjax")


def setup(app):
    app.setup_extension("sphinx.ext.mathjax")
    app.connect("config-inited", use_local_mathjax, priority=900)
    app.connect("html-page-context", check_page_assets, priority=900)
    app.connect("build-finished", install_mathjax)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
