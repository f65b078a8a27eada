"""Code cells as a reader uses them: the copy button, and exercise solutions."""

import json

from tests.browser.browsing import goto


def pages_with(site, pages, text: str) -> list[str]:
    return [p for p in pages if text in (site / p).read_text(encoding="utf-8")]


def notebook_sources(site, path: str) -> list[str]:
    notebook = json.loads((site / "_notebooks" / path.replace(".html", ".ipynb")).read_text())
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in notebook["cells"] if c["cell_type"] == "code"]


def test_copy_button_copies_the_code_only(site, pages, new_page, server):
    candidates = [p for p in pages_with(site, pages, "cell_output")
                  if (site / "_notebooks" / p.replace(".html", ".ipynb")).is_file()]
    assert candidates, "no page has a code cell with an output"
    path = candidates[0]
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    goto(page, server, path)
    cell = page.locator("div.cell:has(div.cell_output):not(:has(details))").first
    code = cell.locator("div.cell_input pre").text_content()
    output = cell.locator("div.cell_output").inner_text().strip()
    cell.locator("div.cell_input").hover()
    cell.locator("div.cell_input button.copybtn").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == code.strip()
    assert copied.strip() in [s.strip() for s in notebook_sources(site, path)]
    assert output and output not in copied
    assert not any(line.startswith((">>>", "In [", "Out[", "$ ")) for line in copied.splitlines())


def test_solutions_are_hidden_until_opened(crawl):
    with_solutions = {path: log for path, log in crawl.items() if log.solutions}
    assert with_solutions, "no page has an exercise solution"
    problems = {path: log.solution_problems for path, log in with_solutions.items()
                if log.solution_problems}
    assert not problems, problems


def test_every_chapter_page_has_a_solution(crawl):
    chapter_pages = [path for path in crawl
                     if "/" in path and not path.endswith("index.html")
                     and not path.startswith("reference/")]
    assert chapter_pages
    missing = [path for path in chapter_pages if not crawl[path].solutions]
    assert not missing, f"pages without an exercise solution: {missing}"
