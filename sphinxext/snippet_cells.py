"""Fill MyST-NB code cells from tested snippet regions, before they execute.

A page cell names its code instead of containing it::

    ```{code-cell} ipython3
    :snippet: transformations/jit_tracing.py#show_jaxpr
    ```

The region is the text between ``# [START show_jaxpr]`` and ``# [END show_jaxpr]`` in
``snippets/transformations/jit_tracing.py``. The extension

* validates every cell on ``source-read`` (one error naming page, line and reference) and
  records each snippet file's SHA-256 against the page, so the next build re-reads exactly
  the pages whose snippet files changed (by content, not by timestamp: a clock or a checkout
  that leaves an older modification time cannot hide an edit);
* reads ``.md`` pages through its own notebook reader, which puts the region's source into
  the cell and the file's SHA-256 into the cell metadata: jupyter-cache hashes cell metadata,
  so the execution cache key changes with the snippet file;
* shortens the traceback of cells tagged ``raises-exception`` to the exception itself, and
  flags such a cell that no longer raises.

A cell without ``:snippet:`` may only publish values with ``glue(...)``.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import nbformat
from docutils import nodes
from jupyter_cache import get_cache
from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook
from myst_parser.config.main import MdParserConfig
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

MARKER = re.compile(r"^\s*# \[(START|END) (\w+)\]\s*$")
GLUE_IMPORT = "from myst_nb import glue"


@dataclass(frozen=True)
class Region:
    path: Path
    name: str
    source: str
    file_sha256: str


def read_region(root: Path, ref: str) -> Region:
    """Return the region ``ref`` (``path/inside/root.py#name``) of a snippet file."""
    rel, sep, name = ref.partition("#")
    if not sep or not rel.endswith(".py") or not name:
        raise ValueError(f"expected 'path/to/module.py#region', got {ref!r}")
    path = root / rel
    if not path.is_file():
        raise ValueError(f"no snippet file {rel!r} under {root.name}/")
    data = path.read_bytes()
    text = data.decode("utf-8")
    lines, inside, found = [], False, 0
    for line in text.splitlines():
        marker = MARKER.match(line)
        if marker and marker[2] == name:
            if marker[1] == "START":
                inside, found = True, found + 1
            else:
                inside = False
        elif inside and not marker:
            lines.append(line)
    if found == 0:
        raise ValueError(f"no region '# [START {name}]' in {rel}")
    if found > 1 or inside:
        raise ValueError(f"region {name!r} in {rel} must open once and close once")
    source = textwrap.dedent("\n".join(lines)).strip("\n")
    if not source.strip():
        raise ValueError(f"region {name!r} in {rel} is empty")
    return Region(path, name, source, hashlib.sha256(data).hexdigest())


def is_glue_only(source: str) -> bool:
    """True when a cell only imports ``glue`` and calls it: it publishes, never computes."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    for stmt in body:
        if isinstance(stmt, ast.ImportFrom) and ast.unparse(stmt) == GLUE_IMPORT:
            continue
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id == "glue"):
            return False
    return bool(body)


def _code_cells(notebook):
    """Yield each code cell with the line of its opening fence."""
    lines = notebook.metadata.get("source_map", [])
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            yield cell, lines[index] if index < len(lines) else 0


def _md_config(extensions) -> MdParserConfig:
    return MdParserConfig(enable_extensions=set(extensions))


def read_page(text: str, root: str, md_extensions=()) -> nbformat.NotebookNode:
    """Notebook reader for ``nb_custom_formats``: a MyST page with its snippets filled in."""
    if not is_myst_markdown_notebook(text):
        text = "---\nfile_format: mystnb\nkernelspec:\n  name: python3\n---\n" + text
    notebook = read_myst_markdown_notebook(text, _md_config(md_extensions), add_source_map=True)
    for cell, _ in _code_cells(notebook):
        if "snippet" in cell.metadata:
            region = read_region(Path(root), cell.metadata["snippet"])
            cell.source = region.source
            cell.metadata["snippet_sha256"] = region.file_sha256
    if not any(True for _ in _code_cells(notebook)):
        notebook.metadata["mystnb"] = {"execution_mode": "off"}  # no kernel for a prose page
    return notebook


def check_page(app, docname: str, source: list[str]) -> None:
    """``source-read``: validate the page's cells and record its snippet dependencies.

    A bad cell is reported once, with page and line, and the page is reduced to its title so
    nothing on it executes and no follow-on errors bury the first one.
    """
    if not app.env.doc2path(docname).suffix == ".md":
        return
    root = snippets_root(app)
    hashes = _page_hashes(app.env)
    hashes[docname] = {}
    notebook = read_myst_markdown_notebook(
        source[0], _md_config(app.config.myst_enable_extensions), add_source_map=True)
    for cell, line in _code_cells(notebook):
        problem = _cell_problem(root, cell)
        if isinstance(problem, Region):
            hashes[docname][str(problem.path)] = problem.file_sha256
        elif problem:
            logger.error(problem, location=(docname, line), type="snippet_cells")
            title = next((ln for ln in source[0].splitlines() if ln.startswith("# ")), "# ?")
            source[0] = f"{title}\n\nThis page did not build: {problem}\n"
            return


def _page_hashes(env) -> dict[str, dict[str, str]]:
    """Per page, the SHA-256 of each snippet file it used when it was last read."""
    if not hasattr(env, "snippet_cells_hashes"):
        env.snippet_cells_hashes = {}
    return env.snippet_cells_hashes


def _file_sha256(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def outdated_pages(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: pages whose snippet files' content changed since they were read."""
    digest = functools.cache(_file_sha256)  # a snippet shared by many pages is hashed once
    return [docname for docname, files in _page_hashes(env).items()
            if docname not in removed and any(digest(p) != h for p, h in files.items())]


def purge_page(app, env, docname) -> None:
    _page_hashes(env).pop(docname, None)


def merge_hashes(app, env, docnames, other) -> None:
    """Parallel read: take the hashes recorded by a worker process."""
    theirs = getattr(other, "snippet_cells_hashes", {})
    _page_hashes(env).update({name: theirs[name] for name in docnames if name in theirs})


def _cell_problem(root: Path, cell) -> Region | str | None:
    """The region a cell names, or what is wrong with the cell (None: a glue-only cell)."""
    ref = cell.metadata.get("snippet")
    if ref is None:
        if is_glue_only(cell.source):
            return None
        return ("a code cell must name its code with ':snippet: module.py#region' "
                "(only glue(...) calls may be written inline)")
    if cell.source.strip():
        return f"cell names snippet {ref!r} and also has inline code"
    try:
        return read_region(root, ref)
    except ValueError as err:
        return f"snippet {ref!r}: {err}"


class ShortenExpectedErrors(SphinxTransform):
    """Trim ``raises-exception`` cells to the exception; flag those that did not raise."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for cell in self.document.findall(nodes.container):
            if cell.get("nb_element") != "cell_code":
                continue
            if "raises-exception" not in cell["cell_metadata"].get("tags", []):
                continue
            blocks = [b for b in cell.findall(nodes.literal_block) if "traceback" in b["classes"]]
            if not blocks:
                logger.warning("cell tagged raises-exception did not raise",
                               location=cell, type="snippet_cells", subtype="no_error")
            for block in blocks:
                short = shorten_traceback(block.astext())
                block.children = [nodes.Text(short)]
                block.rawsource = short


def shorten_traceback(text: str) -> str:
    """Keep the final ``Name: message`` part of an IPython traceback.

    A chained exception (JAX raises from its own ``JaxStackTraceBeforeTransformation``)
    prints several tracebacks; the last one is the exception the cell raised.
    """
    lines = text.splitlines()
    headers = [ln for ln in lines if "Traceback (most recent call last)" in ln]
    header = headers[-1] if headers else ""
    name = header.split()[0] if header.split() else ""
    starts = [i for i, ln in enumerate(lines) if name and
              (ln == name or ln.startswith(name + ": "))]
    return "\n".join(lines[starts[-1]:]) if starts else text


def snippets_root(app) -> Path:
    return (Path(app.confdir) / app.config.snippet_cells_root).resolve()


def set_reader(app, config) -> None:
    config.nb_custom_formats = {
        **config.nb_custom_formats,
        ".md": ("sphinxext.snippet_cells.read_page",
                {"root": str(snippets_root(app)),
                 "md_extensions": sorted(config.myst_enable_extensions)}, False),
    }


def create_execution_cache(app) -> None:
    """Create jupyter-cache's database up front: under ``-j`` the parallel readers would
    otherwise race to create its tables on a cold build."""
    if app.config.nb_execution_mode == "cache":
        get_cache(app.config.nb_execution_cache_path or ".jupyter_cache").db  # noqa: B018


def setup(app):
    app.add_config_value("snippet_cells_root", "snippets", "env", [str])
    app.connect("config-inited", set_reader, priority=100)
    app.connect("builder-inited", create_execution_cache)
    app.connect("source-read", check_page)
    app.connect("env-get-outdated", outdated_pages)
    app.connect("env-purge-doc", purge_page)
    app.connect("env-merge-info", merge_hashes)
    app.add_transform(ShortenExpectedErrors)
    # Name every cell's code object "<cell>": JAX error messages quote the defining file,
    # which would otherwise be a temporary path on the build machine.
    os.environ.setdefault("IPYKERNEL_CELL_NAME", "<cell>")
    return {"version": "1.1", "env_version": 1,
            "parallel_read_safe": True, "parallel_write_safe": True}
