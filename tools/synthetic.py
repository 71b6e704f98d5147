"""Synthetic briefing repositories for benchmarks and smoke tests. They never ship.

Entries have a realistic shape: about 300 words, 1-3 claims, 1-2 sources, spread
over the three topics, several figures and actors, and two years of dates, all in the past
(the validator refuses future dates).
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORDS = ("the report said officials released detainees after talks government opposition rights groups "
         "counted prisoners tankers exports oil control envoy meeting Washington Caracas assembly ministry "
         "statement according sources confirmed disputed figures week month families lawyers courts vessels "
         "sanctions negotiations release list names transfer prison hearing").split()
ACTORS = {f"actor-{i}": (f"Actor Rodríguez {i}", ["person", "organization", "government", "media", "group"][i % 5])
          for i in range(40)}
FIGURES = {f"figure-{i}": f"Tracked figure {i}" for i in range(8)}
TOPICS = ("detentions", "oil-control", "diplomacy")
QUALIFIERS = ("exactly", "about", "at-least", "more-than", "at-most", "fewer-than")
PALABRAS = ("el informe dijo que funcionarios liberaron detenidos tras conversaciones gobierno oposición grupos "
            "derechos contaron presos petroleros exportaciones petróleo control enviado reunión Washington "
            "Caracas asamblea ministerio declaración según fuentes confirmó cifras semana mes familias abogados "
            "tribunales buques sanciones negociaciones liberación lista nombres traslado prisión audiencia").split()
TRANSLATED = 0.8  # the share of entries with a Spanish block; the others show as not yet translated


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def entry_fields(rng: random.Random, i: int, start: dt.date) -> dict:
    date = start + dt.timedelta(days=rng.randrange(730))
    sources = [{"id": f"s{k}", "title": f"Report {i}-{k}", "publisher": "Synthetic Wire",
                "url": f"https://example.org/{i}/{k}", "published": date.isoformat()} for k in range(rng.randint(1, 2))]
    claims = []
    for _ in range(rng.randint(1, 3)):
        low = rng.randrange(10, 2000)
        ranged = rng.random() < 0.3
        claims.append({"figure": rng.choice(list(FIGURES)), "by": rng.choice(list(ACTORS)),
                       "value": f"[{low}, {low + rng.randrange(1, 200)}]" if ranged else str(low),
                       "qualifier": rng.choice(QUALIFIERS), "source": rng.choice(sources)["id"]})
    return {"id": f"synthetic-entry-{i}", "date": date, "topics": rng.sample(TOPICS, rng.randint(1, 2)),
            "title": f"Synthetic entry {i}: " + " ".join(rng.choice(WORDS) for _ in range(8)),
            "summary": paragraph(rng, 40), "body": [paragraph(rng, 60) for _ in range(4)],
            "actors": sorted({c["by"] for c in claims}), "claims": claims, "sources": sources}


def spanish_fields(i: int, seed: int) -> dict | None:
    """The entry's Spanish block, for TRANSLATED of the entries (its own random stream, so the
    English fields are the same with or without it)."""
    rng = random.Random(seed * 100_003 + i)
    if rng.random() >= TRANSLATED:
        return None
    words = lambda count: " ".join(rng.choice(PALABRAS) for _ in range(count))  # noqa: E731
    return {"title": f"Entrada sintética {i}: {words(8)}", "summary": words(40).capitalize() + ".",
            "body": [words(60).capitalize() + "." for _ in range(4)]}


def spanish_yaml(es: dict, translated_on: dt.date) -> list[str]:
    return ["es:", f"  title: \"{es['title']}\"", f"  summary: >-\n    {es['summary']}", "  body: |",
            *(f"    {p}\n" for p in es["body"]), f"  translated_on: {translated_on.isoformat()}"]


def entry_yaml(e: dict) -> str:
    lines = [f"title: \"{e['title']}\"", f"date: {e['date'].isoformat()}", f"topics: [{', '.join(e['topics'])}]",
             f"summary: >-\n  {e['summary']}", "body: |", *(f"  {p}\n" for p in e["body"]),
             f"actors: [{', '.join(e['actors'])}]", "claims:"]
    for c in e["claims"]:
        lines += [f"  - figure: {c['figure']}", f"    value: {c['value']}", f"    qualifier: {c['qualifier']}",
                  f"    by: {c['by']}", f"    source: {c['source']}"]
    lines.append("sources:")
    for s in e["sources"]:
        lines += [f"  - id: {s['id']}", f"    title: {s['title']}", f"    publisher: {s['publisher']}",
                  f"    url: {s['url']}", f"    published: {s['published']}"]
    if e.get("es"):
        lines += spanish_yaml(e["es"], e["date"])
    return "\n".join(lines) + "\n"


def entry_markdown(e: dict) -> str:
    """The same text as a plain Markdown page: what MkDocs alone would build (the floor)."""
    claims = "\n".join(f"| {ACTORS[c['by']][0]} | {FIGURES[c['figure']]} | {c['qualifier']} {c['value']} |"
                       for c in e["claims"])
    sources = "\n".join(f"1. [{s['title']}]({s['url']}), {s['publisher']}, {s['published']}" for s in e["sources"])
    return (f"# {e['title']}\n\n{e['date'].isoformat()} · {', '.join(e['topics'])}\n\n**{e['summary']}**\n\n"
            + "\n\n".join(e["body"]) + f"\n\n## Claims\n\n| Who | Figure | Value |\n|---|---|---|\n{claims}\n\n"
            f"## Sources\n\n{sources}\n")


def write_registries(folder: Path) -> None:
    topics = "".join(f"{t}:\n  title: {t.replace('-', ' ').capitalize()}\n  summary: Synthetic topic.\n"
                     for t in TOPICS)
    actors = "".join(f"{a}:\n  name: {name}\n  kind: {kind}\n" for a, (name, kind) in ACTORS.items())
    figures = "".join(f"{f}:\n  label: {label}\n  unit: people\n" for f, label in FIGURES.items())
    for name, text in (("topics.yaml", topics), ("actors.yaml", actors), ("figures.yaml", figures)):
        (folder / name).write_text(text, encoding="utf-8")


def make_repo(target: Path, n: int, seed: int = 1) -> list[dict]:
    """A copy of the site with N synthetic entries instead of the real ones."""
    top_level = {".git", ".venv", ".cache", "node_modules", "site", "site.partial", "briefings", "tests"}
    shutil.copytree(REPO, target, ignore=lambda folder, names: [
        name for name in names if name == "__pycache__" or (Path(folder) == REPO and name in top_level)])
    folder = target / "briefings"
    folder.mkdir()
    write_registries(folder)
    rng = random.Random(seed)
    entries = [{**entry_fields(rng, i, dt.date(2024, 6, 1)), "es": spanish_fields(i, seed)} for i in range(n)]
    for e in entries:
        path = folder / f"{e['date']:%Y}" / f"{e['date']:%m}" / f"{e['date'].isoformat()}-{e['id']}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_yaml(e), encoding="utf-8")
    return entries


def make_floor_repo(target: Path, entries: list[dict], theme_search: bool = False) -> None:
    """The same pages as plain Markdown, built by MkDocs + Material with no hooks (same theme
    settings). With `theme_search`, Material's own search plugin indexes them, as a site
    searchable the theme's way would."""
    shutil.copytree(REPO / "docs", target / "docs")
    site_config = (REPO / "mkdocs.yml").read_text()
    config = site_config.split("\nhooks:")[0]  # the theme settings, without the hooks
    config += "\n" + site_config[site_config.index("markdown_extensions:"):site_config.index("\nnav:")]
    plugins = "\nplugins:\n  - search:\n      lang: [en, es]\n" if theme_search else "\nplugins: []\n"
    config += plugins + "not_in_nav: |\n  /entries/\n"
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    (target / "mkdocs.yml").write_text(config + "nav:\n  - Home: index.md\n")
    (target / "docs/entries").mkdir()
    for e in entries:
        (target / "docs/entries" / f"{e['id']}.md").write_text(entry_markdown(e), encoding="utf-8")
