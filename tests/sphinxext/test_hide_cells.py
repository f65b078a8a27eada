"""sphinxext.hide_cells: a folded cell's toggle is valid HTML named by the words it shows."""

from types import SimpleNamespace

from myst_nb.sphinx_ import HideCodeCellNode

from sphinxext.hide_cells import visit_hide_cell


def test_the_toggle_holds_phrasing_content_and_no_label():
    node = HideCodeCellNode(prompt_show="Show solution", prompt_hide="Hide solution",
                            classes=["above-input"])
    translator = SimpleNamespace(body=[])
    visit_hide_cell(translator, node)
    html = "".join(translator.body)
    assert html.startswith('<details class="admonition hide above-input">\n<summary>\n')
    assert '<span class="collapsed admonition-title">Show solution</span>' in html
    assert '<span class="expanded admonition-title">Hide solution</span>' in html
    assert "<p" not in html and "aria-label" not in html
