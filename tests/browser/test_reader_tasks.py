"""What readers do on the site, each as a test that the defects of issue 16 would have failed.

On a phone the menu and the Contents button open the navigation; no page scrolls sideways at
any width; tables stay readable in dark mode; previous/next titles are whole; error outputs
wrap; names in tables are not broken inside a word; exercise discussions stay folded; every
request, the favicon included, succeeds.
"""

import re

import pytest

from tests.browser.browsing import PageLog, goto, watch

PHONE = {"width": 390, "height": 844}
WIDTHS = (320, 360, 390, 768, 1024, 1100, 1199, 1280, 1440)
NAV_PAGES = ("index.html", "control_flow/loops.html", "reference/what_works_where.html")


def visible_one(page, selector):
    buttons = [b for b in page.locator(selector).all() if b.is_visible()]
    assert len(buttons) == 1, f"{len(buttons)} visible {selector}"
    return buttons[0]


@pytest.mark.parametrize("path", NAV_PAGES)
def test_phone_menu_button_opens_the_chapter_navigation(new_page, server, path):
    page = new_page(**PHONE, has_touch=True, is_mobile=True)
    goto(page, server, path)
    nav = page.locator("#pst-primary-sidebar-modal nav.bd-docs-nav")
    assert not nav.is_visible()
    visible_one(page, ".primary-toggle").tap()
    nav.wait_for(state="visible", timeout=5_000)
    chapters = nav.locator("a.reference").all_inner_texts()
    assert "Control flow under jit" in chapters and "Limits of grad" in chapters, chapters
    page.keyboard.press("Escape")
    nav.wait_for(state="hidden", timeout=5_000)


def test_phone_contents_button_opens_the_page_toc(new_page, server):
    page = new_page(**PHONE, has_touch=True, is_mobile=True)
    goto(page, server, "control_flow/loops.html")
    toc = page.locator("#pst-secondary-sidebar-modal nav.page-toc")
    visible_one(page, ".secondary-toggle").tap()
    toc.wait_for(state="visible", timeout=5_000)
    headings = page.locator("article section > h2").all_inner_texts()
    entries = toc.locator("a").all_inner_texts()
    assert [e.strip() for e in entries[:len(headings)]] == [h.strip("#").strip()
                                                              for h in headings]


@pytest.mark.parametrize("width", (390, 1280))
def test_one_search_button_per_page(new_page, server, width):
    for path in ("control_flow/loops.html", "search.html"):
        page = new_page(width=width)
        goto(page, server, path)
        buttons = [b for b in page.locator("button.search-button, button.search-button-field,"
                                           " .search-button__button").all() if b.is_visible()]
        assert len(buttons) <= 1, f"{path} at {width}px: {len(buttons)} search buttons"


def test_no_page_scrolls_sideways_at_any_width(crawl_widths):
    wide = {path: found for path, found in crawl_widths.items() if found}
    assert not wide, f"page -> [(viewport width, pixels of sideways scroll)]: {wide}"


@pytest.fixture(scope="module")
def crawl_widths(pages, new_page, server):
    page = new_page()
    found = {}
    for path in pages:
        goto(page, server, path)
        found[path] = []
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            extra = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
            if extra > 0:
                found[path].append((width, extra))
    return found


# Relative luminance and contrast ratio (WCAG 2.x), of a text colour against the first opaque
# background behind it (walking up through transparent ones).
CONTRAST = """() => {
  const rgba = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const cell of document.querySelectorAll('article table th, article table td,'
                                              + ' article table caption')) {
    const leaves = [...cell.querySelectorAll('*')].filter(e => !e.children.length
                                                          && e.textContent.trim());
    for (const el of [cell, ...leaves]) {
      if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
      const fg = rgba(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) low.push(`${ratio.toFixed(2)}: ${el.textContent.trim().slice(0, 30)}`);
    }
  }
  return low;
}"""


def pages_with_tables(site, pages):
    return [p for p in pages if "<table" in (site / p).read_text(encoding="utf-8")
            and "article" in (site / p).read_text(encoding="utf-8")]


