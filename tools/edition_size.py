"""The offline edition's size at N entries, gzipped and as saved, beside the core's two bounds,
quickly: a synthetic model built in memory (no files, no MkDocs) and only the edition rendered,
in each language.

    .venv/bin/python tools/edition_size.py --n 1000 --n 10000

The benchmark prints the gzipped size for its own run (benchmark_report.py); this is the quick
path at any N. The entries are spread over the last `days` days, so that the edition's period is
as full as a site of N entries can make it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from briefing.model.site import Actor, Claim, Entry, Figure, Site, Source, Topic, Translation
from briefing.render.edition import (
    EDITION_GZIP_BUDGET,
    EDITION_SAVED_BUDGET,
    edition_address,
    edition_html,
    gzipped_size,
    saved_size,
)
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ACTORS, FIGURES, QUALIFIERS, TOPICS, WORDS, paragraph

NEWEST = dt.date(2026, 1, 14)


def synthetic_entry(rng: random.Random, i: int, days: int) -> Entry:
    date = NEWEST - dt.timedelta(days=rng.randrange(days))
    sources = tuple(Source(f"s{k}", f"Report {i}-{k}", "Synthetic Wire", url=f"https://example.org/{i}/{k}",
                           published=date) for k in range(rng.randint(1, 2)))
    claims = tuple(Claim(rng.choice(list(FIGURES)), low, low + 50 if ranged else low, ranged,
                         rng.choice(QUALIFIERS), rng.choice(list(ACTORS)), date, rng.choice(sources).id)
                   for low, ranged in ((rng.randrange(10, 2000), rng.random() < 0.3) for _ in range(rng.randint(1, 3))))
    title = f"Synthetic entry {i}: " + " ".join(rng.choice(WORDS) for _ in range(8))
    spanish = Translation("es", (("title", f"Entrada sintética {i}"), ("summary", paragraph(rng, 40)),
                                 ("translated_on", date)))
    return Entry(f"synthetic-entry-{i}", f"briefings/{i}.yaml", title, date, tuple(rng.sample(TOPICS, 1)),
                 paragraph(rng, 40), sources, actors=tuple(sorted({c.by for c in claims})), claims=claims,
                 translations=(spanish,) if rng.random() < 0.8 else ())


def synthetic_site(n: int, days: int = 30, seed: int = 1) -> Site:
    """N entries, all within the last `days` days up to NEWEST, with the benchmark's registries."""
    rng = random.Random(seed)
    entries = tuple(sorted((synthetic_entry(rng, i, days) for i in range(n)), key=lambda e: (e.date, e.id),
                           reverse=True))
    return Site(topics={t: Topic(t, t.capitalize(), "Synthetic topic.") for t in TOPICS},
                actors={a: Actor(a, name, kind) for a, (name, kind) in ACTORS.items()},
                figures={f: Figure(f, label, "people") for f, label in FIGURES.items()},
                entries=entries, by_topic={t: tuple(e for e in entries if t in e.topics) for t in TOPICS})


def edition_of(site: Site, language: str) -> str:
    """The edition of `site` in `language`, rendered alone."""
    renderer = SiteRenderer(language=language)
    settings = Settings("Synthetic briefing", "https://example.org/briefing/", build_date=NEWEST, language=language)
    return edition_html(renderer.context(site, settings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="entry counts (default: 1000 and 10000)")
    for n in parser.parse_args().n or [1000, 10000]:
        site = synthetic_site(n)
        for language in ("en", "es"):
            html = edition_of(site, language)
            print(f"N={n} {edition_address(language)}: {html.count('<article ')} entries, "
                  f"{gzipped_size(html) / 1024:.1f} KiB gz (bound {EDITION_GZIP_BUDGET / 1024:.0f}), "
                  f"{saved_size(html) / 1024:.1f} KiB as saved (bound {EDITION_SAVED_BUDGET / 1024:.0f})")


if __name__ == "__main__":
    main()
