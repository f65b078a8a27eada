"""Build-speed and cache-correctness benchmark for the site (run by `nox -s bench`).

Every build runs in a scratch copy of the tree, so the working tree and its build/ are untouched:

* naive baseline  - clean build, ``nb_execution_mode=force``, ``-j 1`` (plain myst-nb practice:
                    plain kernels, ``-D kernel_forks=0``);
* peer practice   - clean build, ``nb_execution_mode=force``, ``-j auto`` (what JAX's docs run),
                    plain kernels: its HTML must equal the cold builds' (forked kernels give the
                    same outputs);
* no-execution floor - clean build with execution off (median of repeats);
* cold build      - clean tree and empty cache, exactly as ``nox -s docs`` (five in a row: each
                    must succeed under ``-j``, and two of them must give identical HTML);
* no-op rebuild   - nothing changed (median of repeats, must start no kernel);
* one-snippet edit - a visible one-line edit to one snippet file: exactly the pages that use the
                    file must re-execute, and they must show the new output;
* tests           - the test suite as ``nox -s tests`` runs it (``-n auto --dist loadfile``);
* set-up          - a newcomer's set-up (README: ``pip install nox uv``, then ``nox -s docs
                    --install-only``) against a plain ``pip install -r requirements.txt``, each
                    into a new virtualenv with empty caches (downloads from PyPI; ``--no-setup``
                    skips it).

The table is printed and written to build/bench.json and build/bench.md.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
TREE = ("conf.py", "docs", "snippets", "sphinxext", "pdf")  # all that conf.py reads or imports
STRICT = ("-W", "--keep-going", "-n")
EXECUTED = re.compile(r"docs/(\S+)\.md: Executing notebook")
EXECUTION_TIME = re.compile(r"docs/(\S+)\.md: Executed notebook in ([\d.]+) seconds")
PASSED = re.compile(r"^(?:=+ )?(\d+) passed.* in [\d.]+s", re.M)  # -q prints no rule
READ = re.compile(r"^reading sources\.\.\. \[[ \d]+%\] (\S+)$", re.M)
# Elements whose content depends on the machine's speed or the clock; see README.
TIMING_SELECTORS = (".tag_timing", ".timing")
TIMING_PAGES = ("reference/about_build.html",)


def scratch_tree(parent: Path) -> Path:
    tree = parent / "tree"
    tree.mkdir()
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tree / name)
    return tree


def progress(line: str) -> None:
    """Each step as it ends, on stderr and in build/bench-progress.txt (a long run on a loaded
    machine leaves its numbers even if it is stopped)."""
    stamp = time.strftime("%H:%M:%S")
    print(f"[{stamp}] {line}", file=sys.stderr, flush=True)
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / "bench-progress.txt", "a", encoding="utf-8") as out:
        out.write(f"[{stamp}] {line}\n")


def build(tree: Path, *options: str, clean: bool = False, strict: bool = True) -> dict:
    if clean:
        shutil.rmtree(tree / "build", ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-c", ".", "-T", "-b", "html",
               *(STRICT if strict else ()), *options, "docs", "build/html"]
    start = time.perf_counter()
    # Plain log lines to parse: Sphinx colours its output when CI is set, even into a pipe.
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run(command, cwd=tree, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    log = run.stdout + run.stderr
    if strict and run.returncode != 0:
        sys.exit(f"build failed ({' '.join(options)}):\n{log[-4000:]}")
    progress(f"build {' '.join(options)}{' (clean)' if clean else ''}: {seconds:.1f} s, "
             f"{len(set(EXECUTED.findall(log)))} pages executed")
    return {"seconds": seconds, "executed": sorted(set(EXECUTED.findall(log))),
            "read": sorted(set(READ.findall(run.stdout))),
            "execution_s": {page: float(t) for page, t in EXECUTION_TIME.findall(log)}}


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if run.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    return time.perf_counter() - start


def readme_tools() -> list[str]:
    """The `pip install nox==... uv==...` line of the README's set-up section."""
    line = re.search(r"^pip install (nox\S* uv\S*)$", (ROOT / "README.md").read_text(), re.M)
    return line.group(1).split()