@pytest.mark.parametrize("mode", ("dark", "light"))
def test_table_text_meets_wcag_aa_contrast(site, pages, new_page, server, mode):
    with_tables = pages_with_tables(site, pages)
    assert "reference/what_works_where.html" in with_tables
    low = {}
    for path in with_tables:
        page = new_page(theme=mode, color_scheme=mode)
        goto(page, server, path)
        if found := page.evaluate(CONTRAST):
            low[path] = found[:5]
        page.context.close()
    assert not low, low


@pytest.mark.parametrize("width", (320, 390))
def test_previous_and_next_titles_are_whole_on_a_phone(pages, new_page, server, width):
    page = new_page(width=width)
    clipped = {}
    for path in pages:
        goto(page, server, path)
        cut = page.evaluate("""() => [...document.querySelectorAll('.prev-next-area a')]
          .filter(a => { const r = a.getBoundingClientRect(); const t = a.querySelector(
            '.prev-next-title').getBoundingClientRect();
            return a.scrollWidth > a.clientWidth + 1 || t.right > innerWidth || t.left < 0
                   || t.right > r.right + 1; })
          .map(a => a.textContent.trim().replace(/\\s+/g, ' '))""")
        if cut:
            clipped[path] = cut
    assert not clipped, clipped


def test_error_outputs_wrap_and_colour_no_words(site, pages, new_page, server):
    with_errors = [p for p in pages if "output traceback" in (site / p).read_text("utf-8")]
    assert with_errors, "no page shows an error"
    problems = {}
    for path in with_errors:
        page = new_page(width=390)
        goto(page, server, path)
        found = page.evaluate("""() => [...document.querySelectorAll('.cell_output .traceback pre')]
          .map(pre => [pre.scrollWidth - pre.clientWidth, pre.querySelectorAll('span.k, span.ow,'
                       + ' span.n').length, pre.textContent.trim().slice(0, 40)])
          .filter(([extra, spans]) => extra > 0 || spans > 0)""")
        if found:
            problems[path] = found
        page.context.close()
    assert not problems, "[sideways overflow in px, highlighted words, text]: " + str(problems)


def test_api_links_are_underlined_below_their_underscores(new_page, server):
    page = new_page(device_scale_factor=1)
    goto(page, server, "control_flow/loops.html")
    links = page.evaluate("""() => [...document.querySelectorAll('a.jax-api code')]
      .filter(c => c.textContent.includes('_')).map(c => {
        const s = getComputedStyle(c), a = getComputedStyle(c.closest('a'));
        return [c.textContent, s.textDecorationLine, a.textDecorationLine,
                parseFloat(s.borderBottomWidth)]; })""")
    assert links, "no JAX link with an underscore"
    for name, code_line, link_line, border in links:
        # a text underline sits on the glyphs and hid the underscores; the box's edge is below
        assert code_line == "none" and link_line == "none" and border >= 1, name


