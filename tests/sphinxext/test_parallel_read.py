"""sphinxext.parallel_read: one page per parallel read task, Sphinx's chunks otherwise."""

from sphinx.util.parallel import make_chunks

from sphinxext import parallel_read

PAGES = [f"page{i:02d}" for i in range(28)]


def test_sphinx_alone_leaves_a_short_last_chunk_for_one_process():
    assert [len(chunk) for chunk in make_chunks(PAGES, 2)] == [11, 11, 6]


def test_while_reading_every_page_is_its_own_task():
    parallel_read.reading_starts(None, None, PAGES)
    try:
        chunks = parallel_read.one_page_per_chunk(PAGES, 2)
    finally:
        parallel_read.reading_ends(None, None)
    assert chunks == [[page] for page in PAGES]


def test_writing_keeps_sphinx_chunks():
    assert parallel_read.one_page_per_chunk(PAGES, 2) == make_chunks(PAGES, 2)


def test_setup_replaces_the_function_the_builder_calls():
    import sphinx.builders

    events = []
    app = type("App", (), {"connect": lambda self, name, fn: events.append(name)})()
    original = sphinx.builders.make_chunks
    try:
        parallel_read.setup(app)
        assert sphinx.builders.make_chunks is parallel_read.one_page_per_chunk
    finally:
        sphinx.builders.make_chunks = original
    assert events == ["env-before-read-docs", "env-updated"]
