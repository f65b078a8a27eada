"""Print the built site as one book PDF: `python -m pdf.build` (what `nox -s pdf` runs).

1. The reading order comes from the build: the home page's navigation (the toctree, with its
   chapters and their pages), checked against the chain of "next" links the pages carry.
2. Each page's article (no sidebars, buttons or search) goes into one HTML document,
   `build/pdf/book.html`, behind a cover and a table of contents. Every id is prefixed with its
   page's anchor and every link between pages points at the anchor inside the book; links to
   anything the book does not contain (notebooks, the index) point at the published site.
3. Exercise solutions, folded on the site, move to a "Solutions" part at the end of the book:
   on paper a folded answer cannot stay folded, and printed right under its question it would
   be read before the reader has tried. Each exercise says on which page its solution is, and
   each solution links back. Other folded cells (code hidden above a figure) print unfolded.
4. Chromium (the browser tests' own, `CHROMIUM` or `chromium` on PATH) prints that document
   with print CSS (`pdf/print.css`): code and outputs wrap, never cut at the page edge.
   The table of contents' page numbers come from the printed PDF itself: print, read on which
   page each heading landed (the PDF's named destinations), fill the numbers in, print again,
   until the numbers no longer change.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import http.server
import io
import os
import posixpath
import re
import shutil
import sys
import threading
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from pdf import PDF_DIR, PDF_PATH, ROOT

SITE = ROOT / "build" / "html"
CSS = Path(__file__).with_name("print.css")
BOOK_HTML = PDF_DIR / "book.html"

# The paper: A4, and the margins the print CSS and the tests' width check share (millimetres).
PAGE_SIZE = "A4"
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
MARGINS_MM = {"top": 20.0, "right": 18.0, "bottom": 22.0, "left": 18.0}
MM = 72 / 25.4  # PDF points per millimetre

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Every page-number reference in the book: TOC entries, "Solution: page N", "Exercise: page N".
PAGEREF = "pageref"
SOLUTIONS_ANCHOR = "solutions"


@dataclass
class Entry:
    """One page of the site in reading order."""

    path: str  # relative to the site, POSIX: "control_flow/branches.html"
    title: str
    level: int  # 1: a chapter's opening page, 2: a page of a chapter
    number: str = ""  # "2" for the second numbered chapter; "" for unnumbered ones
    anchor: str = ""
    ids: set[str] = field(default_factory=set)

    def __post_init__(self):
        self.anchor = self.anchor or page_anchor(self.path)


def page_anchor(path: str) -> str:
    return "p-" + re.sub(r"[^A-Za-z0-9]+", "-", path.removesuffix(".html")).strip("-")


def read_html(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(tag) -> str:
    """A heading's words, without its "#" permalink, spaces normalised."""
    words = []
    for piece in tag.find_all(string=True):
        if piece.find_parent("a", class_="headerlink") is None:
            words.append(str(piece))
    return " ".join("".join(words).split())


def page_title(site: Path, path: str) -> str:
    return text_of(read_html(site / path).select_one("article.bd-article h1"))


def next_chain(site: Path, start: str = "index.html") -> list[str]:
    """The pages in the order their "next" buttons lead, from the home page on."""
    chain = [start]
    while True:
        link = read_html(site / chain[-1]).select_one("a.right-next")
        if link is None:
            return chain
        nxt = posixpath.normpath(posixpath.join(posixpath.dirname(chain[-1]),
                                                urlsplit(link["href"]).path))
        if nxt in chain:
            raise SystemExit(f"pdf: the 'next' links loop back to {nxt}")
        chain.append(nxt)


