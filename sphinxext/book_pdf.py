"""The home page's "Download the book (PDF)" link, present only when the PDF exists.

``nox -s pdf`` prints the built site into one PDF (``pdf/build.py``, at ``book_pdf_path``).
A page with the ``book-pdf`` directive then shows a link to it, with its page count and size,
and every HTML build copies the PDF into the site's root, next to ``index.html``, so that a
published site (the Pages workflow runs ``nox -s pdf`` before publishing) serves it. Without
the PDF the directive shows nothing and the build says, as a notice, how to make it: a local
build never links to a file that is not there.

A page's link is decided when the page is read, so a page is read again whenever the PDF
appears, disappears or changes its page count or size (``env-get-outdated``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)
LINK_TEXT = "Download the book (PDF)"


def pdf_file(config) -> Path | None:
    path = Path(config.book_pdf_path) if config.book_pdf_path else None
    return path if path is not None and path.is_file() else None


def pdf_summary(path: Path | None) -> str | None:
    """"151 pages, 7.8 MB" for the PDF, None when there is none. Read when a page is."""
    if path is None:
        return None
    size = f"{path.stat().st_size / 1e6:.1f} MB"
    try:
        from pypdf import PdfReader

        return f"{len(PdfReader(path).pages)} pages, {size}"
    except Exception:  # an unreadable or half-written PDF: the link still works
        return size


def pages_with_link(env) -> dict[str, str | None]:
    """Per page with the directive, the PDF summary it was read with (None: no PDF)."""
    if not hasattr(env, "book_pdf_pages"):
        env.book_pdf_pages = {}
    return env.book_pdf_pages


class BookPdfDirective(SphinxDirective):
    """``book-pdf``: a paragraph linking to the book's PDF, or nothing when it is not built."""

    has_content = False

    def run(self):
        path = pdf_file(self.config) if self.env.app.builder.format == "html" else None
        summary = pdf_summary(path)
        pages_with_link(self.env)[self.env.docname] = summary
        if summary is None:
            return []
        depth = self.env.docname.count("/")
        link = nodes.reference("", LINK_TEXT, refuri="../" * depth + path.name)
        paragraph = nodes.paragraph("", "", classes=["book-pdf"])
        paragraph += [link, nodes.Text(f" ({summary}): the whole book, every output included, "
                                       "for reading offline or on paper.")]
        return [paragraph]


def outdated(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: pages whose link no longer matches the PDF on disk."""
    now = pdf_summary(pdf_file(app.config)) if app.builder.format == "html" else None
    return [doc for doc, seen in pages_with_link(env).items()
            if doc not in removed and seen != now]


def copy_pdf(app, exception) -> None:
    """``build-finished``: the PDF goes next to index.html; without one, say how to make it."""
    if exception is not None or app.builder.format != "html" or not app.config.book_pdf_path:
        return
    path = pdf_file(app.config)
    published = Path(app.outdir) / Path(app.config.book_pdf_path).name
    if path is None:
        published.unlink(missing_ok=True)
        logger.info(f"book_pdf: no {app.config.book_pdf_path}, so the home page has no PDF "
                    "link; `nox -s pdf` prints the book (it needs Chromium) and adds it")
        return
    if (not published.is_file() or published.stat().st_size != path.stat().st_size
            or published.stat().st_mtime < path.stat().st_mtime):
        shutil.copy2(path, published)


def purge(app, env, docname) -> None:
    pages_with_link(env).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    theirs = getattr(other, "book_pdf_pages", {})
    pages_with_link(env).update({doc: theirs[doc] for doc in docnames if doc in theirs})


def setup(app):
    app.add_config_value("book_pdf_path", "", "", types=[str])
    app.add_directive("book-pdf", BookPdfDirective)
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", copy_pdf)
    return {"version": "1.0", "env_version": 1,
            "parallel_read_safe": True, "parallel_write_safe": True}
