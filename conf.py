"""Sphinx configuration for Control Flow & Autodiff in JAX."""

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent
JAX_VERSION = metadata.version("jax")
sys.path.insert(0, str(ROOT))

project = "Control Flow & Autodiff in JAX"
author = "The Control Flow & Autodiff in JAX authors"
copyright = "2026, " + author

extensions = [
    "myst_nb",
    "sphinx_copybutton",
    "sphinxext.snippet_cells",
    "sphinxext.hide_cells",
    "sphinxext.claims",
    "sphinxext.parallel_read",
    "sphinxext.kernel_forks",
    "sphinxext.stable_outputs",
    "sphinxext.build_report",
    "sphinxext.offline_assets",
    "sphinxext.mathml",
    "sphinxext.notebook_links",
    "sphinxext.jax_links",
    "sphinxext.sitemap",
    "sphinxext.book_pdf",
    "sphinxext.page_speed",
    "sphinxext.unused_css",
    "sphinxext.icon_font",
    "notfound.extension",
]

# Built with `sphinx-build -c . docs build/html`: pages live in docs/, this file at the root.
root_doc = "index"
exclude_patterns = ["**/.ipynb_checkpoints", "_static", "_templates"]

# The notebook kernels inherit this environment: the same strict JAX as tests/conftest.py.
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("JAX_NUMPY_RANK_PROMOTION", "raise")

# --- snippets -> cells -------------------------------------------------------------------
snippet_cells_root = "snippets"

# --- MyST / MyST-NB -----------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist", "substitution"]
# {{ jax_version }} in a page: the release the site is built (and every cell executed) with.
myst_substitutions = {"jax_version": JAX_VERSION}
nb_execution_mode = "cache"
# Each page's kernel is a fork of one process that has imported JAX (sphinxext/kernel_forks.py):
# in one `nox -s bench` run a cold build took 0.53 x the same build with plain kernels, with the
# same HTML on every page. `-D kernel_forks=0` builds with plain kernels.
kernel_forks = True
# Figures are SVG, set once for every kernel: sharp at any pixel ratio and zoom, and their text
# scales with the page. (IPython reads the kernel's config from IPYTHONDIR.)
FIGURE_FORMAT = "svg"
# Keyed by the JAX release and the figure format as well as by each cell and snippet file:
# changing either re-executes all.
nb_execution_cache_path = str(ROOT / "build" / ".jupyter_cache"
                              / f"jax-{JAX_VERSION}-{FIGURE_FORMAT}")
nb_execution_timeout = 180
# A failing cell is logged as a warning (page, cell, traceback): with -W the build fails,
# and --keep-going still reports every other broken page in the same run.
nb_execution_raise_on_error = False
nb_execution_show_tb = True
nb_merge_streams = True
nb_output_stderr = "warn"
# An error output is one line of English (the page shows only the exception): a traceback
# lexer would colour its words ("while", "is", "and") as if they were code.
nb_render_error_lexer = "text"

# --- HTML --------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = project
html_theme_options = {
    # sphinx-book-theme 1.4.0 asks for no top navbar, but pydata-sphinx-theme 0.20.0 fills an
    # unset navbar_persistent with a search field, which brings back the whole top bar: a second
    # search button, and hidden copies of the sidebar toggles that the theme's script wires
    # instead of the visible ones, so the phone menu did nothing.
    # Upstream: executablebooks/sphinx-book-theme#986, #988; pydata/pydata-sphinx-theme#2451.
    "navbar_persistent": [],
    "logo": {"text": project},
    "show_toc_level": 2,
    # The default dark style prints comments in loud yellow; GitHub's colour-blind dark palette is
    # calmer and meets WCAG AA on the theme's code background.
    "pygments_dark_style": "github-dark-colorblind",
    "use_download_button": True,
    "extra_footer": (
        "<p>Every output on this site was computed when it was built, with JAX "
        f"{JAX_VERSION}"
        f" and jaxlib {metadata.version('jaxlib')} on CPU.</p>"
    ),
}
html_favicon = "docs/_static/favicon.svg"
html_last_updated_fmt = None
html_static_path = ["docs/_static"]
templates_path = ["docs/_templates"]  # static/webpack-macros.html: the theme without fontawesome.js
html_css_files = ["site.css"]
html_js_files = ["site.js"]
html_context = {"default_mode": "auto"}  # follow the reader's light/dark preference

# --- The book as one PDF (`nox -s pdf`, pdf/build.py) ----------------------------------------
# When it exists, the home page links to it and each build copies it next to index.html.
from pdf import PDF_PATH  # noqa: E402  (after sys.path gains the project root)

book_pdf_path = str(PDF_PATH)

# --- Publishing: where the site lives (sitemap, 404 page, Colab links) ----------------------
PLACEHOLDER_REPOSITORY = "example-org/control-flow-autodiff-jax"
GITHUB_URL = re.compile(r"github\.com[:/](?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")


def github_repository() -> str:
    """owner/name of the GitHub repository: from GitHub Actions, from Read the Docs' clone
    URL, from this checkout's `origin`; the placeholder when none of them names one."""
    if os.environ.get("GITHUB_REPOSITORY"):
        return os.environ["GITHUB_REPOSITORY"]
    candidates = [os.environ.get("READTHEDOCS_GIT_CLONE_URL", "")]
    try:
        candidates.append(subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT,
                                         capture_output=True, text=True, timeout=10).stdout)
    except (OSError, subprocess.SubprocessError):
        pass
    for url in candidates:
        if match := GITHUB_URL.search(url.strip()):
            return match["repo"]
    return PLACEHOLDER_REPOSITORY


