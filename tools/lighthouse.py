"""Lighthouse on the site as CI publishes it: build it (tools/published_site.py: the /briefing/
prefix, REPO_URL, EDIT_URI, a fixed SOURCE_DATE_EPOCH), serve it on 127.0.0.1 gzipped as GitHub
Pages sends it, and run the pinned Lighthouse (node_modules, 12.2.3) with Debian's Chromium, with
its phone profile (a mid-range phone on a throttled 4G network), on the home page, an entry and
a figure page, three times each. Prints a table of the median score of each category over the
runs, then the audits that cost points in each page's median-performance run. Exits 1 if a median
score is under --min.

    .venv/bin/python tools/lighthouse.py                 # phone profile, 3 runs per page
    .venv/bin/python tools/lighthouse.py --runs 5 --out /tmp/lh   # keep the JSON reports
    .venv/bin/python tools/lighthouse.py --preset desktop --page about/

Environment: CHROMIUM_PATH (default /usr/bin/chromium). No browser is ever downloaded.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import published_site

REPO = published_site.REPO
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ["", "entries/bloomberg-reports-us-citizen-released/", "figures/prisoners-released/"]


def lighthouse(url: str, report: Path, preset: str | None) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--only-categories=" + ",".join(CATEGORIES),
               f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report}",
               *([f"--preset={preset}"] if preset else [])]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    result: dict = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not read {url}: {result['runtimeError']}")
    return result


def scores(report: dict) -> dict[str, int]:
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """The weighted audits that did not score full marks, as 'category: audit (score, weight) value'."""
    lines = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"{key}: {ref['id']} (score {audit['score']:.2f}, weight {ref['weight']}) "
                             f"{audit.get('displayValue') or ''}".rstrip())
    return lines


def measure(base: str, path: str, runs: int, out: Path, preset: str | None) -> tuple[dict[str, int], list[str]]:
    """The median score of each category over `runs` runs, and what the median-performance run lost."""
    name = path.strip("/").replace("/", "-") or "home"
    reports = []
    for run in range(1, runs + 1):
        print(f"== lighthouse {base + path}, run {run} of {runs}", file=sys.stderr, flush=True)
        reports.append(lighthouse(base + path, out / f"{name}-{run}.report.json", preset))
    per_run = [scores(report) for report in reports]
    medians = {key: int(statistics.median(run[key] for run in per_run)) for key in CATEGORIES}
    by_performance = sorted(range(runs), key=lambda i: per_run[i]["performance"])
    return medians, lost_points(reports[by_performance[runs // 2]])


def table(rows: dict[str, dict[str, int]], titles: dict[str, str]) -> str:
    width = max(len(path) for path in rows)
    lines = ["| " + "page".ljust(width) + " | " + " | ".join(titles[key] for key in CATEGORIES) + " |",
             "|" + "-" * (width + 2) + "|" + "|".join("-" * (len(titles[key]) + 1) + ":" for key in CATEGORIES) + "|"]
    for path, medians in rows.items():
        lines.append("| " + path.ljust(width) + " | " + " | ".join(
            str(medians[key]).rjust(len(titles[key])) for key in CATEGORIES) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", help="a path under the site (repeatable); "
                        "default: the home page, an entry and a figure page")
    parser.add_argument("--preset", choices=["desktop"], help="Lighthouse's desktop profile instead of the phone")
    parser.add_argument("--no-gzip", action="store_true", help="serve the pages uncompressed")
    parser.add_argument("--min", type=int, default=95, help="exit 1 if a median score is under this (95)")
    parser.add_argument("--out", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args()
    for tool in (LIGHTHOUSE, Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))):
        if not os.access(tool, os.X_OK):
            raise SystemExit(f"missing: {tool}")
    titles = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best Practices", "seo": "SEO"}
    with tempfile.TemporaryDirectory() as work:
        out = args.out or Path(work) / "reports"
        out.mkdir(parents=True, exist_ok=True)
        rows, lost = {}, {}
        with published_site.published(Path(work), compress=not args.no_gzip) as (_site, base):
            for path in args.page or PAGES:
                shown = urlsplit(base).path + path  # as readers' addresses show it: /briefing/...
                rows[shown], lost[shown] = measure(base, path, args.runs, out, args.preset)
    profile = "desktop" if args.preset else "phone (Lighthouse's mobile profile, throttled)"
    print(f"Lighthouse 12.2.3, {profile}; median of {args.runs} runs per page\n")
    print(table(rows, titles))
    for path, lines in lost.items():
        if lines:
            print(f"\n{path} lost points on:\n  " + "\n  ".join(lines))
    if args.out:
        print(f"\nreports in {out}")
    if min(min(medians.values()) for medians in rows.values()) < args.min:
        print(f"a median score is under {args.min}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
