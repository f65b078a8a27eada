"""The whole book as one PDF, printed by Chromium from the built, executed site (`nox -s pdf`).

`pdf/build.py` does the work; this module only names where the PDF goes, so that `conf.py` (the
home page's download link, `sphinxext/book_pdf.py`) and the tests agree without importing it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF_NAME = "control-flow-autodiff-jax.pdf"
# The PDF and the one HTML document it is printed from.
PDF_DIR = ROOT / "build" / "pdf"
PDF_PATH = PDF_DIR / PDF_NAME
