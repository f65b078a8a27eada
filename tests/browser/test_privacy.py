"""Nothing about the build machine is published: no absolute path, user name or env value."""

import getpass
import json
import os
import re
import socket
import sys
import tempfile
from pathlib import Path

from tests.browser.browsing import ROOT

PUBLISHED = (".html", ".ipynb", ".js", ".json", ".txt", ".xml", ".md", ".log")
# Words too common to search for on their own; for these only paths count.
COMMON = {"root", "user", "admin", "runner", "ubuntu", "debian", "localhost", "docs", "build"}
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSW|KEY|AUTH|CREDENTIAL|COOKIE", re.IGNORECASE)
# Environment values that are public facts, not facts about this machine.
PUBLIC_VALUES = {"/bin", "/usr/bin", "/usr/local/bin", "/usr", "/sbin", "/usr/sbin",
                 "/bin/bash", "/bin/sh", "/usr/bin/bash", "/dev/null", "/tmp", "/etc"}


def private_markers(environ=os.environ) -> set[str]:
    """Strings of this machine that must not appear in anything published."""
    machine = {str(ROOT), str(Path.home()), sys.prefix, sys.base_prefix, tempfile.gettempdir()}
    markers = {path.rstrip("/") + "/" for path in machine} | {"/home/"}
    for name in (getpass.getuser(), socket.gethostname()):
        markers.add(name if name.lower() not in COMMON and len(name) >= 4 else f"/{name}/")
    for name, value in environ.items():
        if SECRET_NAME.search(name) and len(value) >= 6:
            markers.add(value)
        for part in value.split(os.pathsep):
            if part.startswith("/") and len(part) > 4 and part.rstrip("/") not in PUBLIC_VALUES:
                markers.add(part.rstrip("/") + "/")
    return {m for m in markers if m.strip("/")}


def leaks(text: str, markers) -> list[str]:
    return sorted(m for m in markers if m in text)


def test_scanner_catches_a_planted_leak():
    markers = private_markers({"SOME_API_TOKEN": "s3cr3t-value", "CACHE": "/opt/cache/x"})
    text = f"Traceback: File {ROOT}/snippets/a.py, token s3cr3t-value, /opt/cache/x/f"
    assert {f"{ROOT}/", "s3cr3t-value", "/opt/cache/x/"} <= set(leaks(text, markers))
    assert leaks("File /tmp/ipykernel_81/3.py, line 2", markers) == [
        tempfile.gettempdir().rstrip("/") + "/"]
    assert leaks("The gradient is 0.5 at x = /2", markers) == []


def published_text(path: Path) -> str:
    """The file's text; for a notebook, without base64 images (random text, not words)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix != ".ipynb":
        return text
    notebook = json.loads(text)
    for cell in notebook.get("cells", ()):
        for output in cell.get("outputs", ()):
            for mime in [m for m in output.get("data", {}) if m.startswith("image/")]:
                if mime != "image/svg+xml":
                    del output["data"][mime]
    return json.dumps(notebook)


def test_notebook_images_are_not_scanned_as_text(tmp_path):
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": [{"outputs": [{"data": {
        "image/png": "iVBOR/xy/", "text/plain": "<Figure>"}}]}]}))
    assert "iVBOR" not in published_text(path) and "<Figure>" in published_text(path)


def test_published_files_leak_nothing(site):
    markers = private_markers()
    found = {}
    for path in site.rglob("*"):
        if path.suffix in PUBLISHED and path.is_file():
            hits = leaks(published_text(path), markers)
            if hits:
                found[path.relative_to(site).as_posix()] = hits
    assert found == {}
