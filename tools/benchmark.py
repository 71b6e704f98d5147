"""Benchmark: every performance target of the site, measured in one run and printed beside it.

    .venv/bin/python tools/benchmark.py              # N = 1,000 and 10,000 (under 15 minutes here)
    .venv/bin/python tools/benchmark.py --n 50       # a smoke run (the test suite runs this)
    .venv/bin/python tools/benchmark.py --n 1000 --repeat 3 --no-browser
    .venv/bin/python tools/benchmark.py --n 30000   # the builds only, unless --browser (a long run)

For each N it generates synthetic entries (tools/synthetic.py; 80% with a Spanish block) into a
scratch folder and measures:
- the full build of both languages (hooks, both search indexes) against the engine's floor in
  two languages (tools/floor.py: plain Markdown pages, as many per language as the site has,
  MkDocs + Material + Material's search plugin), built in turns, each from one command (the
  floor builds its languages one after the other; the site forks its Spanish build, as every
  published build does), with the CPU time of all their processes beside the wall time; and the
  site built in one process (BRIEFING_ONE_PROCESS=1), as on a machine with one core, in the same
  turns (tools/benchmark_builds.py);
- the peak memory of each process: the main one, the forked Spanish build, Pagefind;
- with two or more N, how the time grows from the first to the last, beside the floor's;
- validation cold and warm (the check cache, which CI restores);
- the preview: from the write of one entry file under `mkdocs serve` to the first response that
  shows the change, in each language (tools/preview_timing.py);
- the offline edition of each language, gzipped (quick path at any N: tools/edition_size.py);
- with --history, the entries' history pass (hooks/briefing/model/history.py: one git log, the
  blobs, each version checked and built) on a repository where every entry has REVISIONS
  versions, against the full build of that repository (target: at most 10% of it);
- in Chromium, what a first search fetches and what the home page's first load fetches, gzipped
  (tools/reader_side.py), and the largest HTML page;
- in Chromium on an emulated slow link (400 ms round trip, 400 kbit/s down and up), the first
  search's time from the key press to the first result, with its requests and bytes, the
  median of 3 runs per language (tools/slow_search.py).
Ratios come from builds taken in turns within the run: the machine is shared and noisy. No test
asserts on these times.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_builds import ENV, interleaved_builds, timed_builds
from benchmark_report import report

from synthetic import make_repo


def validation_seconds(repo: Path) -> tuple[float, float]:
    """Seconds of validation (`check_site`, the collector paused, the files shared among the cores,
    as `make validate` runs it) in a fresh process, cold (no check cache) and then warm."""
    code = ("import sys, time; sys.path.insert(0, 'hooks'); from briefing.read.load import check_site; "
            "from briefing.cli import checked_in_pool; "
            "from briefing.process import collector_paused; t = time.perf_counter()\n"
            "with collector_paused(): check_site('.', remembered=checked_in_pool())\nprint(time.perf_counter() - t)")
    shutil.rmtree(repo / ".cache", ignore_errors=True)
    seconds = [float(subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True,
                                    check=True).stdout) for _ in ("cold", "warm")]
    return seconds[0], seconds[1]


def reader_side(site: Path) -> dict:
    from slow_search import slow_first_search

    from reader_side import first_search_kib, home_first_load_kib, largest_html
    queries = {"en": ["prisoners", "oil", "sanctions"], "es": ["presos", "petróleo", "sanciones"]}
    page, size = largest_html(site)
    return {"search": first_search_kib(site, queries), "home": home_first_load_kib(site),
            "slow_search": slow_first_search(site, queries), "largest_html": (page, size / 1024)}


def edition_kib(site: Path) -> dict:
    """The built offline edition of each language, gzipped as a static host sends it (KiB)."""
    from briefing.render.edition import edition_address, gzipped_size
    folders = {"en": site, "es": site / "es"}
    return {language: gzipped_size((folder / edition_address(language)).read_text(encoding="utf-8")) / 1024
            for language, folder in folders.items()}


REVISIONS = 5
BROWSER_UP_TO = 10_000  # above, the preview and Chromium measurements only with --browser (a long run as it is)
HISTORY = ("import sys, time; sys.path.insert(0, 'hooks'); from pathlib import Path\n"
           "from briefing.model.build import load_site; from briefing.model.history import EntryHistories\n"
           "from briefing.process import collector_paused\nsite = load_site('.', cache=False)\n"
           "t = time.perf_counter()\nwith collector_paused(): versions = EntryHistories().of(Path('.'), site)\n"
           "print(time.perf_counter() - t, sum(len(v) for v in versions.versions.values()))")


def committed_revisions(repo: Path) -> None:
    """The repository as git history: every entry committed, then changed in REVISIONS - 1 commits."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@example.org",
                        *args], check=True, capture_output=True)
    (repo / ".gitignore").write_text("site/\n.cache/\n")
    git("init", "-q", "-b", "main")
    files = sorted((repo / "briefings").rglob("2*.yaml"))
    for revision in range(REVISIONS):
        if revision:
            for path in files:
                path.write_text(path.read_text().replace("summary: ", f"summary: Revision {revision}. ", 1))
        git("add", "-A")
        git("commit", "-q", "-m", f"revision {revision}")
    git("gc", "-q")  # packed, as a clone of the repository is


