"""Every page of the built site, loaded once in Chromium: clean, complete and offline."""

import json
import re

from tests.browser.browsing import SCREENSHOTS, SPECIAL_PAGES, goto

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


def test_every_page_has_one_viewport_tag(crawl):
    counts = {path: log.dom["viewports"] for path, log in crawl.items()}
    assert all(count == 1 for count in counts.values()), counts


def test_formulas_render_as_mathml_with_no_script(crawl):
    """Formulas are MathML written at build time (sphinxext/mathml.py): each one renders with a
    width in Chromium, no TeX is left in the prose, and no page loads MathJax."""
    formulas = {path: log.dom["formulas"] for path, log in crawl.items() if log.dom["formulas"]}
    assert {"transformations/grad.html", "control_flow/loops.html"} <= set(formulas)
    broken = {path: [f for f in found if not (f["mathml"] and f["width"] > 0)]
              for path, found in formulas.items()}
    assert not any(broken.values()), listing(broken)
    raw = {path: log.dom["raw_tex"] for path, log in crawl.items() if log.dom["raw_tex"]}
    assert not raw, listing(raw)
    mathjax = {path: log.dom["scripts"] for path, log in crawl.items()
               if any("mathjax" in src.lower() for src in log.dom["scripts"])}
    assert not mathjax, listing(mathjax)


def test_a_formula_reads_as_mathematics(new_page, server):
    """In E = k x^2 / 2 the exponent sits raised and smaller beside its base, as on paper."""
    page = new_page()
    goto(page, server, "transformations/grad.html")
    base, exponent = page.evaluate("""() => {
      const sup = [...document.querySelectorAll('article math msup')]
        .find(s => s.textContent.replace(/\\s+/g, '') === 'x2');
      return [...sup.children].map(c => {
        const r = c.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                size: parseFloat(getComputedStyle(c).fontSize)};
      });
    }""")
    assert exponent["left"] >= base["right"] - 1
    assert exponent["bottom"] < base["bottom"] and exponent["top"] < base["top"]
    assert exponent["size"] < base["size"]


def test_jax_names_in_prose_link_to_the_jax_reference(crawl):
    unlinked = {path: names for path, log in crawl.items()
                if (names := [n for n in log.dom["unlinked_code"] if JAX_NAME.match(n)])}
    assert not unlinked, listing(unlinked)
    links = [url for log in crawl.values() for url in log.dom["jax_links"]]
    assert links, "no page links a JAX name"
    assert all(url.startswith("https://docs.jax.dev/en/latest/") for url in links)
