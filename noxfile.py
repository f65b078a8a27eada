"""Sessions for building, testing and measuring the site. `nox -l` lists them."""

import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.sessions = ["lint", "tests", "docs", "browser", "pdf", "audit"]
nox.options.reuse_existing_virtualenvs = True
# Every session's virtualenv is made and filled by uv (`pip install nox uv` brings it): no
# fallback to pip, so a missing uv fails loudly instead of silently costing ten times longer.
nox.options.default_venv_backend = "uv"

ROOT = Path(__file__).parent
# The lock compiled from requirements.in: every package pinned, every file's SHA-256 checked.
REQUIREMENTS = ("--require-hashes", "-r", "requirements.txt")
# Strict, warnings-as-errors build: nitpicky, full tracebacks, report every problem.
SPHINX_STRICT = ("-c", ".", "-W", "--keep-going", "-n", "-T", "-j", "auto")
JAX_ENV = {"JAX_PLATFORMS": "cpu", "JAX_NUMPY_RANK_PROMOTION": "raise"}


def install(session):
    session.install(*REQUIREMENTS)


def build_html(session):
    session.run("sphinx-build", *SPHINX_STRICT, "-b", "html", "docs", "build/html", env=JAX_ENV)


@nox.session
def docs(session):
    """Build the site into build/html, executing pages as needed (`-- --fresh`: start over)."""
    install(session)
    if "--fresh" in session.posargs:
        shutil.rmtree(ROOT / "build", ignore_errors=True)
    build_html(session)


@nox.session
def tests(session):
    """Run the test suite on every core: snippet values and the Sphinx extensions (no browser).

    One worker per core (`-n auto`); each test file, with the files whose snippets import its
    snippet, stays on one worker (`--dist loadfile`, see tests/conftest.py), so each page's
    computation runs once. `nox -s tests -- -n 0` runs serially."""
    install(session)
    session.run("pytest", "--ignore=tests/browser", "--ignore=tests/pdf", "--ignore=tests/audit",
                "-n", "auto", "--dist", "loadfile", *session.posargs, env=JAX_ENV)


@nox.session
def browser(session):
    """Bring build/html up to date, then test it in headless Chromium (screenshots: build/)."""
    install(session)
    build_html(session)
    session.run("pytest", "tests/browser", *session.posargs, env=JAX_ENV)


@nox.session
def pdf(session):
    """Print the built site as one book PDF (build/pdf/) with Chromium, then check the PDF.

    Brings build/html up to date (the same strict build as `docs`), prints it (pdf/build.py),
    builds again so that the home page links to the PDF and the site carries a copy, then runs
    tests/pdf/ on the result."""
    install(session)
    build_html(session)
    session.run("python", "-m", "pdf.build", env=JAX_ENV)
    build_html(session)
    session.run("pytest", "tests/pdf", *session.posargs, env=JAX_ENV)


@nox.session
def audit(session):
    """The standard audits of build/html, as served by GitHub Pages (gzip, a cache header):
    Lighthouse (mobile) and the Nu HTML checker, installed from package-lock.json by `npm ci`
    (Node.js and Java 11+ needed). axe-core runs in `nox -s browser`, light and dark."""
    install(session)
    build_html(session)
    session.run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", external=True)
    session.run("pytest", "tests/audit", *session.posargs, env=JAX_ENV)


@nox.session
def serve(session):
    """Rebuild on every save and serve the site with live reload on http://127.0.0.1:8000."""
    install(session)
    session.run("sphinx-autobuild", *SPHINX_STRICT, "--watch", "snippets", "--watch", "sphinxext",
                "docs", "build/html", env=JAX_ENV)


@nox.session
def linkcheck(session):
    """Check the site's links offline: internal references and anchors must resolve."""
    install(session)
    session.run("sphinx-build", *SPHINX_STRICT, "-b", "linkcheck",
                "-D", "linkcheck_ignore=https?://.*", "docs", "build/linkcheck", env=JAX_ENV)


@nox.session
def lint(session):
    """Lint and format-check the Python code with ruff."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")


@nox.session
def bench(session):
    """Time cold, no-op and one-snippet-edit builds against a plain myst-nb baseline."""
    install(session)
    session.run("python", "benchmarks/build_speed.py", *session.posargs, env=JAX_ENV)
