"""Strict JAX for every test: sloppy snippets fail loudly instead of broadcasting silently.

Snippet modules are also imported lazily here (see `_DeferredSnippet`)."""

import importlib.abc
import re
import sys
import types
from pathlib import Path

import jax
import pytest

jax.config.update("jax_platforms", "cpu")
jax.config.update("jax_numpy_rank_promotion", "raise")


class _DeferredSnippet(types.ModuleType):
    """A snippet module whose code has not run yet; the first use of one of its names runs it.

    Importing a snippet module runs its whole page's computation, and under pytest-xdist every
    worker collects (imports) every test file. Deferring the run to the first test that uses the
    module means each page's computation runs once, on the worker that runs that file's tests
    (`--dist loadfile`), and not on every worker. Look-ups of names that start with "_"
    (pytest probes `__test__`, `_mock_name`, ...) do not count as a use: they raise
    AttributeError until the module has run."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        state = self.__spec__.loader_state
        if state["error"] is not None:
            raise state["error"]
        self.__class__ = types.ModuleType
        try:
            state["loader"].exec_module(self)
        except BaseException as error:
            self.__class__ = _DeferredSnippet
            state["error"] = error
            raise
        return getattr(self, name)


def _run_deferred(module):
    """Run a deferred snippet module now (a no-op once it has run)."""
    if isinstance(module, _DeferredSnippet):
        module.__getattr__("run")  # any public name: runs the module, then looks the name up
    return module


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Run the snippet modules a test file imports before its test's fixtures are set up: not
    inside a JAX trace the test starts, and not into a `capsys`/`capfd` the test reads (at
    import, as the page does; before this change, that was at collection)."""
    module = getattr(item, "module", None)
    for value in list(vars(module).values()) if module is not None else ():
        try:
            _run_deferred(value)
        except AttributeError:
            pass  # the module ran; it has no name "run"


class _DeferringLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        if getattr(module, "__snippet_deferred__", False):  # importlib.reload(): run it now
            module.__class__ = types.ModuleType
            self.loader.exec_module(module)
            return
        module.__spec__.loader_state = {"loader": self.loader, "error": None}
        module.__snippet_deferred__ = True
        module.__class__ = _DeferredSnippet


class _DeferSnippets(importlib.abc.MetaPathFinder):
    """Hands out `snippets.<chapter>.<concept>` modules as `_DeferredSnippet`s."""

    def find_spec(self, name, path, target=None):
        if not name.startswith("snippets.") or name.count(".") < 2:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = _DeferringLoader(spec.loader)
        return spec


sys.meta_path.insert(0, _DeferSnippets())


# --- keeping a page's test files on one xdist worker ------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
# `from snippets.a.b import x`, `from snippets.a import b as m`, `import snippets.a.b`
_USES = re.compile(r"^\s*(?:from|import) snippets\.(\w+)(?:\.(\w+)| import (\w+))", re.M)
_SHARED_FIXTURE = re.compile(r"scope=[\"'](?:module|package|session)")


def _page_groups() -> dict[str, str]:
    """``tests/<chapter>/test_<concept>.py`` -> its group: a test file, the snippet it tests and
    every snippet either of them imports (a page's later cells reuse its earlier ones) share a
    group, named after one of those snippets. A test file that uses no snippet and shares no
    fixture between its tests (the extensions' tests that each build their own fixture site)
    maps to "": its tests are handed out one by one."""
    parent: dict[str, str] = {}

    def root(name):
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    def join(name, used):
        parent[root(name)] = root(used)

    for snippet in sorted((ROOT / "snippets").glob("*/*.py")):
        name = f"{snippet.parent.name}/{snippet.stem}"
        test = f"tests/{snippet.parent.name}/test_{snippet.stem}.py"
        join(test, name)
        for chapter, module, imported in _USES.findall(snippet.read_text(encoding="utf-8")):
            join(name, f"{chapter}/{module or imported}")
    independent = set()
    for test in sorted((ROOT / "tests").glob("*/test_*.py")):
        name, text = test.relative_to(ROOT).as_posix(), test.read_text(encoding="utf-8")
        uses = _USES.findall(text)
        for chapter, module, imported in uses:
            join(name, f"{chapter}/{module or imported}")
        if not uses and not _SHARED_FIXTURE.search(text) and name not in parent:
            independent.add(name)
    groups = {name: root(name) for name in list(parent) if name.startswith("tests/")}
    return {**groups, **dict.fromkeys(independent, "")}


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist's: none without it
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile`, except that the files of one group (above) go to the same worker, so
    a snippet that another one imports runs once, not once per worker, and the tests of an
    independent file are spread over the workers."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    groups = _page_groups()

    class PageScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path = nodeid.split("::", 1)[0]
            group = groups.get(path, path)
            return group or nodeid

    return PageScheduling(config, log)
