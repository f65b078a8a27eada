"""Each page with code offers its executed notebook, and a Colab link to the same file."""

import json
import re
from importlib import metadata

import nbformat
import pytest

from sphinxext.notebook_links import SETUP_TAG
from tests.browser.browsing import goto

JAX_VERSION = metadata.version("jax")

COLAB = re.compile(r"^https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/[\w.-]+/"
                   r"_notebooks/(?P<doc>[\w/.-]+)\.ipynb$")


def pages_with_code(site, pages):
    return [p for p in pages if 'class="cell_input' in (site / p).read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def offered(site, pages, crawl):
    """For every page with code: the notebook and Colab links its header offers."""
    links = {path: crawl[path].dom for path in pages_with_code(site, pages)}
    assert links, "no page has code"
    return links


def align(page_code: list[str], notebook_code: list) -> list[int]:
    """Index in the notebook of each cell the page shows, in order (the notebook also has
    the cells the page hides with ``remove-cell`` or ``remove-input``)."""
    indices, start = [], 0
    for code in page_code:
        index = next((i for i in range(start, len(notebook_code))
                      if notebook_code[i].source.strip() == code.strip()), None)
        assert index is not None, f"page cell not in the notebook, in order:\n{code}"
        indices.append(index)
        start = index + 1
    return indices


def test_download_link_serves_the_executed_notebook(site, offered, server):
    for path, links in offered.items():
        assert links["download"], f"{path}: no notebook download in the header"
        target = (site / path).parent / links["download"]
        assert target.resolve() == (site / "_notebooks" / path.replace(".html", ".ipynb"))
        notebook = nbformat.read(target, as_version=4)
        nbformat.validate(notebook)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        # the page's code, in the page's order, and every output the page shows
        shown = align(links["inputs"], code)
        hidden = [code[i] for i in set(range(len(code))) - set(shown)]
        for cell in hidden:
            tags = cell.metadata.get("tags", [])
            assert {"remove-cell", "remove-input", SETUP_TAG} & set(tags), f"{path}: {cell.source}"
        # the first cell installs the JAX the page ran with where another one is installed
        assert code[0].metadata.get("tags") == [SETUP_TAG], f"{path}: no setup cell first"
        assert f"'jax': '{JAX_VERSION}'" in code[0].source, code[0].source
        # the Markdown is plain: no MyST directive fence or role left
        prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        assert not re.search(r"^(```|:::)\{|\{[\w:]+\}`", prose, re.MULTILINE), (
            f"{path}: MyST syntax left in the notebook")
        missing = [i for i, has_output in zip(shown, links["outputs"], strict=True)
                   if has_output and not code[i].outputs]
        assert not missing, f"{path}: code cells {missing} have no outputs in the notebook"
        assert "myst_nb" not in json.dumps(notebook), f"{path}: needs myst_nb to run"
        for cell in code:
            for output in cell.outputs:
                if output.output_type == "error":
                    assert len(output.traceback) == 1, f"{path}: full traceback published"


def test_colab_opens_the_same_notebook(offered):
    for path, links in offered.items():
        match = COLAB.match(links["colab"] or "")
        assert match, f"{path}: Colab link {links['colab']!r}"
        assert match["doc"] + ".html" == path


def test_header_download_menu_shows_the_notebook(site, pages, new_page, server):
    path = pages_with_code(site, pages)[0]
    page = new_page()
    goto(page, server, path)
    link = page.locator(".btn-download-executed-notebook-button")
    assert not link.is_visible()
    page.locator(".dropdown-download-buttons button.dropdown-toggle").click()
    link.wait_for(state="visible")
    # the .md source holds only snippet references, no code: it is not offered
    assert page.locator(".btn-download-source-button").count() == 0