def history_cost(n: int, scratch: Path) -> dict:
    """Seconds of the history pass (a fresh process, the model loaded first) and of the full build."""
    repo = scratch / f"history-{n}"
    make_repo(repo, n)
    committed_revisions(repo)
    seconds, versions = subprocess.run([sys.executable, "-c", HISTORY], cwd=repo, capture_output=True, text=True,
                                       check=True, env=ENV).stdout.split()
    build = timed_builds([(repo / "mkdocs.yml", repo / "site")], strict=True).seconds
    return {"n": n, "history": float(seconds), "versions": int(versions), "build": build}


def run(n: int, scratch: Path, repeats: int, browser: bool) -> dict:
    repo = scratch / f"site-{n}"
    entries = make_repo(repo, n)
    result: dict = {"n": n, **interleaved_builds(repo, entries, scratch / f"floor-{n}", repeats)}
    result["validate_cold"], result["validate_warm"] = validation_seconds(repo)
    result["edition"] = edition_kib(repo / "site")
    if browser:
        result.update(reader_side(repo / "site"))
        from preview_timing import free_port, preview_latency
        result["preview"] = preview_latency(repo, free_port())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="entry counts (default: 1000 and 10000)")
    parser.add_argument("--repeat", type=int, help="builds of each kind, median taken (default: 3 up to "
                                                   "N = 2,000, else 1)")
    parser.add_argument("--no-browser", action="store_true", help="leave out the preview and Chromium measurements")
    parser.add_argument("--browser", action="store_true", help=f"take them above N = {BROWSER_UP_TO:,} too (by "
                                                                "default a run that large measures the builds only)")
    parser.add_argument("--history", action="store_true", help=f"only the history pass, {REVISIONS} versions an entry, "
                                                               "against the build")
    args = parser.parse_args()
    if args.history:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
            for n in args.n or [10000]:
                cost = history_cost(n, Path(scratch))
                print(f"history at {n:,} entries x {REVISIONS} revisions ({cost['versions']:,} versions): "
                      f"{cost['history']:.1f} s; the build: {cost['build']:.1f} s; "
                      f"{100 * cost['history'] / cost['build']:.1f}% of the build (target: at most 10%)")
        return
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
        started = time.perf_counter()
        results = [run(n, Path(scratch), args.repeat or (3 if n <= 2000 else 1),
                       not args.no_browser and (n <= BROWSER_UP_TO or args.browser))
                   for n in (args.n or [1000, 10000])]
        report(results)
        print(f"benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
