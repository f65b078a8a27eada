"""What a host needs: a 404 page that works at any depth, and a sitemap of every page."""

import xml.etree.ElementTree as ET

from tests.browser.browsing import PageLog, watch


def test_a_missing_page_gets_the_styled_404_page(new_page, server):
    page = new_page()
    log = PageLog("missing")
    watch(page, server, log)
    response = page.goto(server.url("control_flow/no/such/page.html"), wait_until="load")
    assert response.status == 404
    assert "Page not found" in page.title()
    # its styles and scripts load from the site root, however deep the missing URL was
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert page.locator("a[href$='index.html']").count() >= 1
    # the only failure is the missing document itself (its 404 status, logged by Chromium)
    assert not log.external
    assert [e for e in log.console_errors if "status of 404" not in e] == []
    assert [f for f in log.failed if "no/such/page" not in f] == []


def test_sitemap_lists_every_page_at_its_published_address(site, pages):
    locs = [el.text for el in ET.parse(site / "sitemap.xml").iter() if el.tag.endswith("loc")]
    home = min((loc for loc in locs if loc.endswith("/index.html")), key=len)
    base = home.removesuffix("index.html")
    assert base.startswith("https://")
    listed = {loc.removeprefix(base) for loc in locs}
    expected = set(pages) - {"genindex.html", "search.html", "404.html"}
    assert listed == expected


def test_the_404_page_searches_and_links_every_chapter(new_page, server):
    page = new_page()
    page.goto(server.url("autodiff/gone/away.html"), wait_until="load")
    chapters = page.locator("article a").all_inner_texts()
    for title in ("Control flow under jit", "Autodiff through control flow", "Limits of grad"):
        assert title in chapters, chapters
    page.locator("article input[type=search]").fill("while_loop")
    page.locator("article form button[type=submit]").click()
    page.wait_for_url("**/search.html?q=while_loop*")
    page.wait_for_function("() => document.querySelector('#search-results')"
                           "?.textContent.match(/found/i)", timeout=15_000)
    assert page.locator("#search-results ul.search li").count() > 0
