"""sphinxext.sitemap: every page at its published address, also after an incremental build."""

import xml.etree.ElementTree as ET

from sphinxext.sitemap import sitemap_xml
from tests.sphinxext.sphinx_site import build_site

BASE = "https://someone.github.io/book/"


def locs(text: str) -> list[str]:
    return [el.text for el in ET.fromstring(text).iter() if el.tag.endswith("loc")]


def test_addresses_join_the_base_and_are_escaped():
    xml = sitemap_xml("https://someone.github.io/book", ["index.html", "a&b/page.html"])
    assert locs(xml) == [BASE + "index.html", BASE + "a&b/page.html"]


def test_incremental_build_still_lists_every_page(tmp_path):
    conf = f'extensions = ["sphinxext.sitemap"]\nhtml_baseurl = "{BASE}"\n'
    pages = {"index.rst": "Home\n====\n\n.. toctree::\n\n   ch/one\n   ch/two\n",
             "ch/one.rst": "One\n===\n", "ch/two.rst": "Two\n===\n"}
    status, out, warnings = build_site(tmp_path, conf, pages, strict=True)
    assert status == 0, warnings
    (tmp_path / "src" / "ch" / "two.rst").write_text("Two, edited\n===========\n")
    status, out, warnings = build_site(tmp_path, conf, {}, strict=True, fresh=False)
    assert status == 0, warnings
    assert sorted(locs((out / "sitemap.xml").read_text())) == [
        BASE + "ch/one.html", BASE + "ch/two.html", BASE + "index.html"]