def reading_order(site: Path = SITE) -> list[Entry]:
    """Chapters and their pages as the built site's navigation lists them (toctree order).

    Chapters of a captioned toctree ("Chapters") are numbered 1, 2, ...; those of an uncaptioned
    one (the Reference part) are not, as on the home page."""
    nav = read_html(site / "index.html").select_one("nav.bd-links")
    if nav is None:
        raise SystemExit(f"pdf: {site / 'index.html'} has no navigation: is this the built site?")
    entries, chapters = [], 0
    for item in nav.find_all("li", class_=re.compile(r"^toctree-l\d$")):
        level = int(next(c for c in item["class"] if c.startswith("toctree-l"))[len("toctree-l"):])
        if level > 2:
            continue
        path = posixpath.normpath(urlsplit(item.find("a")["href"]).path)
        number = ""
        if level == 1:
            group = item.find_parent("ul", class_="bd-sidenav")
            caption = group.find_previous_sibling() if group is not None else None
            if caption is not None and "caption" in (caption.get("class") or []):
                chapters += 1
                number = str(chapters)
        entries.append(Entry(path, page_title(site, path), level, number))
    chain = next_chain(site)
    if chain[1:] != [e.path for e in entries]:
        raise SystemExit("pdf: the navigation and the pages' 'next' links disagree on the order:\n"
                         f"  navigation: {[e.path for e in entries]}\n  next links: {chain[1:]}")
    return entries


def site_versions(site: Path) -> tuple[str, str]:
    """JAX and jaxlib versions as the built site states them (its footer), else installed."""
    match = re.search(r"with JAX ([\w.+-]+) and jaxlib ([\w.+-]+)",
                      (site / "index.html").read_text(encoding="utf-8"))
    if match:
        return match[1], match[2]
    return metadata.version("jax"), metadata.version("jaxlib")


