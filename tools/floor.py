"""The engine's floor in two languages: what MkDocs + Material alone cost for the site's pages.

Two plain-Markdown sites, English and Spanish, each with as many pages as that language's site
has (entry pages with the entries' text; list pages of the same number, as lists of titles),
Material's theme settings and, with `search`, Material's own search plugin in that language.
Built one after the other in one process, as the site builds its two languages.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from synthetic import REPO, entry_markdown

LIST_LENGTH = 50  # a list page of the site holds up to 50 entries (render/paginate.py)


def floor_config(docs: Path, language: str, search: bool) -> str:
    site_config = (REPO / "mkdocs.yml").read_text()
    config = site_config.split("\nhooks:")[0]  # the theme settings, without the hooks
    config += "\n" + site_config[site_config.index("markdown_extensions:"):site_config.index("\nnav:")]
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}").replace("exclude_docs: |\n  /es/\n", "")
    config = config.replace("  language: en", f"  language: {language}")
    plugins = f"\nplugins:\n  - search:\n      lang: {language}\n" if search else "\nplugins: []\n"
    return config + plugins + "not_in_nav: |\n  /entries/\n  /lists/\n" + "nav:\n  - Home: index.md\n"


def spanish(e: dict) -> dict:
    """An entry's text as the Spanish site shows it: its Spanish block, or its English title only."""
    es = e.get("es")
    if not es:
        return {**e, "summary": "", "body": []}
    return {**e, **es}


def write_language(folder: Path, entries: list[dict], pages: int, language: str) -> Path:
    """docs/ for one language: the hand-written pages, the entries, then list pages up to `pages`."""
    docs = folder / "docs"
    shutil.copytree(REPO / "docs" / ("es" if language == "es" else ""), docs,
                    ignore=shutil.ignore_patterns("es") if language == "en" else None)
    if language == "es":
        shutil.copytree(REPO / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    (docs / "entries").mkdir()
    for e in entries:
        text = entry_markdown(spanish(e) if language == "es" else e)
        (docs / "entries" / f"{e['id']}.md").write_text(text, encoding="utf-8")
    (docs / "lists").mkdir()
    written = len(list(docs.rglob("*.md")))
    for i in range(max(0, pages - written)):
        chunk = entries[(i * LIST_LENGTH) % len(entries):][:LIST_LENGTH]
        items = "\n".join(f"- {e['date'].isoformat()} · {e['title']}" for e in chunk)
        (docs / "lists" / f"list-{i}.md").write_text(f"# List {i}\n\n{items}\n", encoding="utf-8")
    return docs


def make_two_language_floor(target: Path, entries: list[dict], pages: dict[str, int], search: bool) -> list[Path]:
    """The two floor sites' configuration files, English first; `pages` is the number of HTML
    pages of each language's site."""
    configs = []
    for language in ("en", "es"):
        folder = target / language
        docs = write_language(folder, entries, pages[language], language)
        config = folder / "mkdocs.yml"
        config.write_text(floor_config(docs, language, search))
        configs.append(config)
    return configs


def html_pages(site: Path) -> dict[str, int]:
    """The number of HTML pages of each language in a built site (Spanish under es/)."""
    spanish_pages = sum(1 for _ in (site / "es").rglob("*.html"))
    return {"en": sum(1 for _ in site.rglob("*.html")) - spanish_pages, "es": spanish_pages}
