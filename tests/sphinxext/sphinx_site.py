"""Build a tiny Sphinx site in a temporary folder: the extensions' integration tests use it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(tmp_path: Path, conf: str, pages: dict[str, str], strict=False, fresh=True):
    """Write ``conf.py`` and ``pages`` under ``tmp_path/src``, build HTML; return
    (exit status, output folder, warnings text)."""
    src, out = tmp_path / "src", tmp_path / "out" / "html"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(conf))
    for name, text in pages.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text).lstrip("\n"))
    warnings = tmp_path / "warnings.txt"
    # A separate process: the build's own deprecation warnings are not the tests' errors.
    args = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-w", str(warnings),
            *(["-E"] if fresh else []),
            *(["-W"] if strict else []), str(src), str(out)]
    run = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path)
    logged = warnings.read_text() if warnings.exists() else ""
    return run.returncode, out, logged + run.stderr


def build_tree(site: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """Strict HTML build of a fixture tree laid out like the project (``conf.py`` at the root,
    pages in ``docs/``) into ``site/build/html``; the log comes back in plain text (Sphinx
    colours it when CI is set, even into a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", ".", "-W", "--keep-going", "-n", "-b", "html",
         *options, "docs", "build/html"],
        cwd=site, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **env},
        capture_output=True, text=True, timeout=300)
