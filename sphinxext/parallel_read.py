"""Hand out one page at a time to the parallel readers, so every process stays busy.

Sphinx's parallel read (``-j``) cuts the pages into a few large chunks of consecutive pages
(for this site's 28 pages and 2 processes: 11, 11 and 6) and gives each process a whole chunk.
That suits pages that take milliseconds to read. Ours execute a notebook each (5 to 30 s), so
the last chunk runs alone while the other processes sit idle: about a third of a cold build.
With one page per chunk, a process that finishes takes the next page at once. The extra cost,
one fork and one environment pickle per page, is small next to starting a kernel.

Sphinx has no setting for the chunk size, so this extension replaces the chunking function the
builder calls, only while pages are being read (writing keeps Sphinx's own chunks).
"""

from __future__ import annotations

from collections.abc import Sequence

import sphinx.builders
from sphinx.util.parallel import make_chunks

_reading = False


def one_page_per_chunk(arguments: Sequence[str], nproc: int, maxbatch: int = 10) -> list:
    """``make_chunks`` while reading: every page its own task; Sphinx's chunks otherwise."""
    if _reading:
        return [[name] for name in arguments]
    return make_chunks(arguments, nproc, maxbatch)


def reading_starts(app, env, docnames) -> None:
    global _reading
    _reading = True


def reading_ends(app, env) -> None:
    global _reading
    _reading = False


def setup(app):
    sphinx.builders.make_chunks = one_page_per_chunk
    app.connect("env-before-read-docs", reading_starts)
    app.connect("env-updated", reading_ends)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