def build_date() -> datetime.date:
    """Today (UTC), or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch
              else datetime.datetime.now(datetime.UTC))
    return moment.date()


class Book:
    """The combined HTML document, assembled from the built pages."""

    def __init__(self, site: Path, out_dir: Path):
        from bs4 import BeautifulSoup

        self.site, self.out_dir = site, out_dir
        self.entries = reading_order(site)
        self.by_path = {e.path: e for e in self.entries}
        self.home = read_html(site / "index.html")
        canonical = self.home.find("link", rel="canonical")
        self.base_url = (urljoin(canonical["href"], ".") if canonical is not None else "")
        self.soup = BeautifulSoup("<!DOCTYPE html><html lang='en' data-theme='light'>"
                                  "<head></head><body></body></html>", "html.parser")
        self.solutions: list = []
        self.unresolved: list[str] = []
        self.figures = 0
        self.print_note = None

    # --- links and ids ---------------------------------------------------------------
    def target(self, page: str, href: str) -> str:
        """Where a link of `page` should point inside the book (or on the published site)."""
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return href
        path = (posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
                if parts.path else page)
        entry = self.by_path.get(path)
        if entry is None:
            return urljoin(self.base_url, path + (f"#{parts.fragment}" if parts.fragment else ""))
        if not parts.fragment:
            return f"#{entry.anchor}"
        if parts.fragment not in entry.ids:
            self.unresolved.append(f"{page}: {href}")
            return f"#{entry.anchor}"
        return f"#{entry.anchor}--{parts.fragment}"

    def local_file(self, page: str, src: str) -> str:
        """An image's address relative to the book's HTML (both served from build/)."""
        if urlsplit(src).scheme:
            return src
        path = self.site / posixpath.normpath(posixpath.join(posixpath.dirname(page), src))
        return os.path.relpath(path, self.out_dir).replace(os.sep, "/")

    # --- one page --------------------------------------------------------------------
    def article(self, entry: Entry):
        page = read_html(self.site / entry.path)
        article = page.select_one("article.bd-article")
        for chrome in article.select("a.headerlink, script, button, noscript, form, nav, "
                                     ".copybtn, .toggle-details, .header-article, p.book-pdf"):
            chrome.decompose()
        return article

    def rewrite(self, entry: Entry, article) -> None:
        for tag in article.find_all(id=True):
            tag["id"] = f"{entry.anchor}--{tag['id']}"
        for attribute in ("aria-labelledby", "aria-describedby", "aria-controls", "for"):
            for tag in article.find_all(attrs={attribute: True}):
                tag[attribute] = " ".join(f"{entry.anchor}--{v}" for v in tag[attribute].split())
        for link in article.find_all("a", href=True):
            if "pageref-link" not in (link.get("class") or []):  # made for the book
                link["href"] = self.target(entry.path, link["href"])
        for image in article.find_all("img", src=True):
            image["src"] = self.local_file(entry.path, image["src"])
            image["loading"] = "eager"
            if "_images/" in image["src"]:
                self.figures += 1

    def fold_out(self, entry: Entry, article) -> None:
        """Exercise solutions to the Solutions part; every folded cell unfolded. After
        `rewrite`: the moved solutions keep their page's ids and links."""
        for heading in article.find_all("h2"):
            section = heading.find_parent("section")
            if section is None or not text_of(heading).lower().startswith("exercise"):
                continue
            parts = section.select("div.cell.tag_hide-cell, div.solution-discussion")
            if not parts:
                continue
            anchor = f"sol-{entry.anchor}"
            back = section.get("id") or entry.anchor  # ids already carry the page's anchor
            note = self.soup.new_tag("p", attrs={"class": "solution-ref"})
            note.append("The solution is in the Solutions part, ")
            note.append(self.pageref(anchor, "page "))
            note.append(".")
            parts[0].insert_before(note)
            solution = self.soup.new_tag("section", attrs={"class": "solution", "id": anchor})
            title = self.soup.new_tag("h2")
            title.append(entry.title)
            solution.append(title)
            ref = self.soup.new_tag("p", attrs={"class": "solution-back"})
            ref.append("The exercise: ")
            ref.append(self.pageref(back, "page "))
            ref.append(".")
            solution.append(ref)
            for part in parts:
                solution.append(part.extract())
            self.unfold(solution)
            self.solutions.append(solution)
        self.unfold(article)

    @staticmethod
    def unfold(tree) -> None:
        for details in tree.find_all("details"):
            # A plain box: an open <details> would still print its toggle, or "Details".
            for summary in details.find_all("summary", recursive=False):
                summary.decompose()
            details.name = "div"
            details["class"] = [*(details.get("class") or []), "unfolded"]

    def pageref(self, anchor: str, prefix: str = ""):
        link = self.soup.new_tag("a", href=f"#{anchor}", attrs={"class": "pageref-link"})
        link.append(prefix)
        number = self.soup.new_tag("span", attrs={"class": PAGEREF, "data-target": anchor})
        number.append("000")
        link.append(number)
        return link

    def demote(self, article, by: int) -> None:
        """A chapter is h1 in the book, its pages h2, their sections h3..."""
        if by <= 0:
            return
        for heading in article.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(6, int(heading.name[1]) + by)}"

    # --- the whole book --------------------------------------------------------------
    def assemble(self) -> str:
        for entry in self.entries:
            entry.ids = {t["id"] for t in read_html(self.site / entry.path)
                         .select_one("article.bd-article").find_all(id=True)}
        head, body = self.soup.head, self.soup.body
        head.append(self.soup.new_tag("meta", charset="utf-8"))
        title = self.soup.new_tag("title")
        title.append(text_of(self.home.select_one("article.bd-article h1")))
        head.append(title)
        for css in ("_static/pygments.css",):
            head.append(self.soup.new_tag("link", rel="stylesheet",
                                          href=self.local_file("index.html", css)))
        style = self.soup.new_tag("style")
        style.append(self.page_css() + CSS.read_text(encoding="utf-8"))
        head.append(style)
        self.mathjax(head)

        body.append(self.cover())
        contents = self.soup.new_tag("nav", attrs={"class": "toc", "id": "contents"})
        body.append(contents)
        preface = self.preface()
        body.append(preface)

        chapter = None
        for entry in self.entries:
            article = self.article(entry)
            self.rewrite(entry, article)
            self.fold_out(entry, article)
            self.demote(article, entry.level - 1)
            wrapper = self.soup.new_tag("section", attrs={
                "class": "book-chapter" if entry.level == 1 else "book-page",
                "id": entry.anchor})
            heading = article.find(re.compile(r"^h[12]$"))
            if entry.number and heading is not None:
                number = self.soup.new_tag("span", attrs={"class": "chapter-number"})
                number.append(f"Chapter {entry.number}")
                heading.insert(0, number)
            for child in list(article.children):
                wrapper.append(child.extract())
            if entry.level == 1:
                chapter = wrapper
                body.append(wrapper)
            else:
                (chapter or body).append(wrapper)

        if not self.solutions:
            self.print_note.decompose()  # it points at the Solutions part
        else:
            part = self.soup.new_tag("section", attrs={"class": "book-chapter solutions",
                                                       "id": SOLUTIONS_ANCHOR})
            heading = self.soup.new_tag("h1")
            heading.append("Solutions to the exercises")
            part.append(heading)
            for solution in self.solutions:
                part.append(solution)
            body.append(part)

        self.contents(contents, preface)
        return str(self.soup)

    def page_css(self) -> str:
        m = MARGINS_MM
        return (f"@page {{ size: {PAGE_SIZE}; margin: {m['top']}mm {m['right']}mm "
                f"{m['bottom']}mm {m['left']}mm; }}\n")

    def mathjax(self, head) -> None:
        """The site's own offline MathJax, with its configuration, typesets the formulas."""
        for entry in self.entries:
            page = read_html(self.site / entry.path)
            script = page.find("script", src=re.compile("mathjax", re.I))
            if script is None:
                continue
            for config in page.find_all("script", src=False):
                if "window.MathJax" in config.get_text():
                    tag = self.soup.new_tag("script")
                    tag.append(config.get_text())
                    head.append(tag)
            head.append(self.soup.new_tag("script", defer="defer", src=self.local_file(
                entry.path, urlsplit(script["src"]).path)))
            return

    def cover(self):
        jax_version, jaxlib_version = site_versions(self.site)
        cover = self.soup.new_tag("section", attrs={"class": "cover", "id": "cover"})
        title = self.soup.new_tag("h1", attrs={"class": "book-title"})
        title.append(text_of(self.home.select_one("article.bd-article h1")))
        cover.append(title)
        first = self.home.select_one("article.bd-article section > p")
        if first is not None:
            blurb = self.soup.new_tag("p", attrs={"class": "blurb"})
            blurb.append(" ".join(first.get_text().split()))
            cover.append(blurb)
        edition = self.soup.new_tag("p", attrs={"class": "edition"})
        edition.append(f"Built on {build_date().isoformat()} with JAX {jax_version} and "
                       f"jaxlib {jaxlib_version} on CPU. Every output in this book was computed "
                       "when it was built.")
        cover.append(edition)
        if self.base_url:
            online = self.soup.new_tag("p", attrs={"class": "online"})
            online.append("Online: ")
            link = self.soup.new_tag("a", href=self.base_url)
            link.append(self.base_url)
            online.append(link)
            cover.append(online)
        return cover

    def preface(self):
        """The home page's text, without its title and its chapter cards (the contents do)."""
        article = read_html(self.site / "index.html").select_one("article.bd-article")
        for chrome in article.select("a.headerlink, script, button, p.book-pdf"):
            chrome.decompose()
        article.find("h1").decompose()
        for cards in article.select(".chapter-cards"):
            section = cards.find_parent("section")
            (section if section is not None and section.find("h2") else cards).decompose()
        home = Entry("index.html", "About this book", 1, anchor=page_anchor("index.html"))
        home.ids = {t["id"] for t in article.find_all(id=True)}
        self.by_path["index.html"] = home
        self.rewrite(home, article)
        preface = self.soup.new_tag("section", attrs={"class": "book-chapter preface",
                                                      "id": home.anchor})
        heading = self.soup.new_tag("h1")
        heading.append(home.title)
        preface.append(heading)
        for child in list(article.find("section").children if article.find("section")
                          else article.children):
            preface.append(child.extract())
        note = self.soup.new_tag("p", attrs={"class": "print-note"})
        note.append("In this printed edition nothing is folded: code the site hides above a "
                    "figure is printed with it, and the exercises' solutions are at the end of "
                    "the book, in ")
        note.append(self.pageref(SOLUTIONS_ANCHOR, "Solutions to the exercises, page "))
        note.append(". Links between pages lead to the page inside this book; links to "
                    "notebooks and to other sites lead to the web.")
        preface.append(note)
        self.print_note = note
        return preface

    def contents(self, nav, preface) -> None:
        heading = self.soup.new_tag("h1")
        heading.append("Contents")
        nav.append(heading)
        items = self.soup.new_tag("ol")
        rows = [("toc-1", "", "About this book", preface["id"])]
        rows += [(f"toc-{e.level}", e.number, e.title, e.anchor) for e in self.entries]
        if self.solutions:
            rows.append(("toc-1", "", "Solutions to the exercises", SOLUTIONS_ANCHOR))
        for css_class, number, title, anchor in rows:
            item = self.soup.new_tag("li", attrs={"class": css_class})
            link = self.soup.new_tag("a", href=f"#{anchor}", attrs={"class": "toc-title"})
            if number:
                label = self.soup.new_tag("span", attrs={"class": "toc-number"})
                label.append(number)
                link.append(label)
            link.append(title)
            item.append(link)
            item.append(self.soup.new_tag("span", attrs={"class": "leader"}))
            number_link = self.soup.new_tag("a", href=f"#{anchor}", attrs={"class": "toc-page"})
            page = self.soup.new_tag("span", attrs={"class": PAGEREF, "data-target": anchor})
            page.append("000")
            number_link.append(page)
            item.append(number_link)
            items.append(item)
        nav.append(items)


