"""Conventions every page keeps, checked on the page sources (no build needed)."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
CELL = re.compile(r"```\{code-cell\} ipython3\n((?::[^\n]*\n)*)(.*?)```", re.S)
TIMING_CONTAINER = re.compile(r"```\{container\} timing\n.*?\n```", re.S)
GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`(\w+)")


def timing_glue_outside_containers(text: str) -> list[str]:
    """Names glued by a cell tagged ``timing`` and quoted in prose outside a timing container.

    Two builds may differ only inside timing cells and timing containers (the bench compares
    the HTML of two cold builds with those parts removed), so prose quoting a time must sit in
    a ``{container} timing`` block.
    """
    names = set()
    for options, body in CELL.findall(text):
        if "timing" in options:
            names |= set(re.findall(r'glue\(\s*"(\w+)"', body))
    spans = [m.span() for m in TIMING_CONTAINER.finditer(text)]
    return [m[1] for m in GLUE_ROLE.finditer(text)
            if m[1] in names and not any(a <= m.start() < b for a, b in spans)]


def test_the_check_finds_a_quoted_time_outside_a_container():
    page = ("```{code-cell} ipython3\n:tags: [timing, remove-cell]\nglue(\"t\", 1.0)\n```\n\n"
            "It took {glue:text}`t:.1f` s.\n\n"
            "```{container} timing\nAgain {glue:text}`t:.1f` s.\n```\n")
    assert timing_glue_outside_containers(page) == ["t"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_timings_in_prose_sit_in_timing_containers(page):
    assert timing_glue_outside_containers(page.read_text()) == []


@pytest.mark.parametrize("page", [p for p in PAGES if p.name != "index.md"
                                  and p.parent.name != "reference"
                                  or p.stem in ("what_works_where", "measured_costs")],
                         ids=lambda p: str(p.relative_to(DOCS)))
def test_every_chapter_page_ends_with_a_hidden_exercise_solution(page):
    text = page.read_text()
    assert "\n## Exercise\n" in text
    exercise = text.split("\n## Exercise\n", 1)[1]
    solutions = [options for options, _ in CELL.findall(exercise) if "hide-cell" in options]
    assert solutions and all(":snippet:" in options for options in solutions)


CODE_CELL = re.compile(r"```\{code-cell\} ipython3\n.*?```", re.S)
CLAIM_ROLE = re.compile(r"\{claim\}`[^`]*`")
ANY_GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`[^`]*`")
COMPARISON = re.compile(r"\b(fewer|more than|less than|faster|slower|times as|times the|"
                        r"times less|times more|grows?|smaller|larger|agrees?|the same as|"
                        r"differs?|close to)\b", re.I)


def unclaimed_comparisons(text: str) -> list[str]:
    """Paragraphs that quote a computed value and compare it, with no claim to check them.

    A heuristic for the rule that a sentence interpreting a result is bound to the run
    (``sphinxext/claims.py``): a glued number next to "fewer", "grows", "agrees" ... is a
    conclusion, so its paragraph must carry a ``{claim}``. Timing containers are exempt: they
    illustrate and conclude nothing.
    """
    prose = TIMING_CONTAINER.sub(" ", CODE_CELL.sub(" ", text))
    return [" ".join(p.split())[:120] for p in re.split(r"\n\s*\n", prose)
            if ANY_GLUE_ROLE.search(p) and COMPARISON.search(p) and not CLAIM_ROLE.search(p)]


def test_the_check_finds_an_unclaimed_comparison():
    page = ("Scan needs {glue:text}`r:.1f` times less memory.\n\n"
            "Scan {claim}`needs less memory <less>` ({glue:text}`r:.1f` times less).\n\n"
            "```{container} timing\nIt was {glue:text}`t:.1f` times faster.\n```\n")
    assert unclaimed_comparisons(page) == ["Scan needs {glue:text}`r:.1f` times less memory."]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_comparisons_of_computed_values_carry_a_claim(page):
    assert unclaimed_comparisons(page.read_text()) == []
