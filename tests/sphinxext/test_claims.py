"""sphinxext.claims: a sentence bound to a glued bool builds when true, fails the build when not."""

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from tests.sphinxext.sphinx_site import build_site

CONF = """
extensions = ["myst_nb", "sphinxext.claims"]
nb_execution_mode = "auto"
"""


def page(cells: str, prose: str) -> str:
    return f"""\
---
file_format: mystnb
kernelspec:
  name: python3
---

# A page

```{{code-cell}} ipython3
flops = {{"fwd": 5, "rev": 9}}
```

```{{code-cell}} ipython3
:tags: [{cells}]
from myst_nb import glue
glue("fwd_cheaper", flops["fwd"] < flops["rev"], display=False)
glue("rev_cheaper", flops["rev"] < flops["fwd"], display=False)
glue("numpy_bool", __import__("numpy").float32(1) < 2, display=False)
glue("ratio", flops["rev"] / flops["fwd"], display=False)
```

{prose}
"""


TRUE_PAGE = page("remove-cell", "Forward mode {claim}`needs fewer FLOPs <fwd_cheaper>`, and a "
                 "{claim}`NumPy bool\nalso counts <numpy_bool>`.")
BAD_PAGES = {
    "false.md": page("remove-cell", "A paragraph of two lines, whose claim\nsays reverse mode "
                                    "{claim}`needs fewer\nFLOPs <rev_cheaper>`."),
    "unknown.md": page("remove-cell", "This {claim}`is checked by nothing <no_such_claim>`."),
    "not_bool.md": page("remove-cell", "The ratio {claim}`is large <ratio>`."),
    "timed.md": page("remove-cell, timing", "Forward mode {claim}`was faster <fwd_cheaper>`."),
    "shape.md": page("remove-cell", "A {claim}`claim without a name`."),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    index = "# Claims\n\n```{toctree}\ntrue\n```\n"
    return build_site(tmp_path_factory.mktemp("good"), CONF,
                      {"index.md": index, "true.md": TRUE_PAGE}, strict=True)


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    index = "# Claims\n\n```{toctree}\n" + "\n".join(n[:-3] for n in BAD_PAGES) + "\n```\n"
    return build_site(tmp_path_factory.mktemp("bad"), CONF, {"index.md": index, **BAD_PAGES})


def test_a_true_claim_builds_and_shows_its_words_with_the_checked_mark(good_site):
    status, out, log = good_site
    assert status == 0, log
    claims = BeautifulSoup((out / "true.html").read_text(), "html.parser").select("span.claim")
    assert [c.get_text() for c in claims] == ["needs fewer FLOPs\u2713",
                                             "NumPy bool also counts\u2713"]
    assert all("Checked when this page was built" in c["title"] for c in claims)


def errors(log: str, page: str) -> set[str]:
    """The page's errors (the log holds the warnings file and stderr: each error twice, and
    Sphinx colours stderr when CI is set)."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", log)
    return {ln for ln in plain.splitlines() if re.search(rf"{page}\.md:\d+: ERROR", ln)}


@pytest.mark.parametrize("page_name, message", [
    ("false", "claim 'rev_cheaper' is false in this build: 'needs fewer FLOPs'"),
    ("unknown", "claim 'no_such_claim' ('is checked by nothing') names no value glued on this"),
    ("not_bool", "claim 'ratio' ('is large') must be glued as a bool, got '1.8'"),
    ("timed", "claim 'fwd_cheaper' ('was faster') is glued by a cell tagged 'timing'"),
    ("shape", "a claim reads {claim}`words <name>`, got 'claim without a name'"),
])
def test_a_bad_claim_fails_naming_page_line_and_words(bad_site, page_name, message):
    status, _, log = bad_site
    assert status != 0
    (found,) = errors(log, page_name)
    assert message in found, log
    # the error points at the line of the sentence: the last line of the page
    line = int(re.search(rf"{page_name}\.md:(\d+)", found)[1])
    assert line == len(BAD_PAGES[f"{page_name}.md"].rstrip("\n").splitlines())


def test_an_incremental_build_reads_a_page_with_a_failed_claim_again(bad_site):
    _, out, _ = bad_site
    src = out.parents[1] / "src"  # the same sources, untouched since the first build
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", str(src), str(out)],
                         capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode != 0
    assert errors(run.stderr, "false") and errors(run.stderr, "unknown"), run.stderr
    assert not errors(run.stderr, "index")