# --- printing --------------------------------------------------------------------------
def chromium_executable() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser") or shutil.which("google-chrome")
    if not found:
        raise SystemExit("pdf: no Chromium found: install it (Debian/Ubuntu: "
                         "`apt-get install chromium`) or set CHROMIUM to a Chromium or Chrome")
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def destination_pages(data: bytes) -> dict[str, int]:
    """Named destination -> page number (1-based) in a PDF Chromium printed."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


FILL_NUMBERS = """numbers => {
  for (const span of document.querySelectorAll('.pageref')) {
    const n = numbers[span.dataset.target];
    span.textContent = n === undefined ? '000' : String(n);
  }
}"""
READY = """async () => {
  await document.fonts.ready;
  const images = [...document.images];
  await Promise.all(images.map(i => i.complete ? null : i.decode().catch(() => null)));
  if (window.MathJax && window.MathJax.startup) { await window.MathJax.startup.promise; }
  const broken = [...document.images].filter(i => !i.naturalWidth).map(i => i.src);
  return broken;
}"""


def render(book_html: Path, serve_root: Path, out: Path, rounds: int = 4) -> dict[str, int]:
    """Print book_html with Chromium until its page references agree with the print."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(serve_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(),
                                                 args=CHROMIUM_ARGS)
            context = browser.new_context()
            # Offline by design: anything not served from build/ is refused.
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith(origin) else route.abort())
            page = context.new_page()
            page.goto(f"{origin}/{book_html.relative_to(serve_root).as_posix()}",
                      wait_until="load", timeout=180_000)
            page.emulate_media(media="print")
            broken = page.evaluate(READY)
            if broken:
                raise SystemExit(f"pdf: images that did not load: {broken}")
            targets = set(page.evaluate(
                "() => [...document.querySelectorAll('.pageref')].map(s => s.dataset.target)"))
            numbers: dict[str, int] = {}
            for _ in range(rounds):
                page.evaluate(FILL_NUMBERS, numbers)
                data = page.pdf(format=PAGE_SIZE, print_background=True, outline=True,
                                tagged=True, prefer_css_page_size=True)
                found = destination_pages(data)
                missing = sorted(targets - found.keys())
                if missing:
                    raise SystemExit(f"pdf: no destination in the PDF for {missing[:5]}")
                placed = {t: found[t] for t in targets}
                if placed == numbers:
                    break
                numbers = placed
            else:
                raise SystemExit(f"pdf: page numbers still moving after {rounds} prints")
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, default=SITE, help="the built site (build/html)")
    parser.add_argument("--output", type=Path, default=PDF_PATH, help="the PDF to write")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"pdf: no built site at {args.site}: run `nox -s docs` first")
    out_dir = args.output.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    book = Book(args.site, out_dir)
    html = book.assemble()
    if book.unresolved:
        raise SystemExit("pdf: links to anchors the book does not have:\n  "
                         + "\n  ".join(book.unresolved))
    book_html = out_dir / BOOK_HTML.name
    book_html.write_text(html, encoding="utf-8")
    serve_root = Path(os.path.commonpath([args.site.resolve(), out_dir.resolve()]))
    numbers = render(book_html.resolve(), serve_root, args.output)
    from pypdf import PdfReader

    pages = len(PdfReader(args.output).pages)
    size = args.output.stat().st_size
    print(f"pdf: {args.output} — {pages} pages, {size / 1e6:.1f} MB, "
          f"{len(book.entries)} site pages, {book.figures} figures, "
          f"{len(book.solutions)} solutions, {len(numbers)} page references")
    return 0


if __name__ == "__main__":
    sys.exit(main())
