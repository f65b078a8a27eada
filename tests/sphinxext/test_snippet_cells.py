"""sphinxext.snippet_cells: regions, validation, and the stale-proof rebuild on a fixture site."""

import json
import os
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from sphinxext.snippet_cells import is_glue_only, read_region, shorten_traceback
from tests.sphinxext.sphinx_site import build_tree as build

FIXTURE = Path(__file__).parent / "fixture_site"


# --- regions -------------------------------------------------------------------------------

def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_region_is_dedented_text_between_markers(tmp_path):
    write(tmp_path / "m.py", "x = 1\ndef f():\n    # [START body]\n    y = 2\n\n    return y\n"
                             "    # [END body]\n")
    region = read_region(tmp_path, "m.py#body")
    assert region.source == "y = 2\n\nreturn y"
    assert len(region.file_sha256) == 64


def test_nested_markers_are_not_part_of_the_region(tmp_path):
    write(tmp_path / "m.py", "# [START outer]\na = 1\n# [START inner]\nb = 2\n# [END inner]\n"
                             "# [END outer]\n")
    assert read_region(tmp_path, "m.py#outer").source == "a = 1\nb = 2"


def test_file_hash_changes_with_any_edit_of_the_file(tmp_path):
    path = write(tmp_path / "m.py", "# [START r]\na = 1\n# [END r]\n")
    before = read_region(tmp_path, "m.py#r").file_sha256
    path.write_text(path.read_text() + "b = 2\n")
    assert read_region(tmp_path, "m.py#r").file_sha256 != before


@pytest.mark.parametrize("ref, text, message", [
    ("m.py#r", None, "no snippet file 'm.py'"),
    ("m.py#missing", "# [START r]\na = 1\n# [END r]\n", "no region '# [START missing]' in m.py"),
    ("m.py#r", "# [START r]\na = 1\n", "must open once and close once"),
    ("m.py#r", "# [START r]\na\n# [END r]\n# [START r]\nb\n# [END r]\n", "open once"),
    ("m.py#r", "# [START r]\n\n# [END r]\n", "is empty"),
    ("m.py", "", "expected 'path/to/module.py#region'"),
])
def test_bad_references_raise_a_readable_error(tmp_path, ref, text, message):
    if text is not None:
        write(tmp_path / "m.py", text)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("[", r"\[")):
        read_region(tmp_path, ref)


@pytest.mark.parametrize("source, expected", [
    ('from myst_nb import glue\nglue("a", 1.0, display=False)', True),
    ('glue("a", float(x))', True),
    ("x = 1", False),
    ('glue("a", 1)\nprint(2)', False),
    ("", False),
    ("glue(", False),
])
def test_only_glue_calls_may_be_written_inline(source, expected):
    assert is_glue_only(source) is expected


def test_traceback_is_cut_to_the_exception():
    text = ("------\nValueError                    Traceback (most recent call last)\n"
            "Cell In[2], line 1\n----> 1 int('x')\n\nValueError: invalid literal\nsecond line")
    assert shorten_traceback(text) == "ValueError: invalid literal\nsecond line"


def test_a_chained_traceback_is_cut_to_the_last_exception():
    text = ("JaxStackTraceBeforeTransformation   Traceback (most recent call last)\n"
            "File /home/someone/venv/jax/_src/core.py:10\n"
            "JaxStackTraceBeforeTransformation: ValueError: reverse-mode\n\n"
            "The above exception was the direct cause of the following exception:\n\n"
            "ValueError                          Traceback (most recent call last)\n"
            "Cell In[3], line 1\n----> 1 grad(f)(1.0)\n\n"
            "ValueError: Reverse-mode differentiation does not work")
    assert shorten_traceback(text) == "ValueError: Reverse-mode differentiation does not work"


# --- the fixture site ------------------------------------------------------------------------

@pytest.fixture
def site(tmp_path):
    dest = tmp_path / "site"
    shutil.copytree(FIXTURE, dest)
    return dest



def html(site, page):
    """The page's visible text: tags dropped (code is split into highlighting spans)."""
    markup = (site / "build" / "html" / f"{page}.html").read_text()
    return unescape(re.sub(r"<[^>]+>", "", markup))


def executed(site, page):
    return json.loads((site / "build" / "jupyter_execute" / f"{page}.ipynb").read_text())


