"""Faults a contributor's machine sees: broken or hostile input, a damaged cache, two builds at
once, a build killed mid-way. Each test builds the fixture site (``fixture_site/``) in a
temporary copy; the bad pages share one build."""

import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sphinxext.snippet_cells import read_region
from tests.sphinxext.sphinx_site import ROOT
from tests.sphinxext.sphinx_site import build_tree as build
from tests.sphinxext.test_snippet_cells import FIXTURE, html

# --- references that leave snippets/ or are not text ---------------------------------------


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


REGION = "# [START x]\nx = 1\n# [END x]\n"


@pytest.mark.parametrize("ref, message", [
    ("../conf.py#x", "'../conf.py' names a file outside snippets/"),
    ("sub/../../conf.py#x", "names a file outside snippets/"),
    ("link.py#x", "'link.py' is a symlink to a file outside snippets/"),
])
def test_a_reference_outside_the_snippets_folder_is_refused(tmp_path, ref, message):
    write(tmp_path / "conf.py", REGION)
    write(tmp_path / "snippets" / "sub" / "ok.py", REGION)
    (tmp_path / "snippets" / "link.py").symlink_to(tmp_path / "conf.py")
    with pytest.raises(ValueError, match=message):
        read_region(tmp_path / "snippets", ref)


def test_an_absolute_path_is_refused(tmp_path):
    outside = write(tmp_path / "elsewhere.py", REGION)
    with pytest.raises(ValueError, match="is an absolute path"):
        read_region(tmp_path / "snippets", f"{outside}#x")


def test_a_symlink_inside_the_folder_is_allowed(tmp_path):
    write(tmp_path / "snippets" / "real.py", REGION)
    (tmp_path / "snippets" / "alias.py").symlink_to("real.py")
    assert read_region(tmp_path / "snippets", "alias.py#x").source == "x = 1"


def test_a_file_that_is_not_utf8_names_the_byte_and_line(tmp_path):
    write(tmp_path / "m.py", "# [START x]\nname = 'caf\xe9'\n# [END x]\n".encode("latin-1"))
    with pytest.raises(ValueError, match=r"m.py is not UTF-8 \(byte 0xe9 on line 2\)"):
        read_region(tmp_path, "m.py#x")


def test_a_region_knows_its_first_line_in_the_file(tmp_path):
    write(tmp_path / "m.py", "a = 1\n\ndef f():\n    # [START r]\n\n    b = 2\n    # [END r]\n")
    assert read_region(tmp_path, "m.py#r").first_line == 6


# --- one build with every kind of bad page ---------------------------------------------------

BAD_SNIPPET = '''"""Fixture snippets that fail in every way a page can."""

# [START syntax]
x = 1
y = (2
# [END syntax]


def helper():
    # [START define]
    def divide(a):
        return a / 0
    # [END define]
    return divide


# [START call]
z = 3
divide(z)
# [END call]

# [START slow]
import time

time.sleep(600)
# [END slow]

# [START loud]
print("x" * 3_000_000)
# [END loud]
'''

BAD_PAGES = {
    "syntax": ["bad.py#syntax"],
    "exception": ["bad.py#define", "bad.py#call"],
    "slow": ["counting.py#total", "bad.py#slow"],
    "loud": ["bad.py#loud"],
    "up": ["../conf.py#x"],
    "absolute": ["/etc/hosts.py#x"],
    "link": ["link.py#x"],
    "latin": ["latin1.py#r"],
}


def page(title, refs):
    cells = "".join(f"```{{code-cell}} ipython3\n:snippet: {ref}\n```\n\n" for ref in refs)
    return f"# {title}\n\n{cells}"


def fixture_copy(dest: Path) -> Path:
    # Without build/: another test may be building the fixture site in place at this moment.
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("build"))
    return dest


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    site = fixture_copy(tmp_path_factory.mktemp("bad") / "site")
    write(site / "snippets" / "bad.py", BAD_SNIPPET)
    latin = "# [START r]\nn = 'caf\xe9'\n# [END r]\n".encode("latin-1")
    write(site / "snippets" / "latin1.py", latin)
    (site / "snippets" / "link.py").symlink_to("../conf.py")
    for name, refs in BAD_PAGES.items():
        write(site / "docs" / f"{name}.md", page(name, refs))
    write(site / "docs" / "twice.md",
          "# Twice\n\n```{code-cell} ipython3\n:snippet: counting.py#total\n"
          ":snippet: greeting.py#shout\n```\n")
    index = site / "docs" / "index.md"
    index.write_text(index.read_text().replace(
        "counting\n", "counting\n" + "".join(f"{n}\n" for n in [*BAD_PAGES, "twice"])))
    result = build(site, "-D", "nb_execution_timeout=3")
    return site, result, result.stdout + result.stderr


def error_line(log, page_name):
    lines = [ln for ln in log.splitlines()
             if f"/docs/{page_name}.md:" in ln and "snippet_cells" in ln]
    assert len(lines) == 1, log
    return lines[0].split(f"/docs/{page_name}.md:", 1)[1]


