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
