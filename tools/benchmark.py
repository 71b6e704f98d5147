"""Benchmark: the site's build against the engine's floor, validation speed, memory, and sizes.

    .venv/bin/python tools/benchmark.py            # N = 1,000 and 10,000 (a few minutes)
    .venv/bin/python tools/benchmark.py --n 50     # a smoke run
    .venv/bin/python tools/benchmark.py --n 1000 --languages   # also: both languages vs English only

For each N it generates synthetic entries into a scratch folder and measures, in one run:
the full build with the hooks (search index included); the floor (the same pages as plain
Markdown, MkDocs + Material, no hooks, the same settings: no search); the floor with
Material's own search plugin (the engine's way to make those pages searchable); validation
alone, cold and warm (the check cache); peak memory of the build; a rebuild after one edit;
what a first search downloads; the HTML size of an entry page and of the largest list page.
Ratios are computed within the run, from builds taken in turns (the median of three up to
N = 2,000), since the machine is shared and noisy.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_floor_repo, make_repo

REPO = Path(__file__).resolve().parent.parent
MEASURE = """
import resource, sys, time
from mkdocs.__main__ import cli
start = time.perf_counter()
try:
    cli(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(f"BENCH {time.perf_counter() - start:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} {code}",
      file=sys.stderr)
"""


def timed_build(config: Path, site: Path, strict: bool) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of one cold `mkdocs build` (no check cache), in a fresh process."""
    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    args = [sys.executable, "-c", MEASURE, "build", "-q", "-f", str(config), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768000000"}
    result = subprocess.run(args + (["--strict"] if strict else []), capture_output=True, text=True, env=env)
    line = [row for row in result.stderr.splitlines() if row.startswith("BENCH ")][-1].split()
    if line[3] not in ("0", "None"):
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    return float(line[1]), int(line[2])


PREVIEW = """
import sys, time, pathlib
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, entry, site_dir = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
first = load_config(config_file=config_file, site_dir=site_dir)
first.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does, once
build(first)
entry.write_text(entry.read_text().replace('title: "', 'title: "Edited ', 1))
start = time.perf_counter()
build(load_config(config_file=config_file, site_dir=site_dir))  # serve loads the config again
print(time.perf_counter() - start)
"""


def preview_rebuild(repo: Path) -> float:
    """Seconds to rebuild after editing one entry, in a process that has built once, as `mkdocs serve` does."""
    entry = sorted((repo / "briefings").glob("*/*/*.yaml"))[0]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", PREVIEW, str(repo / "mkdocs.yml"), str(entry),
                             str(repo / "site-preview")], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def validation_rates(repo: Path, n: int) -> tuple[float, float]:
    """Entries per second of validation (`check_site`, what `make validate` runs) in a fresh
    process: cold (no check cache), then warm."""
    code = ("import sys, time; sys.path.insert(0, 'hooks'); from briefing.read.load import check_site; "
            "t = time.perf_counter(); check_site('.'); print(time.perf_counter() - t)")
    shutil.rmtree(repo / ".cache", ignore_errors=True)
    rates = []
    for _ in ("cold", "warm"):
        seconds = float(subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True,
                                       check=True).stdout)
        rates.append(n / seconds)
    return rates[0], rates[1]


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def first_search_bytes(site: Path) -> int:
    """Compressed bytes a reader's first search fetches, as a worst case for one word:
    Pagefind's script, worker, entry file, WebAssembly and metadata, the two largest index
    chunks (in Chromium, one word of a 10,000-entry site loaded two), and the ten largest
    result fragments (the first page of results)."""
    bundle = site / "pagefind"
    fixed = [bundle / "pagefind.js", bundle / "pagefind-worker.js", bundle / "pagefind-entry.json",
             bundle / "wasm.en.pagefind", *bundle.glob("pagefind.*.pf_meta")]
    chunks = sorted(gz_size(path) for path in (bundle / "index").glob("*.pf_index"))
    fragments = sorted(path.stat().st_size for path in (bundle / "fragment").glob("*.pf_fragment"))
    return sum(gz_size(path) for path in fixed) + sum(chunks[-2:]) + sum(fragments[-10:])


def largest_list_page(site: Path) -> tuple[str, int]:
    lists = [p for folder in ("topics", "figures", "actors", "timeline") for p in (site / folder).rglob("index.html")]
    biggest = max(lists, key=lambda p: p.stat().st_size)
    return biggest.relative_to(site).as_posix(), biggest.stat().st_size


