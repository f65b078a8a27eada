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
  flags such a cell that no longer raises;
* reports an unexpected error or a timeout at the snippet file and line the contributor edits,
  and cuts an output longer than ``snippet_cells_output_limit`` characters, with a note;
* keeps one build at a time on a build folder (the second waits), repairs an execution cache
  that a killed build damaged, and reads every page again when the environment was built
  with other versions of ``snippet_cells_versions_of`` (JAX). README: "When a build fails".

A cell without ``:snippet:`` may only publish values with ``glue(...)``.
"""

from __future__ import annotations

import ast
import fcntl
import functools
import hashlib
import json
import os
import re
import shlex
import shutil
import sys
import textwrap
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import nbformat
from docutils import nodes
from jupyter_cache import get_cache
from jupyter_cache.cache.db import NbCacheRecord
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
    first_line: int = 1  # line of the file where ``source`` begins


def read_region(root: Path, ref: str) -> Region:
    """Return the region ``ref`` (``path/inside/root.py#name``) of a snippet file.

    The file must lie inside ``root`` once every ``..`` and symlink is resolved: a page cannot
    execute (or show) ``conf.py`` or any file outside the snippets folder.
    """
    rel, sep, name = ref.partition("#")
    if not sep or not rel.endswith(".py") or not name:
        raise ValueError(f"expected 'path/to/module.py#region', got {ref!r}")
    if Path(rel).is_absolute():
        raise ValueError(f"{rel!r} is an absolute path: name a file inside {root.name}/")
    path = root / rel
    inside = root.resolve()
    if not path.resolve().is_relative_to(inside):
        how = "is a symlink to" if path.is_symlink() else "names"
        raise ValueError(f"{rel!r} {how} a file outside {root.name}/: "
                         f"only files inside {root.name}/ can fill a cell")
    if not path.is_file():
        raise ValueError(f"no snippet file {rel!r} under {root.name}/")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ValueError(f"{rel} is not UTF-8 (byte 0x{data[err.start]:02x} on line {line}): "
                         "save it as UTF-8") from None
    lines, inside, found = [], False, 0
    for number, line in enumerate(text.splitlines(), start=1):
        marker = MARKER.match(line)
        if marker and marker[2] == name:
            if marker[1] == "START":
                inside, found = True, found + 1
            else:
                inside = False
        elif inside and not marker:
            lines.append((number, line))
    if found == 0:
        raise ValueError(f"no region '# [START {name}]' in {rel}")
    if found > 1 or inside:
        raise ValueError(f"region {name!r} in {rel} must open once and close once")
    source = textwrap.dedent("\n".join(line for _, line in lines)).strip("\n")
    if not source.strip():
        raise ValueError(f"region {name!r} in {rel} is empty")
    first_line = next(number for number, line in lines if line.strip())
    return Region(path, name, source, hashlib.sha256(data).hexdigest(), first_line)


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
    page_lines = source[0].splitlines()
    for cell, line in _code_cells(notebook):
        problem = _repeated_option(page_lines, line) or _cell_problem(root, cell)
        if isinstance(problem, Region):
            hashes[docname][str(problem.path)] = problem.file_sha256
        elif problem:
            logger.error(problem, location=(docname, line), type="snippet_cells")
            title = next((ln for ln in source[0].splitlines() if ln.startswith("# ")), "# ?")
            source[0] = f"{title}\n\nThis page did not build: {problem}\n"
            return


def _repeated_option(page_lines: list[str], fence_line: int) -> str | None:
    """A ``:snippet:`` given twice in one cell: MyST would silently keep the last one."""
    options = []
    for text in page_lines[fence_line:]:  # the lines after the opening fence
        if not text.startswith(":"):
            break
        options.append(text.split(":")[1])
    for name in sorted(set(options)):
        if options.count(name) > 1:
            return f"option ':{name}:' is given {options.count(name)} times in one cell"
    return None


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
    """Trim ``raises-exception`` cells to the exception; flag those that did not raise; say
    where in the snippet file an unexpected error or a timeout happened; cap huge outputs."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        cells = [cell for cell in self.document.findall(nodes.container)
                 if cell.get("nb_element") == "cell_code"]
        for cell in cells:
            cap_outputs(cell, self.config.snippet_cells_output_limit)
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
        self.report_failure(cells)

    def report_failure(self, cells) -> None:
        """One error naming the snippet file and line where the page's execution stopped."""
        from myst_nb.sphinx_ import NbMetadataCollector

        try:
            result = NbMetadataCollector.get_exec_data(self.env, self.env.docname)
        except KeyError:
            return
        if not result or result.get("succeeded") or not result.get("error"):
            return
        root = snippets_root(self.app)
        regions = {cell["cell_index"]: _region_or_none(root, cell["cell_metadata"])
                   for cell in cells}
        failed = next((cell for cell in cells if _traceback_of(cell)), None)
        if result["error"] == "CellTimeoutError" or failed is None:
            failed = _timed_out_cell(cells, result.get("traceback") or "")
            if failed is None:
                return
            where = _region_lines(root, regions[failed["cell_index"]])
            limit = self.config.nb_execution_timeout
            message = f"{where}: did not finish within the {limit} s cell time limit"
            detail = _ref(failed)
            index = failed["cell_index"]
        else:
            frame_index, line, what = _innermost_cell_frame(failed, cells, regions)
            region = regions[frame_index]
            where = (_where(root, region, line) if region else f"cell {frame_index + 1}")
            message = f"{where}: {what}"
            index = failed["cell_index"]
            detail = _ref(failed)
            if frame_index != index and region:
                detail = f"region {region.name!r}, run from {detail}"
        lines = _cell_lines(self.env, self.env.docname)
        location = (self.env.docname, lines.get(index)) if index in lines else failed
        logger.error(f"{message} ({detail})", location=location,
                     type="snippet_cells", subtype="cell_error")


