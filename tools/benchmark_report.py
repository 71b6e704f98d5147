"""The benchmark's results, each beside its target (issues 16 and 26; tools/benchmark.py)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from briefing.render.edition import EDITION_GZIP_BUDGET

EDITION_KIB = EDITION_GZIP_BUDGET / 1024  # the core keeps the bound; the report prints it

MIB_1G, MIB_3G = 1024, 3 * 1024
TARGETS = (  # (what, the result's value, {the least N a target holds from: the target}, unit)
    ("full build / two-language floor with search", lambda r: r["build"] / r["floor"], {0: 1.10}, "×"),
    ("CPU of all processes, site / floor", lambda r: r["cpu"] / r["floor_cpu"], {0: 1.20}, "×"),
    ("one process (BRIEFING_ONE_PROCESS=1) / floor", lambda r: r["one_process"] / r["floor"], {0: 1.20}, "×"),
    ("peak memory, main process", lambda r: r["peak_mib"]["main"], {10_000: MIB_1G, 30_000: MIB_3G}, "MiB"),
    ("peak memory, forked Spanish build", lambda r: r["peak_mib"]["fork"], {10_000: MIB_1G, 30_000: MIB_3G}, "MiB"),
    ("peak memory, Pagefind (largest)", lambda r: r["peak_mib"]["pagefind"], {10_000: MIB_1G, 30_000: MIB_3G},
     "MiB"),
    ("peak memory, one process (both languages)", lambda r: r["peak_mib"]["one_process"],
     {10_000: MIB_1G, 30_000: MIB_3G}, "MiB"),
    ("preview: English entry page, write to response", lambda r: r["preview"]["en"]["median_s"],
     {0: 1.0, 10_000: 2.0}, "s"),
    ("preview: Spanish entry page, write to response", lambda r: r["preview"]["es"]["median_s"],
     {0: 1.0, 10_000: 2.0}, "s"),
    ("validation, cold (CI without the check cache)", lambda r: r["validate_cold"], {10_000: 2.0}, "s"),
    ("validation, warm (CI restores the check cache)", lambda r: r["validate_warm"], {10_000: 2.0}, "s"),
    ("first search, worst query, English (Chromium)", lambda r: r["search"]["en"]["kib"], {0: 300}, "KiB gz"),
    ("first search, worst query, Spanish (Chromium)", lambda r: r["search"]["es"]["kib"], {0: 300}, "KiB gz"),
    ("home page first load, English (Chromium)", lambda r: r["home"]["en"]["kib"], {0: 100}, "KiB gz"),
    ("home page first load, Spanish (Chromium)", lambda r: r["home"]["es"]["kib"], {0: 100}, "KiB gz"),
    ("largest HTML page", lambda r: r["largest_html"][1], {0: 100}, "KiB"),
    ("offline edition, English", lambda r: r["edition"]["en"], {0: EDITION_KIB}, "KiB gz"),
    ("offline edition, Spanish", lambda r: r["edition"]["es"], {0: EDITION_KIB}, "KiB gz"),
)
GROWTH_MARGIN = 1.05  # the site's t(large) / t(small) may be at most 5% above the floor's


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "met" if value <= target else "NOT MET"


def target_at(targets: dict, n: int) -> float | None:
    """The target for N entries: the one given for the largest N not above it (None below all)."""
    held = [least for least in targets if least <= n]
    return targets[max(held)] if held else None


def target_rows(result: dict) -> list[str]:
    rows = []
    for what, value_of, targets, unit in TARGETS:
        try:
            value = value_of(result)
        except KeyError:
            continue  # not measured in this run (--no-browser)
        target = target_at(targets, result["n"])
        goal = f"≤ {target:g} {unit}" if target is not None else "(no target at this N)"
        rows.append(f"  {what:<48} {value:>8.2f} {unit:<6} {goal:<16} {verdict(value, target)}")
    return rows


def growth_rows(small: dict, big: dict) -> list[str]:
    """t(big N) / t(small N) of the site beside the floor's, in wall time and in CPU, each met when
    the site's grows at most 5% more than the floor's."""
    rows = []
    for what, site, floor in (("wall", "build", "floor"), ("CPU", "cpu", "floor_cpu")):
        grew, floor_grew = big[site] / small[site], big[floor] / small[floor]
        rows.append(f"  t({big['n']}) / t({small['n']}) in {what}: {grew:.2f}, floor {floor_grew:.2f} "
                    f"({grew / floor_grew:.3f} of the floor's; target ≤ {GROWTH_MARGIN:.2f}) "
                    f"{verdict(grew / floor_grew, GROWTH_MARGIN)}")
    return rows


def report(results: list[dict]) -> None:
    for r in results:
        pages = r["pages"]
        print(f"N = {r['n']}: {pages['en']} + {pages['es']} pages (English + Spanish); build {r['build']:.2f} s, "
              f"two-language floor with search {r['floor']:.2f} s")
        print(f"  CPU time (all processes): build {r['cpu']:.2f} s, floor {r['floor_cpu']:.2f} s; one process: "
              f"{r['one_process']:.2f} s wall, {r['one_process_cpu']:.2f} s CPU")
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
        print(f"growth, {big['n'] / small['n']:.0f}x the entries:")
        print("\n".join(growth_rows(small, big)))
