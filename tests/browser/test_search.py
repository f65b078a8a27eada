"""The site's own search (no server side, no third party) finds the pages readers look for."""

import pytest

from tests.browser.browsing import goto

# query -> pages (docnames) that must be among its results
EXPECTED = {
    "scan": {"autodiff/scan", "control_flow/loops"},
    "checkpoint": {"autodiff/checkpointed_scan", "control_flow/checkpointing"},
}


def search(new_page, server, query: str) -> list[str]:
    page = new_page()
    goto(page, server, f"search.html?q={query}")
    return results(page)


def results(page) -> list[str]:
    """The docnames listed on a search results page, once the search has finished."""
    page.wait_for_function("() => document.querySelector('#search-results')"
                           "?.textContent.match(/found|did not match/i)", timeout=15_000)
    hrefs = page.eval_on_selector_all("#search-results ul.search li a",
                                      "links => links.map(a => a.getAttribute('href'))")
    return [href.split("?")[0].split("#")[0].removesuffix(".html") for href in hrefs]


@pytest.mark.parametrize("query", sorted(EXPECTED))
def test_search_finds_the_page(new_page, server, query):
    results = search(new_page, server, query)
    assert EXPECTED[query] <= set(results), results


def test_search_reports_no_match_for_nonsense(new_page, server):
    assert search(new_page, server, "qwxzvvk") == []


# query -> the pages that are its home; the first result must be one of them
FIRST = {
    "scan": {"control_flow/loops", "autodiff/scan"},
    "checkpoint": {"control_flow/checkpointing", "autodiff/checkpointed_scan"},
    "while_loop": {"control_flow/loops", "autodiff/while_loop"},
    "NaN": {"limits/numerics"},
    "vmap": {"transformations/vmap"},
    "cond": {"control_flow/branches", "autodiff/cond"},
}


@pytest.mark.parametrize("query", sorted(FIRST))
def test_search_puts_the_page_about_it_first(new_page, server, query):
    results = search(new_page, server, query)
    assert results and results[0] in FIRST[query], results[:5]
    # the build report lists every page title: it must not answer every question
    assert "reference/about_build" not in results[:5], results[:5]


def test_result_snippets_are_page_text_not_buttons(new_page, server):
    page = new_page()
    goto(page, server, "search.html?q=scan")
    page.wait_for_function("() => document.querySelectorAll('#search-results p.context')"
                           ".length >= 3", timeout=15_000)
    page.wait_for_timeout(500)
    snippets = page.eval_on_selector_all("#search-results p.context",
                                         "ps => ps.map(p => p.textContent.trim())")
    assert all(s for s in snippets[:5]), snippets[:5]
    for text in snippets:
        assert "System Settings" not in text and "Light" not in text.split()[:3], text


@pytest.mark.parametrize("width", [390, 1280])
def test_a_reader_searches_from_a_content_page(new_page, server, width):
    """The visible search button opens the dialog; the query typed there lands on the results
    page, which lists the page about it. (Content pages carry none of the search scripts: only
    search.html runs them.)"""
    page = new_page(width=width)
    goto(page, server, "transformations/vmap.html")
    assert page.evaluate("() => typeof Search") == "undefined"
    page.locator(".search-button__button:visible").first.click()
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible", timeout=5_000)
    field.fill("checkpoint")
    with page.expect_navigation():
        field.press("Enter")
    assert page.url.split("/")[-1].startswith("search.html?q=checkpoint")
    found = set(results(page))
    assert {"autodiff/checkpointed_scan", "control_flow/checkpointing"} <= found, found
