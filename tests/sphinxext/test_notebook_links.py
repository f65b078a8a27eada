"""sphinxext.notebook_links: each page's reader notebook, its download and its Colab link."""

import json
from types import SimpleNamespace

import nbformat

from sphinxext.notebook_links import (
    SETUP_TAG,
    colab_url,
    merge_streams,
    plain_markdown,
    reader_notebook,
)
from tests.sphinxext.sphinx_site import build_site

GLUE = {"ratio": {"data": {"text/plain": "2.718281828"}}, "count": {"data": {"text/plain": "7"}}}


def test_glue_roles_become_the_values_the_page_shows():
    text = "Ratio {glue:text}`ratio:.2f`, count {glue:text}`count`, also {glue}`count`."
    assert plain_markdown(text, GLUE) == "Ratio 2.72, count 7, also 7."


def test_other_roles_become_plain_markdown():
    text = "See {doc}`the loop page <loops>`, {py:func}`jax.lax.scan`, {math}`x^2`."
    assert plain_markdown(text, {}) == "See the loop page, `jax.lax.scan`, $x^2$."


def test_directive_fences_become_plain_markdown():
    text = ("Intro.\n\n```{container} timing\nIt took {glue:text}`count` s.\n```\n\n"
            ":::{warning}\nNot `grad`.\n:::\n")
    assert plain_markdown(text, GLUE) == (
        "Intro.\n\nIt took 7 s.\n\n> **Warning**\n>\n> Not `grad`.\n")


def test_first_code_cell_installs_the_pinned_jax_where_another_is_installed(monkeypatch):
    notebook = reader_notebook(executed_notebook(), GLUE, ["jax==0.0.1", "numpy==0.0.2"])
    setup = notebook.cells[1]
    assert notebook.cells[0].cell_type == "markdown" and setup.metadata["tags"] == [SETUP_TAG]
    assert "x = 6 * 7" in notebook.cells[2].source
    calls = []
    monkeypatch.setattr("subprocess.run", lambda args, **kw: calls.append(args))
    exec(compile(setup.source, "setup", "exec"), {})
    assert calls and calls[0][-2:] == ["jax==0.0.1", "numpy==0.0.2"]
    current = reader_notebook(executed_notebook(), GLUE,
                              [f"nbformat=={nbformat.__version__}"]).cells[1]
    calls.clear()
    exec(compile(current.source, "setup", "exec"), {})
    assert calls == []


def test_a_claim_becomes_its_words():
    text = "Forward mode {claim}`needs fewer FLOPs <fwd_cheaper>` here."
    assert plain_markdown(text, {}) == "Forward mode needs fewer FLOPs here."


def executed_notebook():
    glue_cell = nbformat.v4.new_code_cell(
        'from myst_nb import glue\nglue("count", 7, display=False)',
        metadata={"tags": ["remove-cell"]})
    code = nbformat.v4.new_code_cell(
        "x = 6 * 7\nprint(x)", metadata={"snippet": "m.py#r", "snippet_sha256": "ab" * 32},
        outputs=[nbformat.v4.new_output("stream", name="stdout", text="42\n")])
    error = nbformat.v4.new_code_cell("1 / 0", metadata={"tags": ["raises-exception"]}, outputs=[
        nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                               traceback=["\x1b[31m---\x1b[0m", 'File "/home/someone/x.py"',
                                          "\x1b[31mZeroDivisionError\x1b[0m: division by zero"])])
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("There are {glue:text}`count` steps."),
        code, glue_cell, error])
    notebook.metadata.update({"source_map": [1, 3, 5, 7], "file_format": "mystnb"})
    return notebook


def test_reader_notebook_runs_without_myst_nb_and_keeps_outputs():
    notebook = reader_notebook(executed_notebook(), {"count": {"data": {"text/plain": "7"}}})
    nbformat.validate(notebook)
    assert [c.cell_type for c in notebook.cells] == ["markdown", "code", "code"]
    assert notebook.cells[0].source == "There are 7 steps."
    assert notebook.cells[1].outputs[0].text == "42\n"
    assert notebook.cells[1].metadata == {"snippet": "m.py#r"}
    assert "myst_nb" not in json.dumps(notebook)
    assert "source_map" not in notebook.metadata and "file_format" not in notebook.metadata


def test_tracebacks_are_cut_to_the_exception_line():
    notebook = reader_notebook(executed_notebook(), {"count": {"data": {"text/plain": "7"}}})
    error = notebook.cells[2].outputs[0]
    assert error.traceback == ["ZeroDivisionError: division by zero"]


def test_consecutive_prints_become_one_output_as_on_the_page():
    outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\n"),
               nbformat.v4.new_output("stream", name="stdout", text="b\n"),
               nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
               nbformat.v4.new_output("stream", name="stdout", text="c\n")]
    merged = merge_streams(outputs)
    assert [(o["name"], o["text"]) for o in merged] == [
        ("stdout", "a\nb\n"), ("stderr", "warn\n"), ("stdout", "c\n")]


def test_colab_link_points_at_the_published_notebook():
    app = SimpleNamespace(config=SimpleNamespace(
        notebook_links_colab_repo="someone/book", notebook_links_colab_branch="gh-pages"))
    assert colab_url(app, "autodiff/scan") == ("https://colab.research.google.com/github/"
                                               "someone/book/blob/gh-pages/_notebooks/"
                                               "autodiff/scan.ipynb")
    app.config.notebook_links_colab_repo = None
    assert colab_url(app, "autodiff/scan") is None


SITE_CONF = """
    extensions = ["myst_nb", "sphinxext.notebook_links"]
    html_theme = "sphinx_book_theme"
    nb_execution_mode = "cache"
    nb_execution_cache_path = {cache!r}
    notebook_links_colab_repo = "someone/book"
"""


def test_site_publishes_the_executed_notebook_and_links_it(tmp_path):
    # Built twice: the second build takes the outputs from the execution cache, the case
    # in which MyST-NB's own executed notebook has none.
    pages = {"index.md": """
        ---
        file_format: mystnb
        kernelspec:
          name: python3
        ---
        # Page

        ```{code-cell} ipython3
        total = sum(range(5))
        print(total)
        ```

        ```{code-cell} ipython3
        :tags: [remove-cell]
        from myst_nb import glue
        glue("total", total, display=False)
        ```

        The total is {glue:text}`total`.
    """}
    for _ in range(2):
        conf = SITE_CONF.format(cache=str(tmp_path / "cache"))
        status, out, warnings = build_site(tmp_path, conf, pages)
        assert status == 0, warnings
    assert (tmp_path / "cache").is_dir()  # the second build read its outputs from here
    notebook = nbformat.read(out / "_notebooks" / "index.ipynb", as_version=4)
    assert [c.cell_type for c in notebook.cells] == ["markdown", "code", "markdown"]
    assert notebook.cells[1].outputs[0].text == "10\n"
    assert notebook.cells[2].source == "The total is 10."
    html = (out / "index.html").read_text()
    assert 'href="_notebooks/index.ipynb"' in html
    assert ('href="https://colab.research.google.com/github/someone/book/blob/gh-pages/'
            '_notebooks/index.ipynb"') in html
