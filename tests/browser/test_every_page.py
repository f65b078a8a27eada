"""Every page of the built site, loaded once in Chromium: clean, complete and offline."""

import json
import re

from tests.browser.browsing import SCREENSHOTS, SPECIAL_PAGES, PageLog, goto, watch

JAX_NAME = re.compile(r"^(?:jax|lax|jnp)(?:\.[A-Za-z_]\w*)+(?:\(.*\))?$", re.DOTALL)


def problems(crawl, attribute):
    return {path: getattr(log, attribute) for path, log in crawl.items()
            if getattr(log, attribute)}


def listing(found: dict) -> str:
    return "\n".join(f"{path}:\n    " + "\n    ".join(map(str, items))
                     for path, items in found.items())


def test_the_crawl_covers_the_chapters(crawl):
    chapters = {path.split("/")[0] for path in crawl if "/" in path}
    assert {"transformations", "control_flow", "autodiff", "limits", "reference"} <= chapters
    assert set(SPECIAL_PAGES) <= set(crawl)


def test_no_console_errors(crawl):
    found = problems(crawl, "console_errors")
    assert not found, listing(found)


def test_every_request_succeeds(crawl):
    found = problems(crawl, "failed")
    assert not found, listing(found)


def test_no_request_leaves_the_local_server(crawl):
    external = problems(crawl, "external")
    report = {
        "pages": len(crawl),
        "requests": sum(log.requests for log in crawl.values()),
        "external_requests": sum(len(urls) for urls in external.values()),
    }
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "offline-report.json").write_text(json.dumps(report, indent=2) + "\n")
    assert report["requests"] > len(crawl)  # scripts and styles were loaded, and counted
    assert not external, listing(external)


def test_math_on_pages_is_typeset(crawl):
    untypeset = {path: log.dom for path, log in crawl.items()
                 if log.dom["typeset"] < log.dom["tex"]}
    assert not untypeset, listing(untypeset)


def test_the_sites_own_mathjax_typesets_with_local_fonts(new_page, server):
    """Whether or not a page has math today, the MathJax the site serves works offline."""
    page = new_page()
    log = PageLog("index.html")
    watch(page, server, log)
    goto(page, server, "index.html")
    page.evaluate(r"""() => {
      const math = document.createElement('div');
      math.className = 'math';
      math.textContent = '\\[\\frac{\\partial}{\\partial x} \\sum_{t=1}^{T} h_t(x)\\]';
      document.querySelector('article').prepend(math);
    }""")
    page.add_script_tag(url=server.url("_static/mathjax/tex-mml-chtml.js"))
    page.wait_for_selector("mjx-container", timeout=20_000)
    page.evaluate("async () => { await MathJax.startup.promise; await document.fonts.ready; }")
    fonts = page.evaluate("() => [...document.fonts].filter(f => f.family.startsWith('MJX'))"
                          ".map(f => f.status)")
    assert "loaded" in fonts, fonts
    assert log.requests > 0 and not log.external and not log.failed, log
    assert not log.console_errors, log.console_errors


def test_jax_names_in_prose_link_to_the_jax_reference(crawl):
    unlinked = {path: names for path, log in crawl.items()
                if (names := [n for n in log.dom["unlinked_code"] if JAX_NAME.match(n)])}
    assert not unlinked, listing(unlinked)
    links = [url for log in crawl.values() for url in log.dom["jax_links"]]
    assert links, "no page links a JAX name"
    assert all(url.startswith("https://docs.jax.dev/en/latest/") for url in links)