def interleaved_builds(repo: Path, floor: Path, floor_search: Path, repeats: int) -> tuple:
    """Median seconds of the three builds, run in turns (site, floor, floor with search) so
    that a slow spell of the shared machine hits all three; peak memory of the slowest."""
    runs: dict[str, list[tuple[float, int]]] = {"site": [], "floor": [], "floor_search": []}
    for _ in range(repeats):
        runs["site"].append(timed_build(repo / "mkdocs.yml", repo / "site", strict=True))
        runs["floor"].append(timed_build(floor / "mkdocs.yml", floor / "site", strict=False))
        runs["floor_search"].append(timed_build(floor_search / "mkdocs.yml", floor_search / "site", strict=False))
    seconds = {name: statistics.median(t for t, _ in results) for name, results in runs.items()}
    peak_kib = max(kib for _, kib in runs["site"])
    return seconds["site"], peak_kib, seconds["floor"], seconds["floor_search"]


def language_builds(repo: Path, repeats: int) -> tuple[float, float]:
    """Median seconds of the site's build with both languages (as published: mkdocs.yml builds
    mkdocs.es.yml's site into site/es/) and of the same site in English only (no mkdocs.es.yml),
    built in turns. 80% of the synthetic entries carry a Spanish block (synthetic.TRANSLATED)."""
    english_only = repo.parent / f"{repo.name}-en"
    shutil.copytree(repo, english_only, ignore=shutil.ignore_patterns("site", ".cache", "mkdocs.es.yml"))
    both, english = [], []
    for _ in range(repeats):
        both.append(timed_build(repo / "mkdocs.yml", repo / "site", strict=True)[0])
        english.append(timed_build(english_only / "mkdocs.yml", english_only / "site", strict=True)[0])
    return statistics.median(both), statistics.median(english)


def run(n: int, scratch: Path, repeats: int, languages: bool = False) -> dict:
    repo, floor, floor_search = scratch / f"site-{n}", scratch / f"floor-{n}", scratch / f"floor-search-{n}"
    entries = make_repo(repo, n)
    make_floor_repo(floor, entries)
    make_floor_repo(floor_search, entries, theme_search=True)
    build_s, build_kib, floor_s, floor_search_s = interleaved_builds(repo, floor, floor_search, repeats)
    entry_pages = sorted((repo / "site/entries").glob("*/index.html"))
    cold, warm = validation_rates(repo, n)
    return {"n": n, "build": build_s, "floor": floor_s, "floor_search": floor_search_s,
            "peak_mib": build_kib / 1024, "validate_cold": cold, "validate_warm": warm,
            "preview": preview_rebuild(repo),
            "first_search_kib": first_search_bytes(repo / "site") / 1024,
            "theme_search_kib": gz_size(floor_search / "site/search/search_index.json") / 1024,
            "entry_kib": max(p.stat().st_size for p in entry_pages) / 1024,
            "largest_list": largest_list_page(repo / "site"),
            "languages": language_builds(repo, repeats) if languages else None}


def report(results: list[dict]) -> None:
    print(f"{'N':>6} {'build s':>8} {'floor s':>8} {'ratio':>6} {'floor+search s':>15} {'ratio':>6} "
          f"{'peak MiB':>9} {'validate/s cold':>16} {'warm':>7} {'preview s':>10} {'1st search KiB':>15} "
          f"{'(theme search)':>15} {'entry KiB':>10}  largest list page")
    for r in results:
        page, size = r["largest_list"]
        print(f"{r['n']:>6} {r['build']:>8.2f} {r['floor']:>8.2f} {r['build'] / r['floor']:>6.2f} "
              f"{r['floor_search']:>15.2f} {r['build'] / r['floor_search']:>6.2f} {r['peak_mib']:>9.0f} "
              f"{r['validate_cold']:>16.0f} {r['validate_warm']:>7.0f} {r['preview']:>10.2f} "
              f"{r['first_search_kib']:>15.0f} {r['theme_search_kib']:>15.0f} "
              f"{r['entry_kib']:>10.1f}  {page} ({size / 1024:.0f} KiB)")
    for r in results:
        if r["languages"]:
            both, english = r["languages"]
            print(f"N = {r['n']}: both languages {both:.2f} s, English only {english:.2f} s, "
                  f"ratio {both / english:.2f}")
    if len(results) >= 2:
        small, big = results[0], results[-1]
        print(f"t({big['n']}) / t({small['n']}) = {big['build'] / small['build']:.2f} "
              f"(floor: {big['floor'] / small['floor']:.2f}) for {big['n'] / small['n']:.0f}x the entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="entry counts (default: 1000 and 10000)")
    parser.add_argument("--repeat", type=int, help="builds of each kind, median taken (default: 3 up to "
                                                   "N = 2,000, else 1)")
    parser.add_argument("--languages", action="store_true",
                        help="also build the site in English only, to compare with both languages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
        started = time.perf_counter()
        results = [run(n, Path(scratch), args.repeat or (3 if n <= 2000 else 1), args.languages)
                   for n in (args.n or [1000, 10000])]
        report(results)
        print(f"benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
