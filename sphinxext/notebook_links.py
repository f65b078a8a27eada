"""Publish each executed page as a notebook a reader can download or open in Colab.

The ``.md`` sources hold no code (their cells name snippet regions), so the theme's own
download and launch buttons would hand a reader empty cells. MyST-NB writes the executed
notebook of every page to ``<outdir>/../jupyter_execute/``; for each page with code this
extension

* writes a reader's copy to ``<outdir>/_notebooks/<docname>.ipynb``: the snippet code and
  the real outputs of the build (from the execution cache when the page came from it), with
  glue-only cells dropped (they need ``myst_nb``) and their values pasted into the prose,
  MyST roles and directive fences turned into plain Markdown, tracebacks cut to the exception
  line, like on the page, and a first cell that installs the packages the pages were executed
  with (``notebook_links_requirements``) where another version is installed (e.g. Colab's);
* adds that file to the page's download menu in place of the ``.md`` source (whose cells only
  name snippet regions), and an "Open in Colab" launch button pointing at the same file on
  the branch that publishes the site
  (``notebook_links_colab_repo = "owner/name"``, ``notebook_links_colab_branch``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
from myst_nb.core.variables import format_plain_text

from sphinxext.snippet_cells import is_glue_only

NOTEBOOK_DIR = "_notebooks"
COLAB = "https://colab.research.google.com/github"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# {role}`text`, the MyST role syntax; glue roles are handled first.
ROLE = re.compile(r"\{([a-zA-Z][\w:.-]*)\}`([^`]+)`")
# A directive fence: ```{name} argument ... ``` (or ::: fences, from colon_fence).
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<arg>[^\n]*)\n"
                   r"(?P<body>.*?)^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
ADMONITIONS = ("note", "tip", "hint", "important", "warning", "caution", "attention", "danger")
SETUP_TAG = "reader-setup"
DROPPED_NOTEBOOK_METADATA = ("source_map", "file_format", "mystnb")
DROPPED_CELL_METADATA = ("snippet_sha256",)


def glue_text(data: dict, key_and_format: str) -> str:
    """The text ``{glue:text}`key:fmt``` shows on the page, from the glue data."""
    key, _, fmt = key_and_format.partition(":")
    plain = data[key]["data"]["text/plain"]
    return format_plain_text(plain, fmt) if fmt else plain


def plain_markdown(text: str, glue: dict) -> str:
    """MyST roles to plain Markdown: glue values pasted, references and code as text."""

    def replace(match: re.Match) -> str:
        role, content = match[1], match[2]
        if role in ("glue:text", "glue", "glue:any", "glue:md"):
            return glue_text(glue, content)
        if role == "math":
            return f"${content}$"
        label = re.sub(r"\s*<[^>]*>$", "", content).lstrip("~!") or content
        return label if role in ("doc", "ref", "numref", "term", "claim") else f"`{label}`"

    return ROLE.sub(replace, plain_fences(text))


def plain_fences(text: str) -> str:
    """Directive fences to Markdown: a container keeps its text, an admonition becomes a quote."""

    def replace(match: re.Match) -> str:
        name, body = match["name"], plain_fences(match["body"]).strip("\n")
        if name in ADMONITIONS:
            title = match["arg"].strip() or name.capitalize()
            return "\n".join([f"> **{title}**", ">"] + [f"> {line}".rstrip()
                                                       for line in body.splitlines()])
        return body

    return FENCE.sub(replace, text)


def setup_cell(requirements: list[str]) -> nbformat.NotebookNode:
    """A first cell that installs the pinned packages where other versions are installed."""
    pins = dict(requirement.split("==") for requirement in requirements)
    source = "\n".join([
        "# This notebook was executed with " + ", ".join(f"{n} {v}" for n, v in pins.items())
        + ": install them where other versions are installed (e.g. on Colab).",
        "# Run it first; if it installs anything after jax was imported, restart the kernel.",
        "import subprocess",
        "import sys",
        "from importlib import metadata",
        "",
        f"PINNED = {pins!r}",
        "",
        "",
        "def installed(name):",
        "    try:",
        "        return metadata.version(name)",
        "    except metadata.PackageNotFoundError:",
        "        return None",
        "",
        "",
        "missing = [f\"{name}=={version}\" for name, version in PINNED.items()",
        "           if installed(name) != version]",
        "if missing:",
        "    subprocess.run([sys.executable, \"-m\", \"pip\", \"install\", \"--quiet\", *missing],",
        "                   check=True)",
        "print(\"using\", \", \".join(f\"{name} {installed(name)}\" for name in PINNED))",
    ])
    return nbformat.v4.new_code_cell(source, metadata={"tags": [SETUP_TAG]})


def short_error(output: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """An error output reduced to ``Name: message``, as the page shows it."""
    output["traceback"] = [ANSI.sub("", f"{output['ename']}: {output['evalue']}")]
    return output


def merge_streams(outputs: list) -> list:
    """Consecutive outputs of one stream joined into one, as the page shows them."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream"
                and previous.get("name") == output.get("name")):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


