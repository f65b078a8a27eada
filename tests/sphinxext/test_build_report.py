"""sphinxext.build_report: per-page run time and kernel peak memory on a tiny site."""

import re
import sys
from datetime import UTC, datetime
from html import unescape
from types import SimpleNamespace

import pytest

from sphinxext.build_report import build_date, check_and_rewrite, reading_order, versions
from tests.sphinxext.sphinx_site import build_tree

HEADER = "---\nfile_format: mystnb\nkernelspec:\n  name: python3\n---\n"
PAGES = {
    # Reading order (light, heavy) is not file order (heavy, light): the report follows it.
    "index.md": "# Home\n\n```{toctree}\nlight\nheavy\nabout\n```\n",
    # Both kernels start JAX; filling the bytes object touches every memory page, so the heavy
    # kernel's resident set really grows by 300 MiB.
    "heavy.md": HEADER + "# Heavy page\n\n```{code-cell} ipython3\nimport jax.numpy as jnp\n"
                "block = b'x' * (300 * 2**20)\nprint(len(block) // 2**20, jnp.ones(2).sum())"
                "\n```\n",
    "light.md": HEADER + "# Light page\n\n```{code-cell} ipython3\nimport jax.numpy as jnp\n"
                "print(int(jnp.arange(4).sum()) * 7)\n```\n",
    "about.md": "# About\n\n```{build-report}\n```\n",
}
CONF = """
project = "fixture"
extensions = ["myst_nb", "sphinxext.build_report"]
nb_execution_mode = "cache"
nb_execution_cache_path = "build/.jupyter_cache"
nb_execution_raise_on_error = True
build_report_packages = ["myst-nb", "sphinx"]


def setup(app):
    # As on the real site (snippet_cells does it there): create jupyter-cache's database before
    # parallel readers race to create its tables.
    from sphinxext.snippet_cells import create_execution_cache
    app.connect("builder-inited", create_execution_cache)
"""
MIB = 2**20


def make_site(path):
    (path / "docs").mkdir()
    for name, text in PAGES.items():
        (path / "docs" / name).write_text(text)
    (path / "conf.py").write_text(CONF)
    return path


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path)


@pytest.fixture(scope="module")
def parallel_site(tmp_path_factory):
    """Built once by two parallel readers, with a fixed build date."""
    site = make_site(tmp_path_factory.mktemp("parallel"))
    build(site, "-j", "2", SOURCE_DATE_EPOCH="1700000000")
    return site


def build(site, *extra, **env):
    result = build_tree(site, *extra, **env)
    assert result.returncode == 0, result.stderr
    return result


def report(site):
    """The report table as {page title: [executed, run time, peak MiB]}, plus the facts text."""
    markup = (site / "build" / "html" / "about.html").read_text()
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", markup, re.S)[1:]:
        cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip()
                 for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows, markup


def peak(rows, title):
    return float(rows[title][2].replace(",", ""))


def test_table_has_every_executed_page_with_time_and_memory(parallel_site):
    rows, markup = report(parallel_site)
    assert set(rows) == {"Heavy page", "Light page", "Total: 2 pages"}
    # The heavy kernel held a 300 MiB object the light one never had.
    assert peak(rows, "Heavy page") >= 300
    assert peak(rows, "Heavy page") - peak(rows, "Light page") > 200
    assert float(rows["Heavy page"][1]) > 0
    assert rows["Total: 2 pages"][2] == f"max {rows['Heavy page'][2]}"
    assert 'href="heavy.html"' in markup and 'href="light.html"' in markup
    for fact in ("Built", "Python", "myst-nb", "sphinx", "Device"):
        assert f">{fact}<" in markup
    # Recorded by the light page's kernel, which ran JAX.
    assert re.search(r"<p>\d+ CPU devices? \(cpu\)</p>", markup)


def test_table_lists_pages_in_reading_order(parallel_site):
    rows, _ = report(parallel_site)
    assert list(rows) == ["Light page", "Heavy page", "Total: 2 pages"]


def test_reading_order_is_the_toctrees_depth_first_then_orphans_by_name():
    env = SimpleNamespace(config=SimpleNamespace(root_doc="index"), toctree_includes={
        "index": ["b/index", "a/index"], "b/index": ["b/z", "b/y"], "a/index": ["a/x"]})
    docs = ["a/x", "b/y", "b/z", "orphan2", "orphan1", "a/index"]
    assert reading_order(env, docs) == ["b/z", "b/y", "a/index", "a/x", "orphan1", "orphan2"]


def test_measuring_adds_nothing_to_the_pages(parallel_site):
    page = (parallel_site / "build" / "html" / "light.html").read_text()
    assert "getrusage" not in page and "build_report" not in page
    assert len(re.findall(r'class="cell_output', page)) == 1


def test_cached_pages_keep_their_measured_memory(site):
    build(site)
    first, _ = report(site)
    assert peak(first, "Heavy page") - peak(first, "Light page") > 200
    heavy = site / "docs" / "heavy.md"
    heavy.write_text(heavy.read_text().replace("# Heavy page", "# Heavy page\n\nNew prose."))
    result = build(site)
    assert "Executing notebook" not in result.stdout
    assert "Using cached notebook" in result.stdout
    second, _ = report(site)
    assert second["Heavy page"] == first["Heavy page"]


def test_a_reverted_edit_brings_back_the_first_runs_memory(site):
    build(site)
    first, _ = report(site)
    light = site / "docs" / "light.md"
    original = light.read_text()
    light.write_text(original.replace("* 7)", "* 8)"))
    build(site)  # a second run of the light page, measured and stored
    light.write_text(original)
    result = build(site)
    assert "Executing notebook" not in result.stdout  # the first run, from the cache
    third, _ = report(site)
    assert third["Light page"] == first["Light page"]
    assert peak(third, "Light page") > 0


def test_build_date_follows_source_date_epoch(parallel_site):
    _, markup = report(parallel_site)
    assert "2023-11-14 22:13 UTC" in markup


def test_build_date_is_now_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert abs((datetime.now(UTC) - build_date()).total_seconds()) < 5


def test_versions_are_the_installed_ones():
    import jax
    found = versions(("jax",))
    assert found["jax"] == jax.__version__
    assert found["Python"] == ".".join(map(str, sys.version_info[:3]))


def test_pages_run_with_another_jax_are_flagged(caplog):
    record = {"runtime": 1.0, "mtime": 0.0, "peak_rss_bytes": MIB, "device": "cpu"}
    env = SimpleNamespace(build_report={"old": {**record, "jax": "0.0.1"},
                                        "fresh": {**record, "jax": versions(("jax",))["jax"]}},
                          build_report_pages={"about"})
    with caplog.at_level("WARNING"):
        assert check_and_rewrite(None, env) == ["about"]
    assert "computed with JAX 0.0.1" in caplog.text
    assert caplog.text.count("computed with JAX") == 1
