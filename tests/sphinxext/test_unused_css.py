"""sphinxext.unused_css: a theme stylesheet keeps every rule some page or script can use."""

from types import SimpleNamespace

from sphinxext.unused_css import prune, prune_theme_styles, selector_is_used, words_of

CSS = """@charset "UTF-8";
/* Bootstrap */
:root,[data-bs-theme=light]{--bs-blue:#0d6efd}
html[data-theme=dark] .note{color:#eee}
.btn,.carousel-item{display:inline-block}
.carousel{position:relative}
.nav a:not(.disabled):hover{color:red}
.bs-tooltip-auto[data-popper-placement^=top]{margin:0}
.g-\\:hover{x:y}
@media (min-width:960px){.offcanvas{width:1px}.btn{width:2px}}
@media print{.toast{display:none}}
@font-face{font-family:x;src:url(x.woff2)}
@keyframes spin{0%{transform:rotate(0)}to{transform:rotate(1turn)}}
.fa-bars{--fa:"\\f0c9"}.fa-ban{--fa:"\\f05e"}
a[href*="{"]{color:blue}
"""


def test_rules_no_page_can_match_are_dropped_and_all_others_kept():
    out = prune(CSS, {"note", "btn", "nav", "fa-bars"})
    assert ":root,[data-bs-theme=light]{--bs-blue:#0d6efd}" in out
    assert "html[data-theme=dark] .note{color:#eee}" in out  # dark mode is an attribute
    assert ".btn{display:inline-block}" in out  # one selector of the list dropped
    assert "carousel" not in out and "offcanvas" not in out and "toast" not in out
    assert ".nav a:not(.disabled):hover{color:red}" in out  # .disabled is not required
    assert ".bs-tooltip-auto[data-popper-placement^=top]" in out  # built by Bootstrap's script
    assert ".g-\\:hover{x:y}" in out  # escaped: always kept
    assert "@media (min-width:960px){.btn{width:2px}}" in out and "@media print" not in out
    assert "@font-face{font-family:x;src:url(x.woff2)}" in out
    assert "@keyframes spin{0%{transform:rotate(0)}to{transform:rotate(1turn)}}" in out
    assert '.fa-bars{--fa:"\\f0c9"}' in out and "fa-ban" not in out
    assert 'a[href*="{"]{color:blue}' in out  # a brace inside a string is not a block
    assert out.startswith('@charset "UTF-8";')


def test_every_rule_is_kept_when_every_class_is_in_use():
    everything = {"note", "btn", "carousel-item", "carousel", "nav", "offcanvas", "toast",
                  "fa-bars", "fa-ban"}
    assert prune(CSS, everything) == CSS.rstrip("\n")


def test_a_selector_needs_every_class_it_names():
    assert selector_is_used(".a .b > p", {"a", "b"})
    assert not selector_is_used(".a .b > p", {"a"})
    assert selector_is_used("p:is(.x, .y)", set())
    assert selector_is_used("#main > p::before", set())


def test_stylesheets_are_rewritten_from_the_theme_copy_with_the_words_of_every_page(tmp_path):
    theme, out = tmp_path / "theme", tmp_path / "html"
    (theme / "static" / "styles").mkdir(parents=True)
    (out / "_static" / "styles").mkdir(parents=True)
    (out / "sub").mkdir()
    (theme / "static" / "styles" / "t.css").write_text(
        ".used{a:b}.scripted{c:d}.unused{e:f}\n/*# sourceMappingURL=t.css.map */")
    # the output copy was pruned by an earlier build that had no page using .scripted
    (out / "_static" / "styles" / "t.css").write_text(".used{a:b}")
    (out / "_static" / "styles" / "t.css.map").write_text("{}")
    (out / "sub" / "page.html").write_text('<p class="used">x</p>')
    (out / "_static" / "theme.js").write_text('el.classList.add("scripted")')
    (out / "_static" / "searchindex.js").write_text('Search.setIndex({"unused": 1})')
    app = SimpleNamespace(
        outdir=out, builder=SimpleNamespace(format="html", theme=SimpleNamespace(
            get_theme_dirs=lambda: [str(theme)])))
    assert {"used", "scripted"} <= words_of(out) and "unused" not in words_of(out)
    prune_theme_styles(app, None)
    assert (out / "_static" / "styles" / "t.css").read_text() == ".used{a:b}.scripted{c:d}"
    assert not (out / "_static" / "styles" / "t.css.map").exists()
