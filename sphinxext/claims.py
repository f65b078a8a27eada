"""Sentences bound to the run: a claim in the prose fails the build when its run says it is false.

A page states a conclusion about something it computed, and binds it to a boolean glued in the
same kernel run::

    ```{code-cell} ipython3
    :tags: [remove-cell]
    from myst_nb import glue
    glue("fwd_cheaper_tall", bool(flops["tall", "jacfwd"] < flops["tall", "jacrev"]), display=False)
    ```

    For the tall Jacobian, {claim}`forward mode needs fewer FLOPs <fwd_cheaper_tall>`.

The role shows its words with a discreet mark saying the sentence was checked when the page was
built. The build fails, naming the page, line, claim and its words, when the glued value is
``False``, is not a bool, does not exist on the page, or was glued by a cell tagged ``timing``:
a conclusion never rests on a wall-clock measurement.

Each page's claims are recorded in ``env.claims`` (``{docname: [(name, words, held), ...]}``): a
page whose claim failed is read again on the next build, so an incremental build cannot hide it,
and the build report counts each page's checked claims.
"""

from __future__ import annotations

import ast
import re

from docutils import nodes
from myst_nb.core.variables import RetrievalError
from myst_nb.ext.glue.utils import retrieve_glue_data
from myst_nb.ext.utils import RoleBase
from sphinx.util import logging

logger = logging.getLogger(__name__)

CLAIM = re.compile(r"^(?P<words>.*\S)\s*<(?P<name>\w+)>$", re.DOTALL)
# The text/plain of a glued bool: Python's repr, or NumPy 2's (a comparison of arrays).
TRUE, FALSE = {"True", "np.True_"}, {"False", "np.False_"}
MARK_TITLE = "Checked when this page was built: the build fails if its run says otherwise."
MARK_LABEL = "checked claim"


class claim(nodes.inline):  # noqa: N801 (docutils names node classes in lower case)
    """A sentence fragment whose truth was checked against the page's run."""


def visit_claim_html(translator, node: claim) -> None:
    translator.body.append(translator.starttag(node, "span", "", CLASS="claim", title=MARK_TITLE))


def depart_claim_html(translator, node: claim) -> None:
    # Not the what-works-where matrix's ✓ ("the call returned"): styled apart (site.css), and
    # named for screen readers by what it means.
    translator.body.append(f'<span class="claim-mark" role="img" aria-label="{MARK_LABEL}">'
                           '\u2713</span></span>')


def _glue_cell_tags(notebook, name: str) -> list[str] | None:
    """The tags of the cell that glues ``name`` (None when no cell's source glues it)."""
    for cell in notebook.cells:
        if cell.cell_type != "code" or "glue" not in cell.source:
            continue
        try:
            calls = [n for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.Call)]
        except SyntaxError:
            continue
        for call in calls:
            if (isinstance(call.func, ast.Name) and call.func.id == "glue" and call.args
                    and isinstance(call.args[0], ast.Constant) and call.args[0].value == name):
                return list(cell.metadata.get("tags", []))
    return None


class ClaimRole(RoleBase):
    """``{claim}`words <name>```: the words, checked against the glued bool ``name``."""

    def run(self):
        match = CLAIM.match(self.text)
        if not match:
            env = self.document.settings.env
            page_claims(env).setdefault(env.docname, []).append(("", self.text, False))
            problem = f"a claim reads {{claim}}`words <name>`, got {self.text!r}"
            return self._fail(problem, self.text)
        words, name = " ".join(match["words"].split()), match["name"]
        problem = self._problem(name, words)
        env = self.document.settings.env
        page_claims(env).setdefault(env.docname, []).append((name, words, problem is None))
        if problem:
            return self._fail(problem, words)
        node = claim(words, words)
        self.set_source_info(node)
        return [node], []

    def _claim_line(self, env) -> int:
        """The line where the role ends in the page (docutils knows only its paragraph's)."""
        match = CLAIM.match(self.text)
        end = f"<{match['name']}>`" if match else self.text.split()[-1] + "`"
        return _line_of(env.doc2path(env.docname), end, self.line) or self.line

    def _problem(self, name: str, words: str) -> str | None:
        try:
            data = retrieve_glue_data(self.document, name)
        except RetrievalError:
            return (f"claim {name!r} ({words!r}) names no value glued on this page: "
                    f"glue it in a hidden glue cell, glue({name!r}, <bool>, display=False)")
        plain = data.data.get("text/plain")
        if plain not in TRUE | FALSE:
            return f"claim {name!r} ({words!r}) must be glued as a bool, got {plain!r}"
        notebook = data.nb_renderer.renderer.nb_client.notebook
        if "timing" in (_glue_cell_tags(notebook, name) or []):
            return (f"claim {name!r} ({words!r}) is glued by a cell tagged 'timing': a "
                    "conclusion must rest on a deterministic measure, not a wall-clock time")
        if plain in FALSE:
            return f"claim {name!r} is false in this build: {words!r}"
        return None

    def _fail(self, problem: str, words: str):
        env = self.document.settings.env
        logger.error(problem, location=(env.docname, self._claim_line(env)), type="claims")
        return [nodes.inline(words, words, classes=["claim-failed"])], []


def page_claims(env) -> dict[str, list[tuple[str, str]]]:
    """Per page, the claims its prose makes: ``[(name, words, held), ...]``."""
    if not hasattr(env, "claims"):
        env.claims = {}
    return env.claims


def failing_pages(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: a page with a failed claim is read again until it passes."""
    return [doc for doc, claims in page_claims(env).items()
            if doc not in removed and not all(ok for _, _, ok in claims)]


def fail_build(app, exception) -> None:
    """``build-finished``: a failed claim fails the build, with or without ``-W``."""
    if exception is None and app.builder.name != "linkcheck" and any(
            not ok for claims in page_claims(app.env).values() for _, _, ok in claims):
        app.statuscode = 1


def _line_of(path, text: str, start: int) -> int | None:
    """The first line at or after ``start`` that contains ``text``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((n for n, line in enumerate(lines[start - 1:], start) if text in line), None)


def purge_claims(app, env, docname) -> None:
    page_claims(env).pop(docname, None)


def merge_claims(app, env, docnames, other) -> None:
    theirs = getattr(other, "claims", {})
    page_claims(env).update({name: theirs[name] for name in docnames if name in theirs})


def setup(app):
    app.add_node(claim, html=(visit_claim_html, depart_claim_html),
                 latex=(lambda t, n: None, lambda t, n: None),
                 text=(lambda t, n: None, lambda t, n: None))
    app.add_role("claim", ClaimRole())
    app.connect("env-get-outdated", failing_pages)
    app.connect("env-purge-doc", purge_claims)
    app.connect("build-finished", fail_build)
    app.connect("env-merge-info", merge_claims)
    return {"version": "1.0", "env_version": 1,
            "parallel_read_safe": True, "parallel_write_safe": True}
