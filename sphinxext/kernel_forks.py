"""Start each page's kernel as a fork of one process that has already imported JAX.

Every executed page still runs in its own new kernel process, so no state passes between pages;
what is paid once per build instead of once per page is starting Python and importing ipykernel,
JAX and matplotlib (``sphinxext/forked_kernel.py`` explains the server and its stub, and
benchmarks/README.md what it saves).

The extension writes a ``python3`` kernelspec into a temporary folder (not the output: it holds
this machine's paths) whose command is the stub,
puts it first on ``JUPYTER_PATH``, and starts the fork server when the build is about to read
pages with code cells (a no-op build starts nothing), waiting for its imports
(``kernel_forks_ready_timeout``) before the pages are read; the server stops when the build ends.
``-D kernel_forks=0`` builds with plain kernels. Outputs and the execution cache are the same
either way: jupyter-cache keys a page by its cells, not by how its kernel was started.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sphinx.util import logging

from sphinxext import forked_kernel

logger = logging.getLogger(__name__)
_server: dict = {}
_spec: dict = {}


def _enabled(app) -> bool:
    """On Linux (the forked kernel watches its stub through a pidfd; macOS's fork() is not safe
    with the frameworks these modules load), unless turned off or nothing executes."""
    return (bool(app.config.kernel_forks) and app.config.nb_execution_mode != "off"
            and sys.platform.startswith("linux") and hasattr(os, "pidfd_open"))


def install_kernelspec(app) -> None:
    """``builder-inited``: the ``python3`` kernel is the stub (the native spec's other fields)."""
    if not _enabled(app):
        return
    from ipykernel.kernelspec import get_kernel_dict

    spec = get_kernel_dict()
    spec["argv"] = [sys.executable, str(Path(forked_kernel.__file__).resolve()),
                    "-f", "{connection_file}"]
    spec["display_name"] += ", forked"
    # Outside the output folder: the spec holds this machine's paths, and `build/html` (with its
    # `.doctrees`) is what gets published. Removed when the build ends.
    root = Path(tempfile.mkdtemp(prefix="kernel-spec-"))
    _spec.update(root=root, owner=os.getpid())
    atexit.register(remove_kernelspec, app, None)
    folder = root / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    paths = [str(root), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))


def remove_kernelspec(app, exception) -> None:
    """``build-finished``: the build's kernelspec folder goes, and leaves ``JUPYTER_PATH``."""
    if _spec.get("owner") != os.getpid():
        return  # a parallel reader (forked from the build)
    root = str(_spec.pop("root"))
    paths = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != root]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    shutil.rmtree(root, ignore_errors=True)
    _spec.clear()


def _executes(app, docname: str) -> bool:
    path = app.env.doc2path(docname)
    try:
        return path.suffix == ".md" and "{code-cell}" in path.read_text(encoding="utf-8")
    except OSError:
        return False


def _will_execute(app, docnames, enough: int) -> int:
    """How many of ``docnames`` will start a kernel (counting stops at ``enough``): pages with
    code cells that the execution cache cannot serve. A guess: a wrong one costs time, never
    correctness (a page whose kernel cannot be forked gets a plain one)."""
    pages = [d for d in docnames if _executes(app, d)]
    if app.config.nb_execution_mode != "cache" or len(pages) < enough:
        return len(pages)
    try:
        from jupyter_cache import get_cache
        from myst_nb.core.read import create_nb_reader

        cache = get_cache(app.env.mystnb_config.execution_cache_path or ".jupyter_cache")
        count = 0
        for docname in pages:  # read as myst-nb reads it (sphinx_.Parser.parse)
            path = app.env.doc2path(docname)
            text = path.read_text(encoding="utf-8")
            reader = create_nb_reader(str(path), app.env.myst_config, app.env.mystnb_config,
                                      text)
            notebook = reader.read(text)
            try:
                cache.match_cache_notebook(notebook)
            except KeyError:
                count += 1
                if count >= enough:
                    break
        return count
    except Exception:  # the guess failed: assume every page executes
        return len(pages)


def start_server(app, env, docnames) -> None:
    """``env-before-read-docs``: in the main process, before the parallel readers fork. Only
    when at least ``kernel_forks_min_pages`` pages will execute: for one page, the server's
    imports cost what that page's own kernel would have paid."""
    if _server or not _enabled(app):
        return
    enough = app.config.kernel_forks_min_pages
    pages = _will_execute(app, docnames, enough)
    if pages < enough:
        return
    folder = tempfile.mkdtemp(prefix="kernel-forks-")  # a short path: AF_UNIX allows ~100 bytes
    path = os.path.join(folder, "socket")
    process = subprocess.Popen(
        [sys.executable, forked_kernel.__file__, "serve", path], stdin=subprocess.DEVNULL,
        start_new_session=True)  # out of the terminal's group, as jupyter_client starts kernels
    _server.update(process=process, folder=folder, owner=os.getpid())
    os.environ[forked_kernel.SOCKET_VAR] = path
    os.environ[forked_kernel.PER_KERNEL_VAR] = ",".join(app.config.kernel_forks_per_kernel_vars)
    atexit.register(stop_server, app, None)
    # Wait for its imports before the first page asks for a kernel: otherwise the first pages'
    # stubs, waiting for it, would compete with it for the cores, or give up and start plain
    # kernels (they give up after forked_kernel.READY_WAIT seconds). Past this limit, go on.
    deadline = time.monotonic() + app.config.kernel_forks_ready_timeout
    while (not os.path.exists(path + ".ready") and process.poll() is None
           and time.monotonic() < deadline):
        time.sleep(0.05)
    logger.info(f"kernel fork server started (at least {pages} pages to execute)")


def stop_server(app, exception) -> None:
    """``build-finished``: kernels are all shut down by now; end the server."""
    if _server.get("owner") != os.getpid():
        return  # a parallel reader (forked from the build) never ends the build's server
    os.environ.pop(forked_kernel.SOCKET_VAR, None)
    os.environ.pop(forked_kernel.PER_KERNEL_VAR, None)
    process = _server.pop("process", None)
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if "folder" in _server:
        shutil.rmtree(_server["folder"], ignore_errors=True)
    _server.clear()


def setup(app):
    app.add_config_value("kernel_forks", True, "", [bool])
    # Environment variables that extensions set for each page's kernel (read after it starts).
    app.add_config_value("kernel_forks_per_kernel_vars", ["BUILD_REPORT_KERNEL_FILE"], "",
                         [list])
    # Seconds the build waits for the server's imports before reading pages (then goes on: a
    # page whose kernel cannot be forked gets a plain one).
    app.add_config_value("kernel_forks_ready_timeout", 60, "", [int, float])
    app.add_config_value("kernel_forks_min_pages", 2, "", [int])
    # After build_report and conf.py set IPYTHONDIR (priorities 500 and 600).
    app.connect("builder-inited", install_kernelspec, priority=700)
    app.connect("env-before-read-docs", start_server)
    app.connect("build-finished", stop_server)
    app.connect("build-finished", remove_kernelspec)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
