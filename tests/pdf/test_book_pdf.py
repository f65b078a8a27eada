"""The book PDF that `nox -s pdf` printed (build/pdf/), read back and checked against the site.

Run by `nox -s pdf` after printing; on its own: `pytest tests/pdf` once build/pdf/ has the PDF.
The text and its positions come from PDFium (pypdfium2), the structure from pypdf."""

from __future__ import annotations

import re

import pytest

from pdf import PDF_PATH
from pdf.build import MARGINS_MM, MM, SITE, read_html, reading_order, site_versions, text_of

# A glyph's box may overhang its line's start or end a little (a "J" reaches left of its
# origin): 2 pt, less than half a character of the smallest code (8.2 pt DejaVu Sans Mono).
TOLERANCE_PT = 2.0
WHAT_WORKS_WHERE = "reference/what_works_where.html"


def squash(text: str) -> str:
    """Text without any whitespace: a title the PDF wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def reader():
    from pypdf import PdfReader

    if not PDF_PATH.is_file():
        pytest.fail(f"no book PDF at {PDF_PATH}: run `nox -s pdf`", pytrace=False)
    return PdfReader(PDF_PATH)


@pytest.fixture(scope="module")
def document(reader):
    import pypdfium2

    doc = pypdfium2.PdfDocument(PDF_PATH)
    yield doc
    doc.close()


@pytest.fixture(scope="module")
def texts(document) -> list[str]:
    """The text of each page, in order (index 0 is page 1)."""
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


@pytest.fixture(scope="module")
def entries():
    return reading_order(SITE)


@pytest.fixture(scope="module")
def pages_of(reader) -> dict[str, int]:
    """Each named destination (a page's or a section's anchor) -> its page number (1-based)."""
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def test_cover_names_the_book_its_jax_and_its_date(texts):
    jax_version, jaxlib_version = site_versions(SITE)
    cover = " ".join(texts[0].split())
    title = text_of(read_html(SITE / "index.html").select_one("article.bd-article h1"))
    assert title in cover
    assert f"with JAX {jax_version} and jaxlib {jaxlib_version} on CPU" in cover
    assert re.search(r"Built on \d{4}-\d\d-\d\d", cover)


def test_every_chapter_and_page_starts_its_own_page_in_reading_order(entries, pages_of, texts):
    assert len(entries) >= 10  # the site's chapters and their pages, read from its navigation
    previous = 0
    for entry in entries:
        page = pages_of[entry.anchor]
        assert page > previous, f"{entry.title!r} (page {page}) is not after page {previous}"
        head = squash(texts[page - 1])[:400]
        assert squash(entry.title) in head, f"{entry.title!r} does not open page {page}"
        if entry.number:
            assert squash(f"chapter {entry.number}") in head.lower()  # set in capitals
        previous = page


def test_contents_list_every_page_with_the_page_it_is_on(entries, pages_of, texts):
    first_page = pages_of["p-index"]  # "About this book", right after the contents
    lines = "\n".join(texts[1:first_page - 1]).splitlines()
    assert "Contents" in [line.strip() for line in lines]
    listed = [(squash(m[1]), int(m[2])) for line in lines
              if (m := re.fullmatch(r"\s*(.*\S)\s+(\d+)\s*", line))]
    wanted = [(squash(f"{e.number}{e.title}"), pages_of[e.anchor]) for e in entries]
    wanted.append((squash("Solutions to the exercises"), pages_of["solutions"]))
    assert [row for row in listed if row in wanted] == wanted


def printed_rows(rows, printed: str, where: str) -> None:
    """Each row's cells, in order, somewhere in `printed` (after the previous row's)."""
    position = 0
    for row in rows:
        cells = [squash(cell.get_text()) for cell in row.find_all(["th", "td"])]
        for cell in cells:
            found = printed.find(cell, position)
            assert found >= 0, f"what-works-where row {cells[0]!r} ({where}): {cell!r} missing"
            position = found + len(cell)


def test_what_works_where_rows_are_all_printed(entries, pages_of, texts):
    """The page's tables on its pages; the exercise's table (its solution) in the Solutions."""
    order = [e.path for e in entries]
    entry = entries[order.index(WHAT_WORKS_WHERE)]
    start = pages_of[entry.anchor]
    end = pages_of[entries[order.index(WHAT_WORKS_WHERE) + 1].anchor]
    rows = read_html(SITE / WHAT_WORKS_WHERE).select("article.bd-article table tbody tr")
    in_solution = [row for row in rows if row.find_parent("div", class_="tag_hide-cell")]
    on_page = [row for row in rows if row not in in_solution]
    assert len(on_page) >= 10
    printed_rows(on_page, squash(" ".join(texts[start - 1:end - 1])), "on its page")
    solution = pages_of.get(f"sol-{entry.anchor}")
    if in_solution:
        assert solution, "the page's exercise solution is not in the PDF"
        printed_rows(in_solution, squash(" ".join(texts[solution - 1:])), "in the Solutions")


def test_no_text_runs_past_the_printable_width(document):
    """Code and outputs wrap inside the text column: no character is printed in the margins
    (a cut or overflowing line would put characters there, or past the page edge)."""
    widest = 0.0
    overflows = []
    for index in range(len(document)):
        page = document[index]
        width, _ = page.get_size()
        left, right = MARGINS_MM["left"] * MM, width - MARGINS_MM["right"] * MM
        text = page.get_textpage()
        for i in range(text.count_rects()):
            x0, bottom, x1, top = text.get_rect(i)
            widest = max(widest, x1)
            if x0 < left - TOLERANCE_PT or x1 > right + TOLERANCE_PT:
                words = text.get_text_bounded(x0, bottom, x1, top).strip()
                overflows.append(f"page {index + 1}: x {x0:.1f}..{x1:.1f} pt outside "
                                 f"{left:.1f}..{right:.1f}: {words[:80]!r}")
    assert not overflows, "\n".join(overflows[:20])
    # The measure is real: full lines of prose reach the column's right edge.
    assert widest > right - 15, widest


def structure_figures(reader) -> list[tuple[str, int]]:
    """The tagged PDF's /Figure elements: (alternative text, page number)."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure" and node.get("/Alt") and node.get("/Pg"):
                found.append((" ".join(str(node["/Alt"]).split()),
                              reader.get_page_number(node["/Pg"].get_object()) + 1))
            if node.get("/K") is not None:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def drawing_operators(reader, page_number: int) -> int:
    """Path-painting operators on a page, in its content and in the forms it draws."""
    from pypdf.generic import ContentStream

    paths = {b"m", b"l", b"c", b"re", b"f", b"f*", b"S", b"B"}
    page = reader.pages[page_number - 1]
    count = sum(1 for _, op in ContentStream(page.get_contents(), reader).operations
                if op in paths)
    for xobject in (page["/Resources"].get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            count += sum(1 for _, op in ContentStream(xobject, reader).operations
                         if op in paths)
    return count


def test_every_figure_is_embedded_on_its_page(entries, reader):
    """Chromium draws the site's SVG figures as vector paths: each figure of the site is a
    /Figure of the tagged PDF, with the page's alternative text, on a page that draws it."""
    alts = []
    for entry in entries:
        article = read_html(SITE / entry.path).select_one("article.bd-article")
        alts += [" ".join(img["alt"].split()) for img in article.find_all("img", alt=True)
                 if "_images/" in img.get("src", "")]
    assert len(alts) >= 5
    figures = dict(structure_figures(reader))
    for alt in alts:
        assert alt in figures, f"figure not in the PDF: {alt[:70]!r}"
        assert drawing_operators(reader, figures[alt]) > 100, alt[:70]


def test_internal_links_land_on_a_destination(reader, pages_of):
    links = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link" or "/Dest" not in annotation:
                continue
            links += 1
            assert str(annotation["/Dest"]).lstrip("/") in pages_of, annotation["/Dest"]
    assert links > 100


def test_solutions_are_at_the_back_with_a_page_reference(entries, pages_of, texts):
    first = pages_of["solutions"]
    assert first > max(pages_of[e.anchor] for e in entries)
    referring = [t for t in texts[:first - 1] if "The solution is in the Solutions part" in t]
    assert len(referring) >= len([e for e in entries if e.level == 2]) // 2
    for match in re.finditer(r"Solutions part, page (\d+)", " ".join(texts[:first - 1])):
        assert int(match[1]) >= first


def test_home_page_offers_the_pdf_the_site_carries(reader):
    """`nox -s pdf` builds the site again after printing: the link is there, and the site's
    copy is this PDF."""
    from sphinxext.book_pdf import LINK_TEXT

    link = read_html(SITE / "index.html").find("a", string=LINK_TEXT)
    assert link is not None and link["href"] == PDF_PATH.name
    assert f"({len(reader.pages)} pages, " in link.parent.get_text()
    assert (SITE / PDF_PATH.name).read_bytes() == PDF_PATH.read_bytes()
