"""No script blocks a page's first paint: every script in ``<head>`` runs after parsing.

Sphinx and its extensions put their scripts in ``<head>`` as plain ``<script src>`` tags
(documentation_options, doctools, sphinx_highlight, clipboard, copybutton, the book theme's,
ours): the browser stops parsing until each has downloaded and run, which Lighthouse reports as
render-blocking (about 0.8 s on a simulated phone). None of them needs to run before the page is
parsed: they wait for ``DOMContentLoaded`` themselves. At ``html-page-context`` this extension
marks each external script ``defer``, and each inline one (``DOCUMENTATION_OPTIONS.pagename =
...``, MathJax's options) ``type="module"``: module scripts are deferred too and run in the same
queue, in document order, so an inline script still runs after the file it uses and before the
file that reads it. Scripts already ``async``, ``defer`` or modules are left as they are.
(The theme's colour-mode script is written by its template, not listed here: it stays
synchronous and runs before first paint, so dark mode does not flash.)
"""

from __future__ import annotations


def defer_scripts(app, pagename, templatename, context, doctree) -> None:
    for script in context.get("script_files", ()):
        attributes = getattr(script, "attributes", None)
        if attributes is None or {"async", "defer"} & set(attributes):
            continue
        if attributes.get("type", "text/javascript") != "text/javascript":
            continue  # a module already, or data (JSON, text/x-mathjax-config)
        if attributes.get("body"):
            attributes["type"] = "module"
        elif script.filename:
            attributes["defer"] = "defer"


def setup(app):
    app.connect("html-page-context", defer_scripts, priority=1000)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
