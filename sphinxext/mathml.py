"""Formulas rendered to MathML when the site is built: no script, nothing to download.

Sphinx renders math in HTML with MathJax, a script that typesets every formula in the reader's
browser. On a phone that costs more than the rest of the page: Lighthouse measured 1.35–1.6 s
of main-thread blocking on the two pages with formulas, and the site shipped 7.9 MB of MathJax
for them. Every browser a reader uses now renders MathML itself (Chromium since 109, Firefox,
Safari), so this extension converts each formula's LaTeX once, at build time, with docutils'
own converter (``docutils.utils.math.latex2mathml``, the one behind docutils'
``math_output = "MathML"``), and writes the ``<math>`` element into the page. Screen readers
read MathML, printing (``nox -s pdf``) keeps it, dark mode colours it like the text around it.

LaTeX the converter does not know is a warning at the formula's page and line (an error under
``-W``), never a formula printed as raw TeX.
"""

from __future__ import annotations

from docutils import nodes
from docutils.utils.math import MathError
from docutils.utils.math.latex2mathml import tex2mathml
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)
RENDERER = "mathml"


def to_mathml(tex: str, node: nodes.Element, *, block: bool) -> str | None:
    """The formula as a ``<math>`` element, or None (and a warning at the node) when the LaTeX
    cannot be converted."""
    try:
        return tex2mathml(tex, as_block=block)
    except (MathError, SyntaxError) as error:  # unknown commands, unbalanced groups
        logger.warning("formula %r cannot be rendered as MathML: %s", tex, error,
                       location=node, type="mathml", subtype="latex")
        return None


def visit_math(self, node: nodes.math) -> None:
    mathml = to_mathml(node.astext(), node, block=False)
    if mathml is not None:
        self.body.append(mathml)
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.math_block) -> None:
    mathml = to_mathml(node.astext(), node, block=True)
    if mathml is None:
        raise nodes.SkipNode
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node.get("number"):  # as sphinx.ext.mathjax numbers an equation
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    self.body.append(mathml + "</div>\n")
    raise nodes.SkipNode


def choose_renderer(app, config) -> None:
    """``config-inited``: MathML, unless the project names another renderer."""
    if not config.html_math_renderer:
        config.html_math_renderer = RENDERER


def setup(app):
    app.add_html_math_renderer(RENDERER, (visit_math, None), (visit_displaymath, None))
    app.connect("config-inited", choose_renderer)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
