"""Fixtures of the browser suite: the built site, served on 127.0.0.1, driven by Chromium.

See ``browsing.py`` for where the site is read from and which Chromium is used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.browsing import (
    CHROMIUM_ARGS,
    DOM_FACTS,
    PageLog,
    SiteHandler,
    axe_violations,
    block_external,
    check_solutions,
    chromium_executable,
    goto,
    page_overflow,
    page_paths,
    require_site,
    serving,
    set_mode,
    watch,
)


@pytest.fixture(scope="session")
def site() -> Path:
    return require_site()


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    return page_paths(site)


@pytest.fixture(scope="session")
def server(site):
    yield from serving(site, SiteHandler)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    executable = chromium_executable()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as err:
            pytest.fail(f"cannot start Chromium ({executable or 'Playwright-managed'}): "
                        f"install Debian's `chromium` or run `python -m playwright install "
                        f"chromium`, or set CHROMIUM\n{err}", pytrace=False)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def new_page(browser, server):
    """Open pages in fresh contexts: ``new_page(width=..., color_scheme=..., theme=...)``."""
    contexts = []

    def make(width=1280, height=900, theme=None, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        block_external(context, server)
        if theme:
            # The theme keeps the reader's choice in localStorage, read before first paint.
            context.add_init_script(f"localStorage.setItem('mode', '{theme}');"
                                    f"localStorage.setItem('theme', '{theme}');")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


PHONE_WIDTH = 360


@pytest.fixture(scope="session")
def crawl(browser, server, pages):
    """Load every page once and record what a reader's browser saw.

    Per page, in order: console errors, failed and non-local requests while loading; DOM
    facts; an axe-core audit in light mode, then in dark mode; every exercise solution opened;
    the page width on a phone.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    block_external(context, server)
    logs = {}
    for path in pages:
        page = context.new_page()
        log = PageLog(path)
        watch(page, server, log)
        goto(page, server, path)
        log.dom = page.evaluate(DOM_FACTS)
        log.axe = axe_violations(page)
        set_mode(page, "dark")
        log.axe_dark = axe_violations(page)
        set_mode(page, "light")
        log.solutions = page.locator("details.hide:has(summary:has-text('Show solution'))").count()
        log.solution_problems = check_solutions(page)
        log.phone_overflow = page_overflow(page, PHONE_WIDTH)
        logs[path] = log
        page.close()
    context.close()
    return logs
