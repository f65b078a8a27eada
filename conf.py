"""Sphinx configuration for Control Flow & Autodiff in JAX."""

import os
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

project = "Control Flow & Autodiff in JAX"
author = "The Control Flow & Autodiff in JAX authors"
copyright = "2026, " + author

extensions = [
    "myst_nb",
    "sphinx_copybutton",
    "sphinxext.snippet_cells",
]

# Built with `sphinx-build -c . docs build/html`: pages live in docs/, this file at the root.
root_doc = "index"
exclude_patterns = ["**/.ipynb_checkpoints"]

# The notebook kernels inherit this environment: the same strict JAX as tests/conftest.py.
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("JAX_NUMPY_RANK_PROMOTION", "raise")

# --- snippets -> cells -------------------------------------------------------------------
snippet_cells_root = "snippets"

# --- MyST / MyST-NB -----------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]
nb_execution_mode = "cache"
nb_execution_cache_path = str(ROOT / "build" / ".jupyter_cache")
nb_execution_timeout = 180
# A failing cell is logged as a warning (page, cell, traceback): with -W the build fails,
# and --keep-going still reports every other broken page in the same run.
nb_execution_raise_on_error = False
nb_execution_show_tb = True
nb_merge_streams = True
nb_output_stderr = "warn"

# --- HTML --------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = project
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": True,
    "extra_footer": (
        "<p>Every output on this site was computed when it was built, with JAX "
        f"{metadata.version('jax')}"
        f" and jaxlib {metadata.version('jaxlib')} on CPU.</p>"
    ),
}
html_last_updated_fmt = None