ANSI = re.compile(r"\x1b\[[0-9;]*m")
FRAME = re.compile(r"^\s*(?:Cell In\[\d+\]|File <cell>:?), line (\d+)(?:, in (\w+|<module>))?")


def _traceback_of(cell) -> str:
    if "raises-exception" in cell["cell_metadata"].get("tags", []):
        return ""
    blocks = [b for b in cell.findall(nodes.literal_block) if "traceback" in b["classes"]]
    return ANSI.sub("", blocks[-1].astext()) if blocks else ""


def _region_or_none(root: Path, metadata) -> Region | None:
    try:
        return read_region(root, metadata["snippet"]) if "snippet" in metadata else None
    except ValueError:
        return None


def _ref(cell) -> str:
    ref = cell["cell_metadata"].get("snippet")
    return f"cell {ref}" if ref else f"glue cell {cell['cell_index'] + 1}"


def _rel(root: Path, region: Region) -> str:
    path = region.path.resolve()
    base = root.parent
    return str(path.relative_to(base)) if path.is_relative_to(base) else str(path)


def _where(root: Path, region: Region, line: int) -> str:
    return f"{_rel(root, region)}:{region.first_line + line - 1}"


def _region_lines(root: Path, region: Region | None) -> str:
    if region is None:
        return "a glue cell"
    last = region.first_line + region.source.count("\n")
    return f"{_rel(root, region)}:{region.first_line}-{last}"


def _defines(source: str, name: str, line: int) -> bool:
    """True when ``source`` defines a function ``name`` whose body covers ``line``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
               and node.name == name and node.lineno <= line <= (node.end_lineno or line)
               for node in ast.walk(tree))


def _innermost_cell_frame(failed, cells, regions) -> tuple[int, int, str]:
    """(cell index, line in that cell, ``Name: message``) of the innermost frame in a cell.

    Every cell's code is named ``<cell>``, so IPython cannot tell cells apart in a traceback;
    a frame inside a function is placed in the latest cell (up to the failing one) that
    defines that function around that line, any other frame in the failing cell.
    """
    text = _traceback_of(failed)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if "Traceback (most recent call last)" in text:
        what = shorten_traceback(text).splitlines()[0]
    else:  # a SyntaxError: the compiler's report, no traceback
        what = lines[-1].strip() if lines else "error"
    frames = [(int(m[1]), m[2]) for m in map(FRAME.match, lines) if m]
    index = failed["cell_index"]
    if not frames:
        return index, 1, what
    line, function = frames[-1]
    if function and function != "<module>":
        for cell in reversed([c for c in cells if c["cell_index"] <= index]):
            region = regions[cell["cell_index"]]
            if region and _defines(region.source, function, line):
                return cell["cell_index"], line, what
    return index, line, what


def _timed_out_cell(cells, traceback: str):
    """The cell nbclient was running when the time limit struck: it quotes the cell's source."""
    match = re.search(r"(?:following cell|preview of the cell contents):\n-+\n(.*?)\n-+\s*$",
                      traceback, re.S)
    quoted = [ln for ln in match[1].splitlines() if ln.strip() not in ("", "...")] if match else []
    for cell in cells:
        source = cell.children[0].astext().splitlines() if cell.children else []
        if quoted and all(ln in source for ln in quoted):
            return cell
    return None


