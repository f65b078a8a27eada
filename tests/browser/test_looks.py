"""How the pages look: light and dark mode, a phone-sized screen, and an accessibility audit.

The screenshots (home page and one page per chapter, light and dark) are kept under
``build/screenshots/`` for a person to look at; the assertions check what can be measured.
"""

import pytest

from tests.browser.browsing import SCREENSHOTS, axe_violations, goto

CHAPTERS = ("transformations", "control_flow", "autodiff", "limits", "reference")
MODES = ("light", "dark")


def showcase(site, pages) -> dict[str, str]:
    """Home page plus one page per chapter, preferring a page with a figure, then with code."""
    chosen = {"home": "index.html"}
    for chapter in CHAPTERS:
        members = [p for p in pages if p.startswith(chapter + "/") and not p.endswith("index.html")]
        members = members or [f"{chapter}/index.html"]
        html = {p: (site / p).read_text(encoding="utf-8") for p in members}
        chosen[chapter] = next(
            (p for p in members if "cell_output" in html[p] and "<img" in html[p]),
            next((p for p in members if "cell_output" in html[p]), members[0]))
    return chosen


STYLE_FACTS = """() => {
  const bg = el => el && getComputedStyle(el).backgroundColor;
  const code = document.querySelector('div.cell_input pre, div.highlight pre');
  const figures = [...document.querySelectorAll('div.cell_output img')].map(img => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    return [...context.getImageData(1, 1, 1, 1).data];
  });
  return {theme: document.documentElement.dataset.theme, body: bg(document.body),
          code: code && bg(code.closest('div.highlight') || code), figures};
}"""


@pytest.fixture(scope="module")
def styles(site, pages, new_page, server):
    """Screenshot the showcase pages in both modes; return their measured styles."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    facts = {}
    for name, path in showcase(site, pages).items():
        for mode in MODES:
            page = new_page(theme=mode, color_scheme=mode)
            goto(page, server, path)
            page.screenshot(path=SCREENSHOTS / f"{name}-{mode}.png", full_page=True)
            facts[name, mode] = page.evaluate(STYLE_FACTS)
            facts[name, mode]["axe"] = axe_violations(page)
    return facts


def test_both_modes_are_applied_and_differ(styles):
    for (name, mode), facts in styles.items():
        assert facts["theme"] == mode, name
    for name in {name for name, _ in styles}:
        assert styles[name, "light"]["body"] != styles[name, "dark"]["body"], name


def test_code_is_restyled_for_dark_mode(styles):
    with_code = [name for (name, mode), f in styles.items() if mode == "light" and f["code"]]
    assert with_code, "no showcase page has code"
    for name in with_code:
        assert styles[name, "light"]["code"] != styles[name, "dark"]["code"], name


def test_figures_have_an_opaque_white_background(styles):
    figures = [(key, rgba) for key, facts in styles.items() for rgba in facts["figures"]]
    assert figures, "no showcase page has a figure"
    for key, (red, green, blue, alpha) in figures:
        assert alpha == 255 and min(red, green, blue) >= 245, key


def test_screenshots_are_written(styles):
    for name, mode in styles:
        shot = SCREENSHOTS / f"{name}-{mode}.png"
        assert shot.stat().st_size > 10_000, shot


def test_phone_screen_has_no_horizontal_scrolling(crawl):
    wide = {path: log.phone_overflow for path, log in crawl.items() if log.phone_overflow}
    assert not wide, f"[page width, body width, viewport width]: {wide}"


def test_accessibility_of_every_page_in_both_modes(crawl):
    """axe-core, every default rule and impact, on every page in light and in dark mode."""
    found = {f"{path} ({mode})": violations for path, log in crawl.items()
             for mode, violations in (("light", log.axe), ("dark", log.axe_dark)) if violations}
    assert not found, found


def test_accessibility_including_contrast_in_both_modes(styles):
    found = {f"{name} ({mode})": facts["axe"] for (name, mode), facts in styles.items()
             if facts["axe"]}
    assert not found, found


def test_every_page_is_screenshotted_on_a_phone_and_a_desktop_in_both_modes(pages, new_page,
                                                                            server):
    """For a person to look at: build/screenshots/pages/<page>-<width>-<mode>.png."""
    folder = SCREENSHOTS / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        for mode in MODES:
            page = new_page(width=width, height=844, theme=mode, color_scheme=mode)
            for path in pages:
                goto(page, server, path)
                shot = folder / f"{path.removesuffix('.html').replace('/', '_')}-{width}-{mode}.png"
                page.screenshot(path=shot, full_page=True)
                assert shot.stat().st_size > 5_000, shot
            page.context.close()


ICONS_SHOWN = """() => {
  const icons = [];
  for (const element of document.querySelectorAll('body *')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      // content is a string, maybe followed by alternative text: "\\f0c9" / ""
      const first = style.content.match(/^"(?:[^"\\\\]|\\\\.)*"/);
      if (!style.fontFamily.includes('Font Awesome') || !first) continue;
      const text = JSON.parse(first[0]);
      if (text) icons.push({family: style.fontFamily, weight: style.fontWeight,
                            point: text.codePointAt(0), element: element.className});
    }
  }
  return icons;
}"""


def test_every_icon_shown_has_its_glyph_in_the_font(site, new_page, server):
    """Font Awesome is cut to the icons the site uses (sphinxext/icon_font.py): each icon a page
    draws (menu, search, colour mode, arrows, download, admonitions), on a phone and a desktop,
    is a glyph of the font its face loads, not a missing-glyph box."""
    from fontTools.ttLib import TTFont

    fonts = site / "_static" / "vendor" / "fontawesome" / "webfonts"
    cmaps = {(family, weight): set(TTFont(fonts / name).getBestCmap() or ())
             for family, weight, name in [("Free", "900", "fa-solid-900.woff2"),
                                          ("Free", "400", "fa-regular-400.woff2"),
                                          ("Brands", "400", "fa-brands-400.woff2")]}
    assert (fonts / "fa-solid-900.woff2").stat().st_size < 10_000  # cut down, not the 115 KB
    missing, shown = [], 0
    for size in ({"width": 390, "height": 844}, {"width": 1280, "height": 900}):
        for path in ("index.html", "autodiff/autodiff_api.html", "search.html", "404.html"):
            page = new_page(**size)
            goto(page, server, path)
            for icon in page.evaluate(ICONS_SHOWN):
                shown += 1
                family = "Brands" if "Brands" in icon["family"] else "Free"
                if icon["point"] not in cmaps[family, icon["weight"]]:
                    missing.append(f"{path} at {size['width']} px: U+{icon['point']:X} "
                                   f"({family} {icon['weight']}) on .{icon['element']}")
            page.context.close()
    assert shown > 40, shown
    assert not missing, missing