# Read the Docs sets READTHEDOCS_CANONICAL_URL; otherwise the GitHub Pages address of the
# repository, which also publishes the notebooks that the Colab links open (gh-pages branch).
GITHUB_REPOSITORY = github_repository()
_owner, _name = GITHUB_REPOSITORY.split("/")
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", f"https://{_owner}.github.io/{_name}/")
notfound_urls_prefix = urlparse(html_baseurl).path
# The 404 page offers the site's search and its chapters (absolute links: any depth works).
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>\n"
        "<p>No page lives at this address. Search the book, or start from a chapter.</p>\n"
        f'<form class="notfound-search" action="{notfound_urls_prefix}search.html" method="get">'
        '<label for="notfound-q">Search the book</label> '
        '<input id="notfound-q" type="search" name="q" placeholder="scan, checkpoint, NaN…"> '
        '<button type="submit" class="btn btn-primary">Search</button></form>\n<ul>'
        + "".join(f'<li><a href="{notfound_urls_prefix}{path}">{title}</a></li>'
                  for path, title in (
            ("index.html", "Home"),
            ("transformations/index.html", "Transformations refresher"),
            ("control_flow/index.html", "Control flow under jit"),
            ("autodiff/index.html", "Autodiff through control flow"),
            ("limits/index.html", "Limits of grad"),
            ("reference/index.html", "Reference")))
        + "</ul>\n"
    ),
}
notebook_links_colab_repo = GITHUB_REPOSITORY
notebook_links_requirements = [f"jax=={JAX_VERSION}", f"jaxlib=={metadata.version('jaxlib')}"]


# --- Page titles and descriptions ----------------------------------------------------------
DESCRIPTION_LENGTH = 160
SITE_DESCRIPTION = ("What happens when a branch or a loop meets jax.jit, jax.grad or jax.vmap: "
                    "every output on these pages is computed by code run when the site was built.")


def page_description(doctree) -> str:
    """The page's first paragraph, as plain text cut at a word: its meta description."""
    from docutils import nodes

    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if len(text) > 40:
            if len(text) > DESCRIPTION_LENGTH:
                text = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + "…"
            return text
    return ""


def page_head(app, pagename, templatename, context, doctree):
    """The home page's title is the site's name once; every page gets a meta description."""
    from html import escape

    if pagename == app.config.root_doc:
        context["docstitle"] = ""  # the title suffix; the sidebar shows the logo text instead
    # Generated pages (search, index, 404) have no first paragraph: they get the site's.
    description = (page_description(doctree) if doctree is not None else "") or SITE_DESCRIPTION
    if description:
        context["metatags"] = (context.get("metatags", "")
                               + f'\n<meta name="description" content="{escape(description)}" />')


def unsearchable_build_report(app, doctree, docname):
    """The build report's table names every page: indexed, it matched nearly every query."""
    from docutils import nodes

    for table in doctree.findall(nodes.table):
        if "build-report" in table["classes"]:
            table["classes"].append("no-search")


def kernel_figure_format(app):
    """``builder-inited``, after build_report set IPYTHONDIR: every kernel draws SVG figures,
    the same bytes on every build."""
    profile = Path(os.environ.get("IPYTHONDIR", ROOT / "build" / "ipython")) / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    # The same figure gives the same file on every build: no date in the SVG's metadata, and
    # element ids hashed with a fixed salt instead of a random one.
    (profile / "ipython_kernel_config.py").write_text(
        f"c.InlineBackend.figure_formats = {{{FIGURE_FORMAT!r}}}\n"
        "c.InlineBackend.rc = {'svg.hashsalt': 'control-flow-autodiff-jax'}\n"
        "c.InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight',"
        " 'metadata': {'Date': None}}\n", encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(profile.parent)


def keep_index_entries_of_unchanged_pages(app):
    """``builder-inited``: an incremental build reloads the search index without its index
    entries (Sphinx 9's ``IndexBuilder.load`` restores words and titles only), so the
    ``{index}`` entries that rank each construct's page first were lost from every page that
    was not rewritten. Put them back from the previous ``searchindex.js``."""
    builder = app.builder
    if not hasattr(builder, "load_indexer"):
        return
    load_indexer = builder.load_indexer

    def load_with_entries(docnames):
        load_indexer(docnames)
        from sphinx.search import js_index

        try:
            frozen = js_index.loads(
                (builder.outdir / builder.searchindex_filename).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for entry, places in frozen.get("indexentries", {}).items():
            for file_index, target, main in places:
                docname = frozen["docnames"][file_index]
                kept = (entry, target, "main" if main else "")
                entries = builder.indexer._index_entries.setdefault(docname, [])
                if docname not in docnames and kept not in entries:
                    entries.append(kept)

    builder.load_indexer = load_with_entries


def setup(app):
    app.connect("builder-inited", kernel_figure_format, priority=600)
    app.connect("builder-inited", keep_index_entries_of_unchanged_pages)
    app.connect("html-page-context", page_head)
    app.connect("doctree-resolved", unsearchable_build_report, priority=900)