def _cell_lines(env, docname: str) -> dict[int, int]:
    """Cell index -> line of its opening fence in the page."""
    try:
        text = Path(env.doc2path(docname)).read_text(encoding="utf8")
        notebook = read_myst_markdown_notebook(
            text, _md_config(env.config.myst_enable_extensions), add_source_map=True)
    except Exception:  # only used to place a message
        return {}
    lines = notebook.metadata.get("source_map", [])
    return dict(enumerate(lines))


def cap_outputs(cell, limit: int) -> None:
    """Cut an output longer than ``limit`` characters, with a note in the page and a warning."""
    for block in cell.findall(nodes.literal_block):
        if block is cell.children[0] or not limit:
            continue  # the cell's source
        text = block.astext()
        if len(text) <= limit:
            continue
        note = (f"\n\n[output cut: the cell printed {len(text):,} characters, "
                f"the first {limit:,} are shown]")
        block.children = [nodes.Text(text[:limit] + note)]
        block.rawsource = text[:limit] + note
        logger.warning(f"{_ref(cell)} printed {len(text):,} characters of output; the page "
                       f"shows the first {limit:,} (snippet_cells_output_limit)",
                       location=cell, type="snippet_cells", subtype="output_cut")


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


# --- one build per build folder ------------------------------------------------------------

LOCK_NAME = ".build.lock"
_held_locks: list = []


def _lock_paths(app, config) -> list[Path]:
    """The lock files guarding what a build writes: its build folder (environment, doctrees,
    HTML, executed notebooks) and, when it lives elsewhere, the execution cache."""
    paths = {Path(app.outdir).resolve().parent / LOCK_NAME}
    cache = config.nb_execution_cache_path if "nb_execution_cache_path" in config else ""
    if cache:
        cache_dir = Path(cache).resolve()  # myst-nb opens it relative to the working folder
        if not cache_dir.is_relative_to(Path(app.outdir).resolve().parent):
            paths.add(cache_dir.parent / LOCK_NAME)
    return sorted(paths)


def _holder(handle) -> str:
    handle.seek(0)
    return handle.read().strip() or "a build that is just starting"


def lock_build_folder(app, config) -> None:
    """``config-inited``: wait while another build writes the same build folder.

    Two builds at once (``nox -s serve`` and ``nox -s docs``) would race on the execution cache's
    database and overwrite each other's environment. The second build says which process holds
    the folder, waits for it, then reads the environment that build left: both succeed, and the
    second re-executes nothing the first already ran. The lock is an ``flock``: the kernel drops
    it when its process ends, even by SIGKILL, so a dead build never leaves the folder locked.
    """
    for path in _lock_paths(app, config):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 (held until the build ends)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _notice(f"{path.parent} is in use by another build ({_holder(handle)}); "
                    "waiting for it to finish (Ctrl-C to stop)")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        started = time.strftime("%H:%M:%S")
        handle.write(f"PID {os.getpid()}, {shlex.join(sys.argv)}, started {started}\n")
        handle.flush()
        _held_locks.append(handle)


def unlock_build_folder(app, exception) -> None:
    while _held_locks:
        handle = _held_locks.pop()
        handle.truncate(0)
        handle.close()


