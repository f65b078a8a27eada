"""The themes' stylesheets without the rules no page can use.

pydata-sphinx-theme ships one 377 KB stylesheet: all of Bootstrap 5 and a rule for each of
Font Awesome's ~2,600 icons. Every page waits for it before its first paint (65 KB gzipped on a
phone's connection), and the browser matches each element against all of its selectors.
Lighthouse found 91% of it unused on every page.

At ``build-finished`` this extension rewrites each theme stylesheet in the output's ``_static``
from the theme's own copy (never from the output, so an incremental build that adds a class
gets its rules back), keeping every rule that some page or script could use:

- a selector is kept when each class name it requires appears as a word in some built page or
  in some script in ``_static`` (the words of the theme's and Bootstrap's scripts include every
  class they add at run time); classes inside ``:not()``, ``:is()``, ``:where()`` and ``:has()``
  are not required, and a selector with an escaped character is always kept;
- a rule is dropped only when every selector in its list is dropped;
- everything that is not a style rule (``@font-face``, ``@keyframes``, custom properties on
  ``:root`` and ``html[data-theme=...]``) stays, and ``@media``/``@supports`` blocks are
  pruned inside.

Colour modes are attributes, not classes, so both themes' light and dark rules stay. The
stylesheet's source map no longer matches it and is removed. (PurgeCSS does the same with a
Node tool chain; this is the part of it a Sphinx build needs.)
"""

from __future__ import annotations

import re
from pathlib import Path

# Bootstrap builds these at run time from a component's name (`bs-${NAME}-auto`).
SAFE_PREFIXES = ("bs-tooltip-", "bs-popover-")
WORD = re.compile(r"[A-Za-z_][\w-]*")
CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\(")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*")
BLOCK_AT_RULES = ("@media", "@supports", "@layer", "@container", "@document")


def words_of(outdir: Path) -> set[str]:
    """Every word of every built page and every script in ``_static`` but the search index."""
    words: set[str] = set()
    files = [*outdir.rglob("*.html"),
             *(p for p in (outdir / "_static").rglob("*.js") if p.name != "searchindex.js")]
    for path in files:
        words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def without_functional_pseudos(selector: str) -> str:
    """The selector with each ``:not(...)``-like argument removed (its classes are optional)."""
    while match := FUNCTIONAL_PSEUDO.search(selector):
        depth, end = 1, match.end()
        while end < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        selector = selector[:match.start()] + selector[end:]
    return selector


def selector_is_used(selector: str, words: set[str]) -> bool:
    if "\\" in selector:
        return True
    required = CLASS.findall(without_functional_pseudos(selector))
    return all(name in words or name.startswith(SAFE_PREFIXES) for name in required)


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on ``separator`` outside brackets, parentheses and strings."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote and text[i - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def blocks(css: str):
    """Yield ``(prelude, body)`` for each top-level rule (``body`` None for ``@import x;``)."""
    i, n = 0, len(css)
    while i < n:
        start, depth, quote = i, 0, ""
        while i < n:
            char = css[i]
            if quote:
                if char == quote and css[i - 1] != "\\":
                    quote = ""
            elif css.startswith("/*", i):
                i = css.find("*/", i + 2) + 1 or n
            elif char in "\"'":
                quote = char
            elif char == ";" and depth == 0:
                yield css[start:i + 1], None
                i += 1
                break
            elif char == "{":
                if depth == 0:
                    body_start = i + 1
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    yield css[start:body_start - 1], css[body_start:i]
                    i += 1
                    break
            i += 1
        else:
            if css[start:].strip():
                yield css[start:], None


def prune(css: str, words: set[str]) -> str:
    """The stylesheet with every rule dropped whose selectors all need a class no page has."""
    kept = []
    for prelude, body in blocks(css):
        head = prelude.strip()
        if body is None:
            kept.append(prelude)
        elif head.startswith(BLOCK_AT_RULES):
            inner = prune(body, words)
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
        elif head.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            comments = re.match(r"(?:\s*/\*.*?\*/)*\s*", prelude, re.S).group(0)
            selectors = [s for s in split_top_level(prelude[len(comments):])
                         if selector_is_used(s.strip(), words)]
            if selectors:
                kept.append(f"{comments}{','.join(s.strip() for s in selectors)}{{{body}}}")
    return "".join(kept)


def theme_copies(app, pattern: str):
    """``(theme's original, copy in the output's _static)`` for each file of the theme (and its
    parents) matching ``pattern`` that the build copied. (Sphinx copies them again on every
    build, so each build rewrites the copies from the originals; sphinxext/icon_font.py uses
    this too.)"""
    static = Path(app.outdir) / "_static"
    for theme_dir in app.builder.theme.get_theme_dirs():
        theme_static = Path(theme_dir) / "static"
        for source in theme_static.rglob(pattern):
            target = static / source.relative_to(theme_static)
            if target.is_file():
                yield source, target


def prune_theme_styles(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    words = words_of(Path(app.outdir))
    # Theme stylesheets only. (Not myst-nb's 6 KB: it copies its stylesheet without
    # overwriting, and warns when the copy in the output differs from its own.)
    for source, target in theme_copies(app, "*.css"):
        css = SOURCE_MAP.sub("", source.read_text(encoding="utf-8"))
        target.write_text(prune(css, words), encoding="utf-8")
        target.with_name(target.name + ".map").unlink(missing_ok=True)


def setup(app):
    app.connect("build-finished", prune_theme_styles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
