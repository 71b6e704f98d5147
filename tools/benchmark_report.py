"""The benchmark's results, each beside its target (issue 16's targets; tools/benchmark.py)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from briefing.render.edition import EDITION_GZIP_BUDGET

EDITION_KIB = EDITION_GZIP_BUDGET / 1024  # the core keeps the bound; the report prints it

TARGETS = (  # (what, the result's value, the target for N = 1,000, for N = 10,000, unit)
    ("full build / two-language floor with search", lambda r: r["build"] / r["floor"], 1.10, 1.10, "×"),
    ("preview: English entry page, write to response", lambda r: r["preview"]["en"]["median_s"], 1.0, 2.0, "s"),
    ("preview: Spanish entry page, write to response", lambda r: r["preview"]["es"]["median_s"], 1.0, 2.0, "s"),
    ("validation, cold (CI without the check cache)", lambda r: r["validate_cold"], None, 2.0, "s"),
    ("validation, warm (CI restores the check cache)", lambda r: r["validate_warm"], None, 2.0, "s"),
    ("first search, worst query, English (Chromium)", lambda r: r["search"]["en"]["kib"], 300, 300, "KiB gz"),
    ("first search, worst query, Spanish (Chromium)", lambda r: r["search"]["es"]["kib"], 300, 300, "KiB gz"),
    ("home page first load, English (Chromium)", lambda r: r["home"]["en"]["kib"], 100, 100, "KiB gz"),
    ("home page first load, Spanish (Chromium)", lambda r: r["home"]["es"]["kib"], 100, 100, "KiB gz"),
    ("largest HTML page", lambda r: r["largest_html"][1], 100, 100, "KiB"),
    ("offline edition, English", lambda r: r["edition"]["en"], EDITION_KIB, EDITION_KIB, "KiB gz"),
    ("offline edition, Spanish", lambda r: r["edition"]["es"], EDITION_KIB, EDITION_KIB, "KiB gz"),
)


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "met" if value <= target else "NOT MET"


def target_rows(result: dict) -> list[str]:
    rows = []
    for what, value_of, small, large, unit in TARGETS:
        try:
            value = value_of(result)
        except KeyError:
            continue  # not measured in this run (--no-browser)
        target = large if result["n"] >= 10_000 else small
        goal = f"≤ {target:g} {unit}" if target is not None else "(no target at this N)"
        rows.append(f"  {what:<48} {value:>8.2f} {unit:<6} {goal:<16} {verdict(value, target)}")
    return rows


def report(results: list[dict]) -> None:
    for r in results:
        pages = r["pages"]
        print(f"N = {r['n']}: {pages['en']} + {pages['es']} pages (English + Spanish); build {r['build']:.2f} s, "
              f"two-language floor with search {r['floor']:.2f} s")
        print(f"  CPU time (all processes): build {r['cpu']:.2f} s, floor {r['floor_cpu']:.2f} s "
              f"({r['cpu'] / r['floor_cpu']:.2f} ×); peak memory: main process {r['peak_mib']:.0f} MiB, "
              f"largest other process (the Spanish build or a Pagefind) {r['child_peak_mib']:.0f} MiB")
        if "largest_html" in r:
            searches = "; ".join(f"{language}: " + ", ".join(f"{q} {kib:.0f}" for q, kib in s["queries"].items())
                                 for language, s in r["search"].items())
            print(f"  largest HTML page: {r['largest_html'][0]}; first searches (KiB gz) {searches}")
        if "slow_search" in r:
            slow = "; ".join(f"{language} {s['query']!r} {s['seconds']:.2f} s to results, {s['requests']} requests, "
                             f"{s['kib']:.0f} KiB" for language, s in r["slow_search"].items())
            print(f"  first search on a slow link (400 ms round trip, 400 kbit/s down and up), median of 3: {slow}")
        if "preview" in r:
            runs = "; ".join(f"{language}: " + ", ".join(f"{s:.2f}" for s in r["preview"][language]["runs_s"])
                             for language in ("en", "es"))
            print(f"  preview: first build {r['preview']['first_build_s']:.1f} s; each edit (s) {runs}")
        print("\n".join(target_rows(r)))
    if len(results) >= 2:
        small, big = results[0], results[-1]
        print(f"t({big['n']}) / t({small['n']}) = {big['build'] / small['build']:.2f} "
              f"(floor: {big['floor'] / small['floor']:.2f}) for {big['n'] / small['n']:.0f}x the entries")