def _notice(message: str) -> None:
    """One line on stderr that -q does not hide and -W does not turn into an error."""
    print(f"snippet_cells: {message}", file=sys.stderr, flush=True)


# --- the execution cache -----------------------------------------------------------------------

def _cache_path(app) -> Path:
    config = getattr(app.env, "mystnb_config", None)
    path = getattr(config, "execution_cache_path", "") or app.config.nb_execution_cache_path
    return Path(path or Path(app.outdir).parent / ".jupyter_cache")


def _readable_notebook(path: Path) -> bool:
    try:
        return isinstance(json.loads(path.read_text(encoding="utf8")).get("cells"), list)
    except (OSError, ValueError, AttributeError):
        return False


def prepare_execution_cache(app) -> None:
    """``builder-inited``: open the execution cache, repairing what a killed build left.

    * The database is created up front: under ``-j`` the parallel readers would otherwise race
      to create its tables on a cold build.
    * An unreadable database (truncated, not SQLite, wrong tables) or a missing one next to
      executed notebooks: the cache starts over, and every page executes again.
    * An entry whose notebook is missing or does not parse (jupyter-cache records an entry
      before it writes the notebook, so SIGKILL between the two leaves one): the entry is
      dropped, and its page executes again instead of stopping the build with a KeyError.
    """
    if app.config.nb_execution_mode != "cache":
        return
    path = _cache_path(app)
    db_file = path / "global.db"
    if not db_file.exists() and (path / "executed").exists():
        _notice(f"the execution cache {path} has no database (deleted?): "
                "starting a new cache, every page executes again")
        shutil.rmtree(path)
    cache = get_cache(str(path))
    try:
        records = cache.list_cache_records()
    except Exception as err:  # sqlite's and SQLAlchemy's errors for a damaged file vary
        reason = str(getattr(err, "__cause__", None) or err).splitlines()[0]
        _notice(f"the execution cache database {db_file} is unreadable ({reason}): "
                "starting a new cache, every page executes again")
        shutil.rmtree(path)
        cache = get_cache(str(path))
        records = cache.list_cache_records()
    damaged = [r for r in records
               if not _readable_notebook(path / "executed" / r.hashkey / "base.ipynb")]
    if damaged:
        for record in damaged:
            shutil.rmtree(path / "executed" / record.hashkey, ignore_errors=True)
        NbCacheRecord.remove_records([r.pk for r in damaged], cache.db)
        uris = ", ".join(sorted({Path(r.uri).name for r in damaged}))
        _notice(f"dropped {len(damaged)} damaged execution-cache entr"
                f"{'y' if len(damaged) == 1 else 'ies'} (notebook missing or truncated, "
                f"an interrupted build?); executing again: {uris}")


create_execution_cache = prepare_execution_cache  # its name before it repaired the cache


# --- the versions the pages ran with -----------------------------------------------------------

def _versions(app) -> dict[str, str | None]:
    found = {}
    for name in app.config.snippet_cells_versions_of:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def check_versions(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: an environment built with other package versions (a JAX upgrade)
    is read again from scratch, saying so, instead of mixing outputs of two releases."""
    now, before = _versions(app), getattr(env, "snippet_cells_versions", None)
    env.snippet_cells_versions = now
    if before is None or before == now:
        return []
    changed_versions = ", ".join(f"{name} {before.get(name)} -> {version}"
                                 for name, version in now.items() if before.get(name) != version)
    _notice(f"{Path(app.outdir).parent} was built with other versions ({changed_versions}): "
            "every page is read again")
    return sorted(env.found_docs - set(removed))


def setup(app):
    app.add_config_value("snippet_cells_root", "snippets", "env", [str])
    # Packages whose release is part of every result: a change re-reads the whole site.
    app.add_config_value("snippet_cells_versions_of", ["jax", "jaxlib"], "env", [list])
    app.add_config_value("snippet_cells_output_limit", 100_000, "env", [int])
    app.connect("config-inited", lock_build_folder, priority=10)
    app.connect("config-inited", set_reader, priority=100)
    app.connect("builder-inited", prepare_execution_cache)
    app.connect("env-get-outdated", check_versions)
    app.connect("build-finished", unlock_build_folder, priority=900)
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
