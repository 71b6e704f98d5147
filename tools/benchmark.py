"""Benchmark: the site's build against the engine's floor, validation speed, memory, and sizes.

    .venv/bin/python tools/benchmark.py            # N = 1,000 and 10,000 (a few minutes)
    .venv/bin/python tools/benchmark.py --n 50     # a smoke run

For each N it generates synthetic entries into a scratch folder and measures, in one run:
the full build with the hooks; the floor (the same pages as plain Markdown, MkDocs +
Material, no hooks); validation alone; peak memory of the build; what a first search
downloads; the HTML size of an entry page and of the largest list page. Ratios are
computed within the run, since the machine is shared and noisy.
"""
from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_floor_repo, make_repo  # noqa: E402

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
    """Seconds and peak memory (KiB) of one `mkdocs build`, in a fresh process."""
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
config_file, entry = sys.argv[1], pathlib.Path(sys.argv[2])
build(load_config(config_file=config_file, site_dir=sys.argv[3]))
entry.write_text(entry.read_text().replace('title: "', 'title: "Edited ', 1))
start = time.perf_counter()
build(load_config(config_file=config_file, site_dir=sys.argv[3]))
print(time.perf_counter() - start)
"""


def preview_rebuild(repo: Path) -> float:
    """Seconds to rebuild after editing one entry, in a process that has built once (like `mkdocs serve`)."""
    entry = sorted((repo / "briefings").glob("*/*/*.yaml"))[0]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", PREVIEW, str(repo / "mkdocs.yml"), str(entry),
                             str(repo / "site-preview")], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def validation_rate(repo: Path, n: int) -> float:
    code = ("import sys, time; sys.path.insert(0, 'hooks'); from briefing.load import load_site; "
            "t = time.perf_counter(); load_site('.'); print(time.perf_counter() - t)")
    seconds = float(subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True,
                                   check=True).stdout)
    return n / seconds


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def first_search_bytes(site: Path) -> int:
    """Compressed bytes a reader's first search fetches: the index and the search worker."""
    files = [site / "search/search_index.json", *(site / "assets/javascripts/workers").glob("search*.js")]
    pagefind = site / "pagefind"
    if pagefind.exists():  # a chunked index: the entry files, not every chunk
        files = [p for p in pagefind.glob("pagefind*.js")] + list(pagefind.glob("pagefind-entry.json"))
    return sum(gz_size(path) for path in files if path.exists())


def largest_list_page(site: Path) -> tuple[str, int]:
    lists = [p for folder in ("topics", "figures", "actors", "timeline") for p in (site / folder).rglob("index.html")]
    biggest = max(lists, key=lambda p: p.stat().st_size)
    return biggest.relative_to(site).as_posix(), biggest.stat().st_size


def run(n: int, scratch: Path) -> dict:
    repo, floor = scratch / f"site-{n}", scratch / f"floor-{n}"
    entries = make_repo(repo, n)
    make_floor_repo(floor, entries)
    build_s, build_kib = timed_build(repo / "mkdocs.yml", repo / "site", strict=True)
    floor_s, floor_kib = timed_build(floor / "mkdocs.yml", floor / "site", strict=False)
    entry_pages = sorted((repo / "site/entries").glob("*/index.html"))
    return {"n": n, "build": build_s, "floor": floor_s, "peak_mib": build_kib / 1024,
            "floor_peak_mib": floor_kib / 1024, "validate_per_s": validation_rate(repo, n),
            "preview": preview_rebuild(repo),
            "first_search_kib": first_search_bytes(repo / "site") / 1024,
            "entry_kib": max(p.stat().st_size for p in entry_pages) / 1024,
            "largest_list": largest_list_page(repo / "site")}


def report(results: list[dict]) -> None:
    print(f"{'N':>6} {'build s':>8} {'floor s':>8} {'ratio':>6} {'peak MiB':>9} {'validate/s':>11} "
          f"{'preview s':>10} {'search KiB':>11} {'entry KiB':>10}  largest list page")
    for r in results:
        page, size = r["largest_list"]
        print(f"{r['n']:>6} {r['build']:>8.2f} {r['floor']:>8.2f} {r['build'] / r['floor']:>6.2f} "
              f"{r['peak_mib']:>9.0f} {r['validate_per_s']:>11.0f} {r['preview']:>10.2f} {r['first_search_kib']:>11.0f} "
              f"{r['entry_kib']:>10.1f}  {page} ({size / 1024:.0f} KiB)")
    if len(results) >= 2:
        small, big = results[0], results[-1]
        print(f"t({big['n']}) / t({small['n']}) = {big['build'] / small['build']:.2f} "
              f"(floor: {big['floor'] / small['floor']:.2f}) for {big['n'] / small['n']:.0f}x the entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="entry counts (default: 1000 and 10000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
        started = time.perf_counter()
        results = [run(n, Path(scratch)) for n in (args.n or [1000, 10000])]
        report(results)
        print(f"benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