def reader_notebook(executed: nbformat.NotebookNode, glue: dict,
                    requirements: list[str] = ()) -> nbformat.NotebookNode:
    """The notebook readers get: runnable anywhere, with the build's outputs."""
    notebook = nbformat.from_dict(json.loads(json.dumps(executed)))
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "code" and is_glue_only(cell.source):
            continue
        for key in DROPPED_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, glue)
        if "outputs" in cell:
            cell.outputs = merge_streams(cell.outputs)
        for output in cell.get("outputs", ()):
            if output.get("output_type") == "error":
                short_error(output)
        cells.append(cell)
    if requirements:
        first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
        cells.insert(first_code, setup_cell(list(requirements)))
    notebook.cells = cells
    for key in DROPPED_NOTEBOOK_METADATA:
        notebook.metadata.pop(key, None)
    return notebook


def has_code(notebook: nbformat.NotebookNode) -> bool:
    return any(c.cell_type == "code" and not is_glue_only(c.source) for c in notebook.cells)


def executed_path(app, docname: str) -> Path:
    return Path(app.outdir).parent / "jupyter_execute" / f"{docname}.ipynb"


def with_cached_outputs(app, notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with its outputs from the execution cache, when the build uses one.

    MyST-NB 1.4 writes ``jupyter_execute/<page>.ipynb`` *without* outputs when the page's
    outputs came from the jupyter-cache (it merges them into a copy); the cache has them.
    """
    config = app.env.mystnb_config
    if config.execution_mode != "cache" or not config.execution_cache_path:
        return notebook
    from jupyter_cache import get_cache

    try:
        _, merged = get_cache(config.execution_cache_path).merge_match_into_notebook(notebook)
    except KeyError:  # not executed through the cache (e.g. excluded from execution)
        return notebook
    return merged


def publish(app, docname: str) -> bool:
    """Write the reader's notebook of ``docname``; False when the page has no code."""
    source = executed_path(app, docname)
    if not source.is_file():
        return False
    executed = with_cached_outputs(app, nbformat.read(source, as_version=4))
    if not has_code(executed):
        return False
    glue_file = source.with_name(source.name.removesuffix(".ipynb") + ".glue.json")
    glue = json.loads(glue_file.read_text(encoding="utf-8")) if glue_file.is_file() else {}
    target = Path(app.outdir) / NOTEBOOK_DIR / f"{docname}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    requirements = app.config.notebook_links_requirements
    nbformat.write(reader_notebook(executed, glue, requirements), target)
    return True


def colab_url(app, docname: str) -> str | None:
    repo = app.config.notebook_links_colab_repo
    if not repo:
        return None
    branch = app.config.notebook_links_colab_branch
    return f"{COLAB}/{repo}/blob/{branch}/{NOTEBOOK_DIR}/{docname}.ipynb"


def add_buttons(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``, after the theme's own buttons: link the reader's notebook."""
    if doctree is None or app.builder.format != "html" or not publish(app, pagename):
        return
    buttons = context.get("header_buttons")
    if buttons is None:
        return
    download = {
        "type": "link",
        "url": context["pathto"](f"{NOTEBOOK_DIR}/{pagename}.ipynb", 1),
        "text": ".ipynb",
        "icon": "fas fa-code",
        "tooltip": "Download the executed notebook",
        "label": "download-executed-notebook-button",
    }
    group = next((b for b in buttons if b.get("label") == "download-buttons"), None)
    if group is None:
        buttons.append({"type": "group", "tooltip": "Download this page",
                        "icon": "fas fa-download", "buttons": [download],
                        "label": "download-buttons"})
    else:
        group["buttons"] = [download] + [
            b for b in group["buttons"]
            if b.get("label") not in ("download-notebook-button", "download-source-button")]
    url = colab_url(app, pagename)
    if url:
        buttons.append({
            "type": "group",
            "tooltip": "Run this page",
            "icon": "fas fa-rocket",
            "label": "launch-buttons",
            "buttons": [{
                "type": "link",
                "url": url,
                "text": "Colab",
                "icon": "_static/images/logo_colab.png",
                "tooltip": "Open the executed notebook in Colab",
                "label": "colab-button",
            }],
        })


def setup(app):
    app.add_config_value("notebook_links_colab_repo", None, "html", [str, type(None)])
    app.add_config_value("notebook_links_colab_branch", "gh-pages", "html", [str])
    # Exact pins ("jax==0.10.2") the reader's notebook installs in its first cell.
    app.add_config_value("notebook_links_requirements", [], "html", [list, tuple])
    # The theme adds its header buttons at priority 501.
    app.connect("html-page-context", add_buttons, priority=600)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
