"""sphinxext.mathml: formulas become MathML when the site is built, with no script."""

from bs4 import BeautifulSoup

from tests.sphinxext.sphinx_site import build_site

CONF = """
    extensions = ["sphinxext.mathml"]
"""


def test_inline_and_display_math_are_mathml_and_load_no_script(tmp_path):
    status, out, warnings = build_site(tmp_path, CONF, {"index.rst": r"""
        Math
        ====

        The energy is :math:`E = k x^2 / 2`.

        .. math::
           :label: chain

           \frac{\partial E}{\partial x} = k x

        See :eq:`chain`.
    """}, strict=True)
    assert status == 0, warnings
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    inline, block = soup.find_all("math")
    assert inline.get("display") is None and block["display"] == "block"
    assert [m.get_text(strip=True) for m in inline.find_all("msup")] == ["x2"]
    assert block.find("mfrac") is not None
    assert block.find_parent("div", class_="math").find("span", class_="eqno").get_text() \
        .startswith("(1)")
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert not any("mathjax" in src.lower() for src in scripts), scripts
    assert not (out / "_static" / "mathjax").exists()


def test_latex_the_converter_cannot_read_fails_a_strict_build_at_its_line(tmp_path):
    status, _, warnings = build_site(tmp_path, CONF, {"index.rst": r"""
        Math
        ====

        Fine: :math:`x^2`.

        Broken: :math:`\notacommand{x}`.
    """}, strict=True)
    assert status != 0
    assert "index.rst:6" in warnings and "cannot be rendered as MathML" in warnings
    assert "notacommand" in warnings
