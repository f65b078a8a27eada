"""sphinxext.kernel_forks: every page's kernel is a fresh fork of one preloaded process."""

import json
import os
import re
import subprocess
import sys
from html import unescape

import IPython
import pytest

from sphinxext import forked_kernel
from tests.sphinxext.sphinx_site import build_tree

HEADER = "---\nfile_format: mystnb\nkernelspec:\n  name: python3\n---\n"
# What the kernel can tell about itself before the page imports anything.
PROBE = """\
import json, os, sys
parent = open(f"/proc/{os.getppid()}/cmdline", "rb").read().split(b"\\0")
print("PROBE", json.dumps({
    "pid": os.getpid(), "forked": b"serve" in parent, "cwd": os.getcwd(),
    "jax_loaded": "jax" in sys.modules, "leak": "leak" in globals(),
    "report_file": os.environ.get("BUILD_REPORT_KERNEL_FILE", ""),
    "socket": "FORKED_KERNEL_SOCKET" in os.environ, "argv0": os.path.basename(sys.argv[0]),
    "path0": sys.path[0]}))
"""
PAGES = {  # make_site adds an index.md listing the pages it writes
    "one.md": HEADER + "# One\n\n```{code-cell} ipython3\n" + PROBE + "```\n\n"
              "```{code-cell} ipython3\nleak = 1\nimport jax.numpy as jnp\n"
              "print(int(jnp.arange(5).sum()))\n```\n\n"
              "```{code-cell} ipython3\nimport sys\n"
              "from jax._src import logging_config, pretty_printer\n"
              "print('AS-IN-A-FRESH-KERNEL', pretty_printer.CAN_USE_COLOR,"
              " logging_config._jax_logger_handler.stream is sys.stderr)\n```\n",
    "sub/two.md": HEADER + "# Two\n\n```{code-cell} ipython3\n" + PROBE + "```\n\n"
                  "```{code-cell} ipython3\nimport matplotlib.pyplot as plt\n"
                  "plt.plot([0, 1], [1, 0])\nplt.show()\n```\n",
}
CONF = """
project = "fixture"
extensions = ["myst_nb", "sphinxext.build_report", "sphinxext.kernel_forks"]
nb_execution_mode = "cache"
nb_execution_cache_path = "build/.jupyter_cache"
nb_execution_raise_on_error = True


def setup(app):
    from sphinxext.snippet_cells import create_execution_cache
    app.connect("builder-inited", create_execution_cache)
"""


def make_site(path, pages=("one", "sub/two")):
    (path / "docs" / "sub").mkdir(parents=True)
    for name, text in PAGES.items():
        if name[:-3] in pages:
            (path / "docs" / name).write_text(text)
    toctree = "\n".join(pages)
    (path / "docs" / "index.md").write_text(f"# Home\n\n```{{toctree}}\n{toctree}\n```\n")
    (path / "conf.py").write_text(CONF)
    return path


def probes(site, pages=("one", "sub/two")):
    found = {}
    for page in pages:
        markup = unescape((site / "build" / "html" / f"{page}.html").read_text())
        found[page] = json.loads(re.search(r"PROBE (\{.*?\})\n", markup)[1])
    return found


def build(site, *options):
    result = build_tree(site, *options)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def forked(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("forked"))
    # However loaded the machine, the build waits for the server: both pages are forked.
    result = build(site, "-j", "2", "-D", "kernel_forks_ready_timeout=900")
    assert "kernel fork server started (at least 2 pages to execute)" in result.stdout
    return site


def test_each_page_gets_its_own_forked_kernel(forked):
    one, two = probes(forked).values()
    assert one["forked"] and two["forked"]
    assert one["pid"] != two["pid"]
    assert one["jax_loaded"] and two["jax_loaded"]  # imported once, by the server


def test_a_forked_kernel_is_set_up_as_a_fresh_one(forked):
    one, two = probes(forked).values()
    assert one["cwd"] == str(forked / "docs") and two["cwd"] == str(forked / "docs" / "sub")
    assert not one["leak"] and not two["leak"]
    assert not one["socket"] and not two["socket"]
    assert one["argv0"] == "ipykernel_launcher.py"
    # The per-page variable build_report sets reached each page's own kernel.
    assert one["report_file"].endswith("one.json") and two["report_file"].endswith("sub--two.json")


def test_what_jax_set_up_at_import_is_as_in_a_fresh_kernel(forked):
    """JAX, imported by the server, colours jaxprs in a notebook and logs to the cell's stderr,
    as it does when a page's first cell imports it."""
    one = (forked / "build" / "html" / "one.html").read_text()
    assert "AS-IN-A-FRESH-KERNEL True True" in one


def test_outputs_and_inline_figures(forked):
    one = (forked / "build" / "html" / "one.html").read_text()
    two = (forked / "build" / "html" / "sub" / "two.html").read_text()
    assert "<pre><span></span>10\n</pre>" in one
    assert re.search(r'<img [^>]*src="\.\./_images/[0-9a-f]+\.png"', two)


def test_the_kernelspec_is_not_published(forked):
    """The stub's kernelspec names this machine's Python and paths: it stays out of the output
    folder, which is what gets published (its `.doctrees` included)."""
    assert not list((forked / "build").rglob("kernel.json"))
    assert probes(forked)["one"]["forked"]  # and the stub it names did start the kernel


def test_no_op_build_starts_no_server(forked):
    result = build(forked, "-j", "2")
    assert "reading sources" not in result.stdout


def test_pages_the_cache_serves_start_no_server(forked):
    """Every page read again (-E), every one served from the execution cache: no server."""
    result = build(forked, "-j", "2", "-E")
    assert "reading sources" in result.stdout
    assert "Executing notebook" not in result.stdout + result.stderr
    assert "kernel fork server" not in result.stdout


def test_other_environment_gets_a_plain_kernel(tmp_path):
    """A request whose environment differs from the server's in a shared variable (here: the
    per-page report file, once it is not declared per-kernel) starts as a plain kernel."""
    site = make_site(tmp_path, pages=("one",))
    build(site, "-D", "kernel_forks_per_kernel_vars=", "-D", "kernel_forks_min_pages=1",
          "-D", "kernel_forks_ready_timeout=900")
    one = probes(site, pages=("one",))["one"]
    assert not one["forked"]
    assert one["cwd"] == str(site / "docs") and not one["leak"]
    assert "<pre><span></span>10\n</pre>" in (site / "build" / "html" / "one.html").read_text()


def test_off_builds_with_plain_kernels(tmp_path, forked):
    site = make_site(tmp_path, pages=("one",))
    build(site, "-D", "kernel_forks=0")
    one = probes(site, pages=("one",))["one"]
    assert not one["forked"] and not one["jax_loaded"]
    assert one["path0"] == probes(forked)["one"]["path0"]  # the same module search path
    # The handler writes to the cell's stderr. (Colour: here JAX is first imported by
    # build_report's hook after the probe cell, outside the shell, so jaxprs are plain.)
    assert "AS-IN-A-FRESH-KERNEL False True" in (site / "build" / "html" / "one.html").read_text()


@pytest.mark.parametrize("socket", ["", "/nonexistent/kernel-forks/socket"])
def test_without_a_server_the_stub_becomes_a_plain_kernel(socket):
    """No socket set, or nothing listening there: the stub execs `python -m ipykernel_launcher`
    with its own arguments (`--version` makes that kernel print IPython's version and stop)."""
    env = {**os.environ, forked_kernel.SOCKET_VAR: socket}
    run = subprocess.run([sys.executable, forked_kernel.__file__, "--version"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == IPython.__version__