@pytest.mark.parametrize("page_name, expected", [
    ("syntax", "3: ERROR: snippets/bad.py:5: SyntaxError: incomplete input (cell bad.py#syntax)"),
    ("exception", "7: ERROR: snippets/bad.py:12: ZeroDivisionError: division by zero "
                  "(region 'define', run from cell bad.py#call)"),
    ("slow", "7: ERROR: snippets/bad.py:23-25: did not finish within the 3 s cell time limit "
             "(cell bad.py#slow)"),
    ("up", "3: ERROR: snippet '../conf.py#x': '../conf.py' names a file outside snippets/"),
    ("absolute", "3: ERROR: snippet '/etc/hosts.py#x': '/etc/hosts.py' is an absolute path"),
    ("link", "3: ERROR: snippet 'link.py#x': 'link.py' is a symlink to a file outside snippets/"),
    ("latin", "3: ERROR: snippet 'latin1.py#r': latin1.py is not UTF-8 (byte 0xe9 on line 2)"),
    ("twice", "3: ERROR: option ':snippet:' is given 2 times in one cell"),
])
def test_each_bad_page_fails_with_one_line_naming_what_to_edit(bad_site, page_name, expected):
    _, result, log = bad_site
    assert result.returncode != 0
    assert error_line(log, page_name).startswith(expected)


def test_the_good_pages_still_build_next_to_the_bad_ones(bad_site):
    site, _, _ = bad_site
    assert "HELLO" in html(site, "index")
    assert "The total is 10." in html(site, "counting")


def test_a_refused_page_says_why_instead_of_running(bad_site):
    site, _, _ = bad_site
    text = html(site, "up")  # (smart quotes turn the reference's quotes into curly ones)
    assert "This page did not build: snippet" in text and "names a file outside snippets/" in text
    assert "nb_execution_mode" not in text


def test_megabytes_of_output_are_cut_with_a_visible_note(bad_site):
    site, _, log = bad_site
    assert ("cell bad.py#loud printed 3,000,001 characters of output; the page shows the "
            "first 100,000") in error_line(log, "loud")
    page_text = html(site, "loud")
    assert "[output cut: the cell printed 3,000,001 characters, the first 100,000 are shown]" \
        in page_text
    assert (site / "build" / "html" / "loud.html").stat().st_size < 200_000


# --- a damaged cache, an environment from other versions ---------------------------------------

@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """The fixture site after one clean build, kept aside; Sphinx drops an environment that
    moved, so each test gets it back at the same path (``site``)."""
    base = tmp_path_factory.mktemp("built")
    site = fixture_copy(base / "site")
    result = build(site)
    assert result.returncode == 0, result.stderr
    shutil.copytree(site, base / "pristine", symlinks=True)
    return base


@pytest.fixture
def built(pristine):
    return pristine / "pristine"


@pytest.fixture
def damaged(pristine):
    site = pristine / "site"
    shutil.rmtree(site)
    shutil.copytree(pristine / "pristine", site, symlinks=True)
    return site


CACHE = Path("build") / ".jupyter_cache"