def reread_pages(log):
    return {line.rsplit("] ", 1)[-1].strip() for line in log.splitlines()
            if line.startswith("reading sources...") and "] " in line}


def test_cells_show_the_region_and_its_real_output(site):
    result = build(site)
    assert result.returncode == 0, result.stderr
    page = html(site, "index")
    assert "WORD" in page and "HELLO" in page
    assert "ValueError: invalid literal for int()" in page
    assert "Traceback (most recent call last)" not in page
    assert "The total is 10." in html(site, "counting")
    notebook = executed(site, "index")
    first = next(cell for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert "".join(first["source"]) == 'WORD = "hello"\nprint(WORD.upper())'
    assert first["metadata"]["snippet"] == "greeting.py#shout"
    assert "".join(first["outputs"][0]["text"]) == "HELLO\n"


def test_editing_a_snippet_reexecutes_only_the_pages_that_use_it(site):
    assert build(site).returncode == 0
    snippet = site / "snippets" / "greeting.py"
    snippet.write_text(snippet.read_text().replace('"hello"', '"goodbye"'))
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert reread_pages(result.stdout) == {"index"}
    assert result.stdout.count("Executing notebook") == 1
    assert "GOODBYE" in html(site, "index") and "HELLO" not in html(site, "index")


def test_an_edit_outside_the_region_still_reexecutes(site):
    assert build(site).returncode == 0
    snippet = site / "snippets" / "counting.py"
    snippet.write_text(snippet.read_text() + "\nUNUSED = 1\n")
    result = build(site)
    assert reread_pages(result.stdout) == {"counting"}
    assert "Executing notebook" in result.stdout


def test_an_edit_is_seen_even_with_an_older_timestamp(site):
    """Content decides, not the clock: a checkout or a skewed clock can leave an old mtime."""
    assert build(site).returncode == 0
    snippet = site / "snippets" / "greeting.py"
    before = snippet.stat()
    snippet.write_text(snippet.read_text().replace('"hello"', '"farewell"'))
    os.utime(snippet, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert reread_pages(result.stdout) == {"index"}
    assert "FAREWELL" in html(site, "index")


def test_a_noop_rebuild_reads_and_executes_nothing(site):
    assert build(site).returncode == 0
    result = build(site)
    assert result.returncode == 0
    assert reread_pages(result.stdout) == set()
    assert "Executing notebook" not in result.stdout


def test_a_misspelled_region_fails_with_page_line_and_reference(site):
    page = site / "docs" / "counting.md"
    page.write_text(page.read_text().replace("counting.py#total", "counting.py#totl"))
    result = build(site)
    assert result.returncode != 0
    assert result.stderr.count("counting.py#totl") == 1, result.stderr
    expected = "counting.md:9: ERROR: snippet 'counting.py#totl': no region '# [START totl]'"
    assert expected in result.stderr


def test_inline_code_in_a_cell_is_refused(site):
    page = site / "docs" / "counting.md"
    page.write_text(page.read_text().replace('glue("total", total, display=False)', "total = 3"))
    result = build(site)
    assert result.returncode != 0
    assert "counting.md:13: ERROR: a code cell must name its code" in result.stderr


def test_a_cell_that_stops_raising_fails_the_build(site):
    snippet = site / "snippets" / "greeting.py"
    snippet.write_text(snippet.read_text().replace('int("not a number")', 'int("42")'))
    result = build(site)
    assert result.returncode != 0
    assert "cell tagged raises-exception did not raise" in result.stderr


def test_an_unexpected_exception_fails_with_page_and_traceback(site):
    snippet = site / "snippets" / "counting.py"
    snippet.write_text(snippet.read_text().replace("sum(range(5))", "sum(range(5)) / 0"))
    result = build(site)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "counting.md" in log and "ZeroDivisionError" in log
    assert "sum(range(5)) / 0" in log


def test_a_hanging_cell_fails_with_page_and_timeout(site):
    snippet = site / "snippets" / "counting.py"
    snippet.write_text(snippet.read_text().replace(
        "total = sum(range(5))", "import time\ntime.sleep(600)\ntotal = sum(range(5))"))
    result = build(site, "-D", "nb_execution_timeout=3")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "counting.md" in log and "CellTimeoutError" in log
    assert "time.sleep(600)" in log
