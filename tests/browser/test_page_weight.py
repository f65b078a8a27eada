"""What a phone downloads before it can paint a page, in bytes as GitHub Pages sends them.

Before its first paint a browser needs the page itself, every stylesheet in its ``<head>`` and
what is preloaded (the icon font). On a slow connection their size is the first paint's
delay, and unlike a Lighthouse score it does not change with how busy the machine is: this is
the performance budget asserted on every page. (Lighthouse's scores are recorded by
``nox -s audit`` in build/audit/lighthouse.json.)
"""

import gzip
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from tests.browser.browsing import site_prefix

# Compressed bytes before first paint. Before the themes' stylesheets were pruned
# (sphinxext/unused_css.py) and the icon font cut (sphinxext/icon_font.py), the jit page
# needed 212 KB: 65 KB of pydata-sphinx-theme.css and 115 KB of font.
FIRST_PAINT_BUDGET = 60_000
STYLESHEETS_BUDGET = 40_000


def first_paint_files(site, path):
    """{file: "stylesheet" or "preload"} for what ``path`` needs before its first paint."""
    prefix = site_prefix(site)  # 404.html links from the site's root: /repo/_static/...
    soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    links = soup.head.find_all("link", rel=["stylesheet", "preload"])
    files = {}
    for link in links:
        if "preload" in link["rel"] and link.get("as") == "script":
            continue  # deferred scripts run after the first paint
        target = urlsplit(urljoin(prefix + path, link["href"])).path
        assert target.startswith(prefix), (path, link["href"])
        target = target[len(prefix):]
        files[target] = link["rel"][0]
    return files


def compressed(file):
    if file.suffix in {".woff2", ".png"}:
        return file.stat().st_size  # already compressed: served as they are
    return len(gzip.compress(file.read_bytes(), compresslevel=6))


def test_every_page_paints_within_its_byte_budget(site, pages):
    over, stylesheets_over, largest = {}, {}, 0
    for path in pages:
        files = first_paint_files(site, path)
        assert any(target.endswith("pydata-sphinx-theme.css") for target in files), path
        sizes = {target: compressed(site / target) for target in files}
        styles = sum(size for target, size in sizes.items() if files[target] == "stylesheet")
        total = compressed(site / path) + sum(sizes.values())
        largest = max(largest, total)
        if total > FIRST_PAINT_BUDGET:
            over[path] = total
        if styles > STYLESHEETS_BUDGET:
            stylesheets_over[path] = styles
    assert not over, f"over {FIRST_PAINT_BUDGET} bytes before first paint: {over}"
    assert not stylesheets_over, f"stylesheets over {STYLESHEETS_BUDGET}: {stylesheets_over}"
    assert largest > 20_000  # the measure is real: a page and its stylesheets