def measure_setup(scratch: Path) -> dict:
    """Empty caches, new virtualenvs: plain pip against the README's set-up (nox with uv)."""
    python = getattr(sys, "_base_executable", sys.executable)
    env = {**os.environ, "PIP_NO_CACHE_DIR": "1", "UV_CACHE_DIR": str(scratch / "uv-cache"),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    timed([python, "-m", "venv", str(scratch / "pip-venv")])
    pip = timed([str(scratch / "pip-venv" / "bin" / "pip"), "install", "-q", "-r",
                 str(ROOT / "requirements.txt")], env=env)
    tools = scratch / "tools-venv"
    readme = timed([python, "-m", "venv", str(tools)])
    readme += timed([str(tools / "bin" / "pip"), "install", "-q", *readme_tools()], env=env)
    readme += timed([str(tools / "bin" / "nox"), "-f", str(ROOT / "noxfile.py"), "--envdir",
                     str(scratch / "nox-envs"), "-s", "docs", "--install-only"], env=env)
    for folder in ("pip-venv", "tools-venv", "nox-envs", "uv-cache"):
        shutil.rmtree(scratch / folder, ignore_errors=True)
    progress(f"set-up: pip {pip:.1f} s, README {readme:.1f} s")
    return {"pip_s": pip, "readme_s": readme}


def run_tests() -> dict:
    """The test suite, exactly as `nox -s tests` runs it, in the working tree."""
    command = [sys.executable, "-m", "pytest", "--ignore=tests/browser", "--ignore=tests/pdf",
               "--ignore=tests/audit", "-n", "auto",
               "--dist", "loadfile", "-q", "-p", "no:cacheprovider"]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "NO_COLOR": "1"})
    seconds = time.perf_counter() - start
    progress(f"tests: {seconds:.1f} s")
    passed = PASSED.search(run.stdout)
    if run.returncode != 0 or not passed:  # reported in the table, after every build's numbers
        print(f"tests failed:\n{run.stdout[-4000:]}{run.stderr[-2000:]}", file=sys.stderr)
    return {"seconds": seconds, "passed": int(passed.group(1)) if passed else 0,
            "ok": run.returncode == 0 and bool(passed)}