def notice(result):
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("snippet_cells: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def assert_same_site(site, built):
    """Every page reads as in the clean build (MyST-NB's jupyter_execute copies are not
    compared: it writes them without outputs when they come from the cache)."""
    for name in ("index", "counting"):
        assert html(site, name) == html(built, name)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_an_unreadable_cache_database_starts_a_new_cache(damaged, built, damage):
    db = damaged / CACHE / "global.db"
    data = db.read_bytes()
    db.write_bytes({"truncated": data[:200], "garbage": b"not sqlite" * 50, "empty": b""}[damage])
    result = build(damaged, "-E")
    assert result.returncode == 0, result.stderr
    assert f"the execution cache database {CACHE / 'global.db'} is unreadable" in notice(result)
    assert "starting a new cache, every page executes again" in notice(result)
    assert result.stdout.count("Executing notebook") == 2
    assert_same_site(damaged, built)


def test_a_deleted_cache_database_starts_a_new_cache(damaged, built):
    (damaged / CACHE / "global.db").unlink()
    result = build(damaged, "-E")
    assert result.returncode == 0, result.stderr
    assert "has no database (deleted?): starting a new cache" in notice(result)
    assert result.stdout.count("Executing notebook") == 2
    assert_same_site(damaged, built)


@pytest.mark.parametrize("damage", ["truncated", "missing"])
def test_a_cached_notebook_that_does_not_parse_is_executed_again(damaged, built, damage):
    """What SIGKILL leaves between jupyter-cache's record and its notebook file."""
    notebooks = sorted((damaged / CACHE / "executed").glob("*/base.ipynb"))
    assert len(notebooks) == 2
    for notebook in notebooks[:1]:
        if damage == "missing":
            notebook.unlink()
        else:
            notebook.write_text(notebook.read_text()[:100])
    result = build(damaged, "-E")
    assert result.returncode == 0, result.stderr
    assert ("dropped 1 damaged execution-cache entry (notebook missing or truncated, "
            "an interrupted build?)") in notice(result)
    assert result.stdout.count("Executing notebook") == 1
    assert_same_site(damaged, built)


def test_a_build_folder_from_other_versions_is_read_again(damaged, built):
    env_file = damaged / "build" / "html" / ".doctrees" / "environment.pickle"
    env = pickle.loads(env_file.read_bytes())
    assert set(env.snippet_cells_versions) == {"jax", "jaxlib"}
    env.snippet_cells_versions = {"jax": "0.4.1", "jaxlib": "0.4.1"}
    env_file.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    result = build(damaged)
    assert result.returncode == 0, result.stderr
    line = notice(result)
    assert f"{damaged / 'build'} was built with other versions (jax 0.4.1 -> " in line
    assert "every page is read again" in line
    from tests.sphinxext.test_snippet_cells import reread_pages
    assert reread_pages(result.stdout) == {"index", "counting"}
    assert_same_site(damaged, built)


# --- two builds at once, a build killed mid-way ------------------------------------------------

def start_build(site, **env):
    """A strict build in the background, in its own process group (as a terminal runs it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-c", ".", "-W", "--keep-going", "-n", "-b", "html",
         "docs", "build/html"],
        cwd=site, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


HOLD_SNIPPET = '''"""A cell that, while the test's hold file exists, keeps its build running."""

# [START hold]
import os
import time

while os.path.exists(os.environ.get("FIXTURE_HOLD_FILE", "")):
    time.sleep(0.1)
print("released")
# [END hold]
'''


def test_a_second_build_waits_for_the_first_and_both_succeed(tmp_path):
    site = fixture_copy(tmp_path / "site")
    write(site / "snippets" / "hold.py", HOLD_SNIPPET)
    write(site / "docs" / "hold.md", page("Hold", ["hold.py#hold"]))
    index = site / "docs" / "index.md"
    index.write_text(index.read_text().replace("counting\n", "counting\nhold\n"))
    hold, lock = tmp_path / "hold", site / "build" / ".build.lock"
    hold.touch()
    # The first build holds the tree until the second has said that it waits (no race).
    first = start_build(site, FIXTURE_HOLD_FILE=str(hold))
    wait_for(lambda: lock.exists() and lock.read_text().startswith(f"PID {first.pid},"))
    second_log = tmp_path / "second.log"
    with second_log.open("w") as log:
        second = subprocess.Popen(
            [sys.executable, "-m", "sphinx", "-c", ".", "-W", "--keep-going", "-n", "-b",
             "html", "docs", "build/html"],
            cwd=site, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
            stdout=log, stderr=subprocess.STDOUT, text=True)
        wait_for(lambda: "waiting for it to finish" in second_log.read_text())
        hold.unlink()
        out, err = first.communicate(timeout=300)
        second.wait(timeout=300)
    second_out = second_log.read_text()
    assert first.returncode == 0, err
    assert second.returncode == 0, second_out
    waiting = [ln for ln in second_out.splitlines() if ln.startswith("snippet_cells: ")]
    assert len(waiting) == 1 and waiting[0].startswith(
        f"snippet_cells: {site / 'build'} is in use by another build (PID {first.pid}, "), waiting
    assert waiting[0].endswith("waiting for it to finish (Ctrl-C to stop)")
    assert "Executing notebook" not in second_out  # the first build's runs are reused
    assert out.count("Executing notebook") == 3
    assert "HELLO" in html(site, "index") and "The total is 10." in html(site, "counting")


PAUSE_SNIPPET = '''"""A cell that, when the test asks, waits mid-execution to be killed."""

# [START wait]
import os
import time

if os.environ.get("FIXTURE_PAUSE_MARKER"):
    open(os.environ["FIXTURE_PAUSE_MARKER"], "w").close()
    time.sleep(120)
print("resumed")
# [END wait]
'''


def pausing_site(dest):
    site = fixture_copy(dest)
    write(site / "snippets" / "pause.py", PAUSE_SNIPPET)
    write(site / "docs" / "pause.md", page("Pause", ["pause.py#wait"]))
    index = site / "docs" / "index.md"
    index.write_text(index.read_text().replace("counting\n", "counting\npause\n"))
    return site


@pytest.fixture(scope="module")
def clean_pausing_site(tmp_path_factory):
    site = pausing_site(tmp_path_factory.mktemp("clean") / "site")
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "Ctrl-C"])
def test_a_build_killed_while_pages_execute_recovers(tmp_path, clean_pausing_site, sig):
    site = pausing_site(tmp_path / "site")
    marker = tmp_path / "executing"
    killed = start_build(site, FIXTURE_PAUSE_MARKER=str(marker))
    wait_for(marker.exists)
    os.killpg(killed.pid, sig)
    killed.communicate(timeout=60)
    assert killed.returncode != 0
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert "in use by another build" not in result.stderr  # the dead build left no lock
    for name in ("index", "counting", "pause"):
        assert html(site, name) == html(clean_pausing_site, name)
    assert "resumed" in html(site, "pause")
