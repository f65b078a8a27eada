"""Build a tiny Sphinx site in a temporary folder: the extensions' integration tests use it."""

from __future__ import annotations

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
