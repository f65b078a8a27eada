"""A cell's printed output renders the same however ipykernel cut it into pieces."""

import copy

import nbformat
from myst_nb.core import render
from myst_nb.core.utils import coalesce_streams as myst_nb_coalesce_streams

from sphinxext import stable_outputs


def stream(text, name="stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def texts(outputs):
    return [(o["output_type"], o.get("name"), o.get("text")) for o in outputs]


def test_a_print_cut_before_its_newline_shows_no_blank_line():
    # What a loaded machine sent for one cell: the flush fell between a line and its "\n".
    pieces = [stream("cond 0: false branch [a]"), stream("\n        true branch  [b]\n")]
    assert myst_nb_coalesce_streams(copy.deepcopy(pieces))[0]["text"] == (
        "cond 0: false branch [a]\n\n        true branch  [b]\n")  # myst-nb's blank line
    merged = stable_outputs.coalesce_streams(pieces)
    assert texts(merged) == [("stream", "stdout",
                              "cond 0: false branch [a]\n        true branch  [b]\n")]


def test_any_cut_of_the_same_text_renders_alike():
    text = "one\n\ntwo\nthree\n"
    whole = stable_outputs.coalesce_streams([stream(text)])
    for cut in range(1, len(text)):
        pieces = [stream(text[:cut]), stream(text[cut:])]
        assert texts(stable_outputs.coalesce_streams(pieces)) == texts(whole), cut


def test_one_piece_renders_as_myst_nb_renders_it():
    shown = nbformat.v4.new_output("display_data", data={"text/plain": "2"})
    outputs = [stream("x = 1\n\n"), shown, stream("warn\n", "stderr")]
    assert texts(stable_outputs.coalesce_streams(copy.deepcopy(outputs))) == texts(
        myst_nb_coalesce_streams(copy.deepcopy(outputs)))


def test_the_cached_outputs_are_not_changed():
    pieces = [stream("a"), stream("b\n")]
    before = copy.deepcopy(pieces)
    stable_outputs.coalesce_streams(pieces)
    assert pieces == before


def test_streams_of_each_name_join_and_stderr_stays_after_stdout():
    pieces = [stream("e1 ", "stderr"), stream("o1 "), stream("e2\n", "stderr"), stream("o2\n")]
    assert texts(stable_outputs.coalesce_streams(pieces)) == [
        ("stream", "stdout", "o1 o2\n"), ("stream", "stderr", "e1 e2\n")]


def test_setup_replaces_what_the_renderer_calls(monkeypatch):
    monkeypatch.setattr(render, "coalesce_streams", myst_nb_coalesce_streams)
    stable_outputs.setup(None)
    assert render.coalesce_streams is stable_outputs.coalesce_streams
