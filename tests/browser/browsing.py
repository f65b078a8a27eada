"""Helpers of the browser suite: where the built site is, how it is served and watched.

The suite tests what readers get: ``build/html`` (or ``$SITE_DIR``) after ``nox -s docs``.
A missing build is a failure, not a skip. The site is served under the path it is published
at (read from its sitemap), so absolute links such as the 404 page's resolve as when hosted.

Chromium: ``$CHROMIUM`` if set, else the system ``chromium`` (Debian's, used by CI), else
the browser Playwright manages (``python -m playwright install chromium``).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SITE_DIR", ROOT / "build" / "html")).resolve()
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots")).resolve()
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Generated pages that are not chapters; they are still loaded and checked.
SPECIAL_PAGES = ("genindex.html", "search.html", "404.html")


def require_site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: run `nox -s docs` first "
                    "(or point SITE_DIR at a built site)", pytrace=False)
    return SITE


def site_prefix(site: Path) -> str:
    """The path the site is published under, e.g. ``/repo/``; ``/`` without a sitemap."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return "/"
    locs = [el.text for el in ET.parse(sitemap).iter() if el.tag.endswith("loc")]
    # The home page is the shortest .../index.html; chapters have their own index.html.
    homes = sorted((loc for loc in locs if loc.endswith("/index.html")), key=len)
    return urlsplit(homes[0]).path.removesuffix("index.html") if homes else "/"


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the site, relative to its root (POSIX paths)."""
    skip = ("_static/", "_sources/", "_notebooks/", "_images/", "reports/")
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(skip))


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the site under ``prefix``; anything else is the site's 404 page, status 404."""

    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class PagesHandler(SiteHandler):
    """Serve as GitHub Pages does, for the audits: text files gzip-compressed when the browser
    accepts it, and every response with ``Cache-Control: max-age=600``."""

    COMPRESSED = (".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt", ".ipynb",
                  ".map", ".ttf", ".otf", ".eot")

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        file = Path(self.translate_path(self.path))
        if file.is_dir() and urlsplit(self.path).path.endswith("/"):
            file = file / "index.html"
        if (not file.is_file() or file.suffix not in self.COMPRESSED
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(file.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(file.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Server:
    origin: str  # http://127.0.0.1:PORT
    prefix: str  # /repo/ or /

    def url(self, path: str = "") -> str:
        return f"{self.origin}{self.prefix}{path}"


def serving(site: Path, handler_class: type[SiteHandler]):
    """Serve `site` on a free port of 127.0.0.1 under its Pages prefix; yield its Server."""
    handler = type("Handler", (handler_class,), {"prefix": site_prefix(site)})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", handler.prefix)
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class PageLog:
    """What one page did while loading: the evidence the offline and error checks read."""

    path: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    requests: int = 0
    dom: dict = field(default_factory=dict)
    axe: list[str] = field(default_factory=list)
    axe_dark: list[str] = field(default_factory=list)
    solutions: int = 0
    solution_problems: list[str] = field(default_factory=list)
    phone_overflow: list[int] | None = None


def watch(page, server: Server, log: PageLog) -> None:
    """Record console errors, failed and non-local requests of ``page`` into ``log``."""
    local = server.origin + "/"

    def on_request(request):
        log.requests += 1
        if not (request.url.startswith(local) or request.url.startswith(("data:", "blob:"))):
            log.external.append(request.url)

    def on_response(response):
        if response.status >= 400:
            log.failed.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda r: log.failed.append(f"{r.failure} {r.url}"))
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
    page.on("pageerror", lambda exc: log.console_errors.append(f"uncaught: {exc}"))


def block_external(context, server: Server) -> None:
    """Answer any non-local request with an error: nothing may leave the machine."""
    local = re.compile("^" + re.escape(server.origin) + "/")
    context.route(lambda url: not local.match(url) and not url.startswith(("data:", "blob:")),
                  lambda route: route.abort("blockedbyclient"))


def goto(page, server: Server, path: str) -> None:
    page.goto(server.url(path), wait_until="load")
    # Fonts finish after the load event: wait for them to settle.
    page.evaluate("async () => { await document.fonts.ready; }")


# Facts read from each loaded page: its formulas (rendered, or left as TeX), the inline code of the
# prose that is (or is not) a link to the JAX reference, the code cells and notebook links.
DOM_FACTS = """() => {
  const prose = [...document.querySelectorAll('article code.literal')]
    .filter(c => !c.closest('h1, h2, h3, h4, h5, h6, pre, .cell_output'));
  return {
    formulas: [...document.querySelectorAll('article math')].map(m => ({
      mathml: m instanceof MathMLElement,
      width: m.getBoundingClientRect().width,
    })),
    viewports: document.querySelectorAll('meta[name="viewport"]').length,
    scripts: [...document.scripts].map(s => s.src).filter(Boolean),
    raw_tex: [...document.querySelectorAll('article p, article li')]
             .map(p => p.textContent).filter(t => /\\$[^$]+\\$|\\\\(cdot|frac|cos)/.test(t)),
    unlinked_code: prose.filter(c => !c.closest('a')).map(c => c.textContent.trim()),
    jax_links: [...document.querySelectorAll('a.jax-api')].map(a => a.href),
    inputs: [...document.querySelectorAll('div.cell_input pre')].map(p => p.textContent),
    outputs: [...document.querySelectorAll('div.cell')].filter(c => c.querySelector('.cell_input'))
             .map(c => !!c.querySelector('.cell_output')),
    download: document.querySelector('.btn-download-executed-notebook-button')
              ?.getAttribute('href') ?? null,
    colab: document.querySelector('.btn-colab-button')?.getAttribute('href') ?? null,
  };
}"""

AXE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
AXE_RUN = """async (options) => {
  const result = await axe.run(document, options);
  return result.violations
    .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}x: `
              + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + ')');
}"""


def axe_violations(page, skip_rules=()) -> list[str]:
    """axe-core's violations of the page as it is now, of any impact (minor to critical), by
    its default rules: WCAG 2.x A and AA, and best practices."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE)
    # No preload: axe would re-fetch stylesheets itself (and resolve theme.css's
    # `@import "../basic.css"` against the wrong base); that is the audit's traffic, not a
    # reader's, and only the css-orientation-lock rule uses it.
    options = {"preload": False, "rules": {rule: {"enabled": False} for rule in skip_rules}}
    return page.evaluate(AXE_RUN, options)


def set_mode(page, mode: str) -> None:
    """Switch the loaded page to light or dark mode, as the theme's switcher does."""
    page.emulate_media(color_scheme=mode)
    page.evaluate("""async (mode) => {
      document.documentElement.dataset.theme = mode;
      document.documentElement.dataset.mode = mode;
      await new Promise(requestAnimationFrame);
      // The theme fades colours between modes: audit the colours it ends on, not mid-fade.
      await Promise.all(document.getAnimations().map(a => a.finished.catch(() => {})));
    }""", mode)


def check_solutions(page) -> list[str]:
    """Open every hidden solution; report any visible before opening or hidden after."""
    problems = []
    solutions = page.locator("details.hide:has(summary:has-text('Show solution'))")
    for index in range(solutions.count()):
        details = solutions.nth(index)
        code = details.locator("div.cell_input").first
        if code.is_visible():
            problems.append(f"solution {index} visible before opening")
        details.locator("summary").click()
        code.wait_for(state="visible", timeout=5_000)
        if details.locator("summary").inner_text().strip() != "Hide solution":
            problems.append(f"solution {index}: summary does not offer to hide it")
    return problems


def page_overflow(page, width: int) -> list[int] | None:
    """Page width at a ``width``-pixel viewport, when wider than the viewport."""
    page.set_viewport_size({"width": width, "height": 740})
    sizes = page.evaluate("() => [document.documentElement.scrollWidth,"
                          " document.body.scrollWidth, window.innerWidth]")
    return sizes if max(sizes[:2]) > sizes[2] else None


def chromium_executable() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    return shutil.which("chromium") or shutil.which("chromium-browser")
