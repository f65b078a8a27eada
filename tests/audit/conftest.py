"""Fixtures of the standard audits (``nox -s audit``): the built site served as GitHub Pages
serves it (gzip, ``Cache-Control: max-age=600``), and the audit tools from package-lock.json.

The tools are installed by ``npm ci`` at the repository root (the session does it): Lighthouse
(with chrome-launcher) and the Nu HTML checker ``vnu-jar``, which needs Java 11 or newer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.browsing import ROOT, PagesHandler, serving
from tests.browser.conftest import pages, site  # noqa: F401 - the same session fixtures

NODE_MODULES = ROOT / "node_modules"


@pytest.fixture(scope="session")
def pages_server(site):  # noqa: F811 - `site` is the imported fixture
    yield from serving(site, PagesHandler)


def tool(relative: str) -> Path:
    """A file of an npm-installed tool; a missing one fails with the command that installs it."""
    path = NODE_MODULES / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm ci` at the repository root", pytrace=False)
    return path


def program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"`{name}` is not installed (the audits need Node.js and Java 11+)",
                    pytrace=False)
    return found
