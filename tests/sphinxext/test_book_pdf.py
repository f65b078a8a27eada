"""sphinxext.book_pdf: the "Download the book (PDF)" link exists exactly when the PDF does."""

from pypdf import PdfWriter

from sphinxext.book_pdf import LINK_TEXT
from tests.sphinxext.sphinx_site import build_site

PAGES = {"index.rst": "Home\n====\n\n.. book-pdf::\n\n.. toctree::\n\n   ch/one\n",
         "ch/one.rst": "One\n===\n\n.. book-pdf::\n"}


def write_pdf(path, pages: int) -> None:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as file:
        writer.write(file)


def test_link_and_copy_follow_the_pdf(tmp_path):
    pdf = tmp_path / "book.pdf"
    conf = f'extensions = ["sphinxext.book_pdf"]\nbook_pdf_path = {str(pdf)!r}\n'

    status, out, warnings = build_site(tmp_path, conf, PAGES, strict=True)
    assert status == 0, warnings
    assert LINK_TEXT not in (out / "index.html").read_text()
    assert not (out / "book.pdf").exists()

    write_pdf(pdf, 3)  # the PDF appears: both pages are read again, with the link
    status, out, warnings = build_site(tmp_path, conf, {}, strict=True, fresh=False)
    assert status == 0, warnings
    home, page = (out / "index.html").read_text(), (out / "ch" / "one.html").read_text()
    assert f'href="book.pdf">{LINK_TEXT}</a> (3 pages, ' in home
    assert f'href="../book.pdf">{LINK_TEXT}</a> (3 pages, ' in page
    assert (out / "book.pdf").read_bytes() == pdf.read_bytes()

    write_pdf(pdf, 5)  # a new print: the count follows, the copy is replaced
    status, out, warnings = build_site(tmp_path, conf, {}, strict=True, fresh=False)
    assert status == 0, warnings
    assert "(5 pages, " in (out / "index.html").read_text()
    assert (out / "book.pdf").read_bytes() == pdf.read_bytes()

    pdf.unlink()  # gone again: no link to a missing file, and no stale copy
    status, out, warnings = build_site(tmp_path, conf, {}, strict=True, fresh=False)
    assert status == 0, warnings
    assert LINK_TEXT not in (out / "index.html").read_text()
    assert not (out / "book.pdf").exists()
