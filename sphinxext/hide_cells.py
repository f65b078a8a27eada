"""Valid HTML for myst-nb's folded cells ("Show code cell source", "Show solution").

myst-nb 1.4.0 (and its main branch, checked 2026-12) writes each fold as::

    <details class="admonition hide ..."><summary aria-label="Toggle hidden content">
      <p class="collapsed admonition-title">Show solution</p>
      <p class="expanded admonition-title">Hide solution</p></summary>

The HTML standard allows only phrasing content in a ``<summary>`` that has no heading, so the
Nu HTML checker reports both ``<p>`` (64 errors on the site); and the ``aria-label`` makes the
toggle's accessible name differ from the words it shows (WCAG 2.5.3, axe-core's
``label-content-name-mismatch``). This extension replaces myst-nb's HTML visitor for the node
(``HideCodeCellNode``) with one that writes ``<span>`` titles and no label, so the toggle's
name is its visible text. The classes stay myst-nb's; ``docs/_static/site.css`` gives the spans
the layout myst-nb's stylesheet gives the paragraphs (``summary > p.admonition-title``).
"""

from __future__ import annotations

from html import escape

from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput


def visit_hide_cell(self, node: HideCodeCellNode) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}'
                     "</span>\n")
    self.body.append(f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}'
                     "</span>\n")
    self.body.append("</summary>\n")


def setup(app):
    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_HideCellInput))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
