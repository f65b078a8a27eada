"""An "About this build" report: versions, build date, and each page's run time and peak memory.

A page asks for the report with::

    ```{build-report}
    ```

and gets, at write time, the build's package versions and date, the device its pages ran on, and
a table with a link to every executed page (in reading order, the toctrees'), its execution
time (from myst-nb), the peak resident memory of its kernel and the number of claims its prose
checked against its run (``sphinxext/claims.py``), with totals.

Peak memory comes from the kernel itself, without code on the page: the extension points
``IPYTHONDIR`` at a profile whose startup file registers a ``post_run_cell`` hook. After every
cell the hook writes the kernel's ``ru_maxrss`` (and the JAX version and device, once JAX is
running) to the file named by ``BUILD_REPORT_KERNEL_FILE``, which ``source-read`` sets for the
page about to execute. Pages served from the execution cache start no kernel: the figures of
each run are kept in ``build_report_store`` and reused whenever myst-nb serves that run.

Records live in ``env.build_report`` (merged from parallel readers); the table is filled in by a
post-transform, and the report page is rewritten on every build.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import time
from datetime import UTC, datetime
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

KERNEL_FILE_VAR = "BUILD_REPORT_KERNEL_FILE"
KERNEL_STARTUP = '''\
# Written by sphinxext/build_report.py: report this kernel's peak memory to the Sphinx build.
def _build_report_hook():
    import json, os, resource, sys

    path = os.environ.get("BUILD_REPORT_KERNEL_FILE")
    if not path:
        return
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in KiB on Linux

    def record(result):
        report = {"peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale}
        jax = sys.modules.get("jax")
        try:  # never start JAX's backends ourselves: only describe ones the page started
            from jax._src import xla_bridge
            if jax is not None and xla_bridge.backends_are_initialized():
                first, count = jax.devices()[0], jax.device_count()
                report["jax"] = jax.__version__
                report["device"] = (f"{count} {first.platform.upper()} device"
                                    f"{'s' if count > 1 else ''} ({first.device_kind})")
        except Exception:
            pass
        with open(path, "w") as stream:
            json.dump(report, stream)

    get_ipython().events.register("post_run_cell", record)


_build_report_hook()
del _build_report_hook
'''


PACKAGES = ("jax", "jaxlib", "myst-nb", "sphinx")


def versions(packages=PACKAGES) -> dict[str, str]:
    """Python's version and each package's installed version (also handy for a footer)."""
    return {"Python": platform.python_version(),
            **{name: importlib.metadata.version(name) for name in packages}}


def build_date() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch) if epoch else time.time(), UTC)


def _file_name(docname: str) -> str:
    return docname.replace("/", "--") + ".json"


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _work_dir(app) -> Path:
    return Path(app.doctreedir) / "build_report"


def _store_dir(app) -> Path:
    if app.config.build_report_store:
        return Path(app.config.build_report_store)
    cache = app.config.nb_execution_cache_path
    return Path(cache) / "build_report" if cache else _work_dir(app) / "store"


def install_kernel_hook(app) -> None:
    """``builder-inited``: give every kernel this build starts the reporting startup file."""
    startup = _work_dir(app) / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-build-report.py").write_text(KERNEL_STARTUP, encoding="utf-8")
    _store_dir(app).mkdir(parents=True, exist_ok=True)
    os.environ["IPYTHONDIR"] = str(startup.parents[1])
    if not hasattr(app.env, "build_report"):  # {docname: record}, {pages with the directive}
        app.env.build_report, app.env.build_report_pages = {}, set()


def point_kernel_at(app, docname: str, source: list[str]) -> None:
    """``source-read``: the next kernel started in this process executes ``docname``."""
    path = _work_dir(app) / _file_name(docname)
    path.unlink(missing_ok=True)
    os.environ[KERNEL_FILE_VAR] = str(path)


def collect(app, doctree) -> None:
    """``doctree-read``: join myst-nb's execution data with the kernel's (or stored) figures."""
    env, docname = app.env, app.env.docname
    os.environ.pop(KERNEL_FILE_VAR, None)
    exec_data = getattr(env, "nb_metadata", {}).get(docname, {}).get("exec_data")
    if not exec_data:
        return
    # Figures of every run of the page, keyed by myst-nb's run time, which names the run: after
    # an edit is reverted, the cache serves an older run again, and its figures with it.
    stored = _store_dir(app) / _file_name(docname)
    runs, run = _read_json(stored), str(exec_data["runtime"])
    kernel = _read_json(_work_dir(app) / _file_name(docname))
    if kernel:  # the page ran in this build: keep its figures for later cache hits
        runs[run] = kernel
        stored.write_text(json.dumps(runs), encoding="utf-8")
    else:
        kernel = runs.get(run, {})
    env.build_report[docname] = {
        "runtime": exec_data["runtime"], "mtime": exec_data["mtime"],
        "peak_rss_bytes": kernel.get("peak_rss_bytes"),
        "jax": kernel.get("jax"), "device": kernel.get("device"),
    }


def purge(app, env, docname: str) -> None:
    env.build_report.pop(docname, None)
    env.build_report_pages.discard(docname)


def merge(app, env, docnames, other) -> None:
    env.build_report.update({d: r for d, r in other.build_report.items() if d in docnames})
    env.build_report_pages |= other.build_report_pages & set(docnames)


def check_and_rewrite(app, env) -> list[str]:
    """``env-updated``: flag pages run with another JAX; always rewrite the report pages."""
    installed = importlib.metadata.version("jax")
    for docname, record in sorted(env.build_report.items()):
        if record["jax"] and record["jax"] != installed:
            logger.warning(
                f"outputs were computed with JAX {record['jax']}, but this build has JAX "
                f"{installed}: clear the execution cache and rebuild",
                location=docname, type="build_report", subtype="stale")
    return sorted(env.build_report_pages)


class build_report_node(nodes.General, nodes.Element):
    """Placeholder, filled in once every page has been read."""


class BuildReport(SphinxDirective):
    def run(self):
        self.env.build_report_pages.add(self.env.docname)
        return [build_report_node()]


def _mib(value) -> str:
    return "–" if value is None else f"{value / 2**20:,.0f}"


def _seconds(value) -> str:
    return "–" if value is None else f"{value:.1f}"


def _table(headers, rows) -> nodes.table:
    table = nodes.table(classes=["colwidths-auto", "build-report"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in headers]
    for section, lines in ((nodes.thead(), [headers]), (nodes.tbody(), rows)):
        group += section
        for line in lines:
            section += nodes.row("", *(nodes.entry("", cell if isinstance(cell, nodes.Node)
                                                   else nodes.paragraph(text=cell))
                                       for cell in line))
    return table


def _page_link(env, fromdoc: str, docname: str) -> nodes.paragraph:
    title = env.titles[docname].astext() if docname in env.titles else docname
    ref = pending_xref("", nodes.inline(text=title), refdoc=fromdoc, refdomain="std",
                       reftype="doc", reftarget="/" + docname, refexplicit=True)
    return nodes.paragraph("", "", ref)


def reading_order(env, docnames) -> list[str]:
    """``docnames`` in the order a reader meets them: the site's toctrees, depth first from the
    home page (the sidebar's and the previous/next links' order); pages in no toctree last,
    by name."""
    order, seen = [], set()

    def visit(docname):
        if docname in seen:
            return
        seen.add(docname)
        order.append(docname)
        for child in env.toctree_includes.get(docname, ()):
            visit(child)

    visit(env.config.root_doc)
    wanted = set(docnames)
    return [d for d in order if d in wanted] + sorted(wanted - seen)


class FillBuildReport(SphinxPostTransform):
    default_priority = 8  # before references (10) resolve the page links

    def run(self, **kwargs) -> None:
        for placeholder in self.document.findall(build_report_node):
            placeholder.replace_self(self.report())

    def report(self) -> list[nodes.Node]:
        env, records = self.env, self.env.build_report
        devices = sorted({r["device"] for r in records.values() if r["device"]})
        facts = {"Built": build_date().strftime("%Y-%m-%d %H:%M UTC"),
                 **versions(self.config.build_report_packages),
                 "Device": ", ".join(devices) or "not recorded"}
        fields = nodes.field_list(classes=["build-report-facts"])
        for name, value in facts.items():
            fields += nodes.field("", nodes.field_name(text=name),
                                  nodes.field_body("", nodes.paragraph(text=value)))
        claims = {doc: len(found) for doc, found in getattr(env, "claims", {}).items()}
        rows = [[_page_link(env, env.docname, docname),
                 datetime.fromtimestamp(r["mtime"], UTC).strftime("%Y-%m-%d %H:%M"),
                 _seconds(r["runtime"]), _mib(r["peak_rss_bytes"]), str(claims.get(docname, 0))]
                for docname, r in ((d, records[d]) for d in reading_order(env, records))]
        runtimes = [r["runtime"] for r in records.values() if r["runtime"] is not None]
        peaks = [r["peak_rss_bytes"] for r in records.values() if r["peak_rss_bytes"]]
        rows.append([f"Total: {len(records)} page{'s' if len(records) != 1 else ''}", "",
                     _seconds(sum(runtimes)), f"max {_mib(max(peaks, default=None))}",
                     str(sum(claims.get(doc, 0) for doc in records))])
        headers = ["Page", "Executed (UTC)", "Run time (s)", "Peak memory (MiB)",
                   "Checked claims"]
        return [fields, _table(headers, rows)]


def setup(app):
    app.add_config_value("build_report_packages", list(PACKAGES),
                         "html", [list, tuple])
    app.add_config_value("build_report_store", "", "env", [str])
    app.add_node(build_report_node)
    app.add_directive("build-report", BuildReport)
    app.add_post_transform(FillBuildReport)
    app.connect("builder-inited", install_kernel_hook)
    app.connect("source-read", point_kernel_at)
    app.connect("doctree-read", collect)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-updated", check_and_rewrite)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