def visible_html(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for selector in TIMING_SELECTORS:
        for element in soup.select(selector):
            element.decompose()
    return str(soup)


def html_differences(first: Path, second: Path) -> list[str]:
    """Pages whose HTML differs between two builds, timing-dependent parts left out."""
    differ = []
    for page in sorted(first.rglob("*.html")):
        rel = page.relative_to(first).as_posix()
        other = second / rel
        if rel in TIMING_PAGES or (other.exists() and filecmp.cmp(page, other, shallow=False)):
            continue
        if not other.exists() or visible_html(page) != visible_html(other):
            differ.append(rel)
    return differ


def pages_using(tree: Path, snippet: str) -> list[str]:
    return sorted(page.relative_to(tree / "docs").with_suffix("").as_posix()
                  for page in (tree / "docs").rglob("*.md")
                  if f":snippet: {snippet}#" in page.read_text(encoding="utf-8"))


def edit_snippet(tree: Path, snippet: str, marker: str) -> None:
    """Print ``marker`` at the end of the file's first module-level region."""
    path = tree / "snippets" / snippet
    lines = path.read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("# [END "))
    lines.insert(end, f'print("{marker}")')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def median(builds: list[dict]) -> float:
    return statistics.median(b["seconds"] for b in builds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snippet", default="transformations/jit_tracing.py",
                        help="snippet file (under snippets/) to edit")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of the cheap builds")
    parser.add_argument("--cold-builds", type=int, default=5, help="consecutive cold builds")
    parser.add_argument("--no-setup", action="store_true",
                        help="skip the set-up measurement (it downloads every package twice)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        tree = scratch_tree(Path(scratch))
        parallel = ("-j", "auto")
        plain = ("-D", "kernel_forks=0")  # myst-nb's own kernels: a new Python for each page
        naive = build(tree, "-D", "nb_execution_mode=force", *plain, "-j", "1", clean=True)
        peer = build(tree, "-D", "nb_execution_mode=force", *plain, *parallel, clean=True)
        peer_html = Path(scratch) / "peer_html"
        shutil.copytree(tree / "build" / "html", peer_html)
        cold, first_html = [], Path(scratch) / "first_html"
        for i in range(args.cold_builds):
            cold.append(build(tree, *parallel, clean=True))
            if i == 0:
                shutil.copytree(tree / "build" / "html", first_html)
        differences = html_differences(first_html, tree / "build" / "html")
        plain_differences = html_differences(peer_html, tree / "build" / "html")
        noop = [build(tree, *parallel) for _ in range(args.repeats)]
        marker = f"bench edit {int(time.time())}"
        edit_snippet(tree, args.snippet, marker)
        expected = pages_using(tree, args.snippet)
        edit = build(tree, *parallel)
        showing = [page for page in expected
                   if marker in (tree / "build" / "html" / f"{page}.html").read_text()]
        floor = [build(tree, "-D", "nb_execution_mode=off", *parallel, clean=True, strict=False)
                 for _ in range(args.repeats)]
    tests = run_tests()
    if not args.no_setup:
        with tempfile.TemporaryDirectory(prefix="bench-setup-") as scratch:
            setup = measure_setup(Path(scratch))

    results = {
        "naive_force_j1_s": naive["seconds"],
        "peer_force_jauto_s": peer["seconds"],
        "tests_s": tests["seconds"],
        "tests_passed": tests["passed"],
        "no_execution_floor_s": median(floor),
        "cold_build_s": median(cold),
        "cold_builds": [round(b["seconds"], 2) for b in cold],
        "html_differences_forked_vs_plain_kernels": plain_differences,
        "noop_rebuild_s": median(noop),
        "noop_kernels_started": max(len(b["executed"]) for b in noop),
        "edit_snippet": args.snippet,
        "edit_rebuild_s": edit["seconds"],
        # What the edit may cost: a no-op build plus the plain execution of the edited pages.
        "edit_budget_s": median(noop) + sum(naive["execution_s"].get(page, float("nan"))
                                            for page in expected),
        "edit_pages_expected": expected,
        "edit_pages_executed": edit["executed"],
        "edit_pages_showing_new_output": showing,
        "pages": len(naive["executed"]),
        "html_differences_between_cold_builds": differences,
    }
    results["cold_over_naive"] = results["cold_build_s"] / results["naive_force_j1_s"]
    results["cold_over_peer"] = results["cold_build_s"] / results["peer_force_jauto_s"]
    results["noop_over_floor"] = results["noop_rebuild_s"] / results["no_execution_floor_s"]
    results["edit_over_budget"] = results["edit_rebuild_s"] / results["edit_budget_s"]
    results["tests_over_naive"] = results["tests_s"] / results["naive_force_j1_s"]
    if not args.no_setup:
        results["setup_pip_s"], results["setup_readme_s"] = setup["pip_s"], setup["readme_s"]
        results["setup_over_pip"] = setup["readme_s"] / setup["pip_s"]
    checks = {
        "cold <= 0.45 x naive": results["cold_over_naive"] <= 0.45,
        "cold <= 0.75 x peer": results["cold_over_peer"] <= 0.75,
        "no-op <= 0.5 x floor": results["noop_over_floor"] <= 0.5,
        "edit <= 1.0 x (no-op + its pages' plain execution)": results["edit_over_budget"] <= 1.0,
        "tests passed": tests["ok"],
        "tests <= 0.5 x naive": results["tests_over_naive"] <= 0.5,
        **({} if args.no_setup else
           {"set-up <= 0.35 x pip install": results["setup_over_pip"] <= 0.35}),
        "no-op starts no kernel": results["noop_kernels_started"] == 0,
        "edit re-executes exactly its pages": edit["executed"] == expected,
        "edited pages show the new output": showing == expected,
        f"{args.cold_builds} parallel cold builds succeeded": len(cold) == args.cold_builds,
        "cold builds give identical HTML": not differences,
        "forked and plain kernels give identical HTML (cold vs peer)": not plain_differences,
    }
    results["checks"] = checks
    report(results)


def report(results: dict) -> None:
    rows = [
        ("naive baseline (force, -j 1)", results["naive_force_j1_s"], 1.0),
        ("peer practice (force, -j auto)", results["peer_force_jauto_s"], None),
        ("no-execution floor", results["no_execution_floor_s"], None),
        ("cold build (nox -s docs)", results["cold_build_s"], results["cold_over_naive"]),
        ("  cold / peer", results["cold_build_s"], results["cold_over_peer"]),
        ("no-op rebuild", results["noop_rebuild_s"], results["noop_over_floor"]),
        ("one-snippet-edit rebuild", results["edit_rebuild_s"], results["edit_over_budget"]),
        ("  its budget: no-op + pages' plain execution", results["edit_budget_s"], None),
        (f"tests (nox -s tests, {results['tests_passed']} passed)", results["tests_s"],
         results["tests_over_naive"]),
    ]
    if "setup_pip_s" in results:
        rows += [("set-up: pip install -r requirements.txt (empty cache)",
                  results["setup_pip_s"], None),
                 ("set-up: README (pip install nox uv; nox -s docs --install-only)",
                  results["setup_readme_s"], results["setup_over_pip"])]
    lines = ["| build | seconds | ratio |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {seconds:.1f} | {'' if ratio is None else f'{ratio:.2f}'} |"
              for name, seconds, ratio in rows]
    lines += ["", "ratios: cold / naive (and / peer), no-op / floor, "
              "edit / its budget, tests / naive, set-up / pip",
              f"cores: {os.cpu_count()}; load average at the end: "
              f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (a shared machine: ratios of "
              "builds from one run mean more than seconds)", "",
              f"pages executed cold: {results['pages']}; cold builds (s): {results['cold_builds']}",
              f"edited {results['edit_snippet']}: re-executed {results['edit_pages_executed']}",
              f"  expected {results['edit_pages_expected']}, showing new output "
              f"{results['edit_pages_showing_new_output']}",
              f"HTML differences between cold builds: "
              f"{results['html_differences_between_cold_builds'] or 'none'}",
              f"HTML differences, cold (forked kernels) vs peer (plain kernels): "
              f"{results['html_differences_forked_vs_plain_kernels'] or 'none'}", ""]
    lines += [f"- [{'x' if ok else ' '}] {name}" for name, ok in results["checks"].items()]
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "build"
    out.mkdir(exist_ok=True)
    (out / "bench.md").write_text(text)
    (out / "bench.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
