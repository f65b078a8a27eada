"""A cell's printed output is the same on every build, however the kernel sent it.

ipykernel sends what a cell prints in pieces, cut wherever its flush timer (0.2 s) happened to
fall: ``print(a)`` may arrive as ``a`` and then ``"\\n"`` at the start of the next piece.
myst-nb's ``nb_merge_streams`` joins the pieces after stripping each one's trailing newlines,
which keeps a piece's *leading* newline, so a page showed an extra blank line in the middle of
an output only when the timer fell there (seen on a loaded machine). Here each stream's pieces
are concatenated exactly as written before myst-nb's own merge runs, so the page shows what the
cell printed, whatever the timing. Outputs sent in one piece render exactly as before.
"""

from __future__ import annotations

import copy

from myst_nb.core import render
from myst_nb.core.utils import coalesce_streams as myst_nb_coalesce_streams


def coalesce_streams(outputs: list) -> list:
    """Join every piece of each stream (stdout, stderr) into its first piece, then merge as
    myst-nb does (trailing newlines, carriage returns and backspaces, stderr after stdout)."""
    joined, first = [], {}
    for output in outputs or []:
        if output.get("output_type") != "stream":
            joined.append(output)
        elif output["name"] in first:
            first[output["name"]]["text"] += output["text"]
        else:
            first[output["name"]] = copy.deepcopy(output)  # the cached notebook stays as it is
            joined.append(first[output["name"]])
    return myst_nb_coalesce_streams(joined)


def setup(app):
    render.coalesce_streams = coalesce_streams  # what myst-nb's renderer calls
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