WORD_BREAKS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article table th, article table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const words = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const m of node.data.matchAll(/\\S+/g)) words.push([node, m.index, m[0]]);
    }
    for (const [node, start, word] of words) {
      range.setStart(node, start); range.setEnd(node, start + word.length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                           .map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(word);
    }
    // a name split over text nodes (<wbr>, <span>) is one word too: compare its code element
    for (const code of cell.querySelectorAll('code')) {
      const tops = new Set([...code.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(code.textContent);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", (390, 1280))
def test_table_words_are_never_broken(site, pages, new_page, server, width):
    broken = {}
    for path in pages_with_tables(site, pages):
        page = new_page(width=width)
        goto(page, server, path)
        if found := page.evaluate(WORD_BREAKS):
            broken[path] = sorted(set(found))[:8]
        page.context.close()
    assert not broken, broken


EXERCISE_VISIBLE_AFTER_SOLUTION = """() => {
  const section = [...document.querySelectorAll('article section')]
    .find(s => s.querySelector(':scope > h2')?.textContent.startsWith('Exercise'));
  if (!section) return null;
  // what follows the last solution is its discussion (a bonus question may sit between two)
  const last = [...section.querySelectorAll('details.hide')].at(-1);
  if (!last) return [];
  return [...section.querySelectorAll('p, li, div.math, div.cell_output')]
    .filter(e => last.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
    .filter(e => !e.closest('details') && e.getClientRects().length && e.textContent.trim())
    .map(e => e.textContent.trim().slice(0, 60));
}"""


def test_exercise_discussion_stays_folded_until_the_solution_is_opened(pages, new_page, server):
    page = new_page()
    shown, exercises = {}, 0
    for path in pages:
        goto(page, server, path)
        found = page.evaluate(EXERCISE_VISIBLE_AFTER_SOLUTION)
        if found is None:
            continue
        exercises += 1
        if found:
            shown[path] = found
    assert exercises >= 10, exercises
    assert not shown, shown


def test_an_opened_solution_shows_its_discussion(new_page, server):
    page = new_page()
    goto(page, server, "control_flow/branches.html")
    discussion = page.locator("div.solution-discussion")
    assert discussion.count() == 1 and not discussion.is_visible()
    discussion.locator("xpath=ancestor::details[1]/summary").click()
    discussion.wait_for(state="visible", timeout=5_000)
    assert "branches" in discussion.inner_text()


def test_no_request_fails_favicon_included(pages, new_page, server):
    failed = {}
    page = new_page()
    log = PageLog("all")
    watch(page, server, log)
    for path in pages:
        goto(page, server, path)
        page.wait_for_timeout(100)
        icon = page.evaluate("() => document.querySelector('link[rel~=icon]')?.href ?? null")
        assert icon, f"{path}: no favicon link"
        if log.failed:
            failed[path] = list(log.failed)
            log.failed.clear()
    assert not failed, failed
    response = page.request.get(icon)
    assert response.ok and "svg" in response.headers["content-type"]


def test_pages_describe_themselves_and_the_home_title_is_said_once(site, pages, new_page,
                                                                   server):
    page = new_page()
    goto(page, server, "index.html")
    assert page.title() == "Control Flow & Autodiff in JAX"
    missing = []
    for path in pages:
        if path in ("genindex.html", "search.html", "404.html"):
            continue
        html = (site / path).read_text(encoding="utf-8")
        if '<meta name="description" content="' not in html:
            missing.append(path)
    assert not missing, missing


def test_figures_are_sharp_on_high_dpi_screens(site, pages, new_page, server):
    """SVG, or a bitmap with at least two pixels per displayed CSS pixel."""
    blurry = {}
    for path in [p for p in pages if "cell_output" in (site / p).read_text("utf-8")
                 and "_images/" in (site / p).read_text("utf-8")]:
        page = new_page(width=390)
        goto(page, server, path)
        found = page.evaluate("""() => [...document.querySelectorAll('div.cell_output img')]
          .filter(i => !i.src.endsWith('.svg') && i.naturalWidth < 2 * i.clientWidth)
          .map(i => i.src.split('/').pop())""")
        if found:
            blurry[path] = found
        page.context.close()
    assert not blurry, blurry


def smallest_text(svg: str) -> tuple[float, float]:
    """(viewBox width, smallest font size) of a matplotlib SVG, whose text is glyph paths
    scaled by font size / 100 (``scale(0.1 -0.1)``: 10 units)."""
    width = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', svg).group(1))
    sizes = [100 * float(m) for m in re.findall(r"scale\(([\d.]+) -[\d.]+\)", svg)]
    assert sizes, "no text found in the figure"
    return width, min(sizes)


# Diagrams whose steps run left to right, one column per step: on a phone they keep a width at
# which their text is readable, and scroll inside their own box. Every chart is drawn narrow
# enough (4.8 in, text 9 pt or more) to fit a phone's column whole.
WIDE_DIAGRAMS = {"transformations/jit.html", "autodiff/scan_dataflow.html"}


def test_figure_text_is_readable_on_a_phone(site, pages, new_page, server):
    """On a 390 px phone, each figure's smallest label is drawn at least 9 CSS px high (its
    font size as rendered: the SVG's font size times displayed width over viewBox width), and
    every figure but the wide diagrams fits the column without scrolling sideways."""
    small, scrolling, figures = {}, {}, 0
    for path in [p for p in pages if "_images/" in (site / p).read_text("utf-8")]:
        page = new_page(**PHONE)
        goto(page, server, path)
        images = page.locator("div.cell_output img[src$='.svg']")
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            page.wait_for_function("i => i.style.minWidth", arg=image.element_handle(),
                                   timeout=5_000)
            shown = image.evaluate("i => i.getBoundingClientRect().width")
            name = image.get_attribute("src").split("/")[-1]
            width, font = smallest_text((site / "_images" / name).read_text("utf-8"))
            figures += 1
            if font * shown / width < 9:
                small.setdefault(path, []).append(f"{name}: {font * shown / width:.1f} px")
            hidden = image.evaluate("""i => { const box = i.closest('div.cell_output');
                                              return box.scrollWidth - box.clientWidth; }""")
            if hidden > 1 and path not in WIDE_DIAGRAMS:
                scrolling.setdefault(path, []).append(f"{name}: {hidden} px out of view")
        page.context.close()
    assert figures, "no SVG figure found"
    assert not small, small
    assert not scrolling, scrolling


def test_a_claim_mark_does_not_look_like_a_matrix_tick(new_page, server):
    """The ✓ closing a checked sentence and the matrix's ✓ ("the call returned") differ in
    markup, accessible name, size, weight and colour."""
    page = new_page()
    goto(page, server, "reference/what_works_where.html")
    style = """e => { const s = getComputedStyle(e); return {size: parseFloat(s.fontSize),
      weight: s.fontWeight, color: s.color, border: s.borderTopStyle, raised: s.verticalAlign,
      label: e.getAttribute('aria-label'), role: e.getAttribute('role')}; }"""
    claim = page.locator("article span.claim .claim-mark").first.evaluate(style)
    tick = page.locator("table.wws-matrix td.wws-ok").first.evaluate(style)
    assert claim["label"] == "checked claim" and claim["role"] == "img"
    assert claim["raised"] == "super" != tick["raised"] and claim["border"] == "solid"
    assert claim["size"] < 0.8 * tick["size"]
    assert claim["color"] != tick["color"] and claim["weight"] != tick["weight"]
    # each page says what its mark means
    prose = page.locator("article").inner_text()
    assert "bold green" in prose and "small boxed" in prose


NAME_MISMATCH = """() => [...document.querySelectorAll('button[aria-label], summary[aria-label],'
                                                    + ' a[aria-label]')]
  .filter(e => e.getClientRects().length && e.innerText.trim())
  .filter(e => !e.getAttribute('aria-label').toLowerCase().replace(/\\s+/g, ' ')
          .includes(e.innerText.trim().toLowerCase().replace(/\\s+/g, ' ')))
  .map(e => `${e.getAttribute('aria-label')} / shows ${e.innerText.trim()}`)"""


def test_controls_are_named_by_the_words_they_show(new_page, server):
    page = new_page()
    for path in ("control_flow/branches.html", "index.html"):
        goto(page, server, path)
        assert page.evaluate(NAME_MISMATCH) == [], path


def test_timing_prose_sits_in_a_note_box(site, pages, new_page, server):
    path = next(p for p in pages if 'class="timing' in (site / p).read_text("utf-8"))
    page = new_page()
    goto(page, server, path)
    box = page.locator("div.timing").first
    style = box.evaluate("e => [getComputedStyle(e).borderLeftWidth,"
                         " getComputedStyle(e, '::before').content]")
    assert float(style[0].removesuffix("px")) >= 3 and "measured" in style[1], style


@pytest.mark.parametrize("width", (1280, 1600, 1920))
def test_tables_stay_clear_of_the_page_contents_panel(site, pages, new_page, server, width):
    under = {}
    for path in pages_with_tables(site, pages):
        page = new_page(width=width)
        goto(page, server, path)
        found = page.evaluate("""() => {
          const panel = document.querySelector('.bd-sidebar-secondary');
          if (!panel || !panel.getClientRects().length) return [];
          const left = panel.getBoundingClientRect().left;
          return [...document.querySelectorAll('article table')]
            .map(t => (t.closest('.wws-scroll, .pst-scrollable-table-container, .text_html')
                       || t).getBoundingClientRect().right - left)
            .filter(overlap => overlap > 0);
        }""")
        if found:
            under[path] = found
        page.context.close()
    assert not under, under
