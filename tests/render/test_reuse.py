"""A renderer that remembers its last build (render/reuse.py) renders what a fresh one renders,
edit after edit, in both languages, while making again only what the edit changed."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from briefing.model.build import BuiltEntries, load_site
from briefing.model.ledger import Ledger
from briefing.read.cache import CheckedFiles
from briefing.render.citation import CITE_FILES
from briefing.render.opendata import figure_data_path
from briefing.render.paths import FEED_SUFFIXES, entry_url, feed_path, topic_feed_name
from briefing.render.plan import FILE, KINDS, Kind
from briefing.render.settings import Settings
from briefing.render.site_outputs import RenderedSite, SiteRenderer

from synthetic import make_repo

SITES = (("en", "https://example.org/"), ("es", "https://example.org/es/"))


def settings(language: str) -> Settings:
    return Settings("Synthetic", dict(SITES)[language], language=language, sites=SITES)


def everything(renderer: SiteRenderer, site, language: str, ledger: Ledger | None = None) -> dict:
    made = renderer.render(site, settings(language), ledger)
    return {"pages": {page.source: (page.body, page.meta) for page in made.pages}, "home": made.home_html,
            "files": {item.path: item.content for item in made.files()}}


def entry_files(repo: Path) -> list[Path]:
    return sorted((repo / "briefings").glob("*/*/*.yaml"))


def retitle(path: Path, pattern: str, words: str) -> None:
    path.write_text(re.sub(pattern, lambda found: found.group(0) + words, path.read_text(), count=1, flags=re.M))


def edit_english_title(repo: Path) -> None:
    retitle(entry_files(repo)[7], r'^title: "', "Edited ")


def edit_a_recent_title(repo: Path) -> None:
    """One of the latest entries, which the home page and the timeline list."""
    retitle(entry_files(repo)[-4], r'^title: "', "Edited ")


def edit_spanish_title(repo: Path) -> None:
    translated = [path for path in entry_files(repo) if "\n  title: " in path.read_text()]
    retitle(translated[3], r'^  title: "', "Editado ")


def lower_a_claim(repo: Path) -> None:
    """The claim becomes its figure's lowest: every summary of the figure changes."""
    path = entry_files(repo)[11]
    path.write_text(re.sub(r"value: \S+", "value: 1", path.read_text(), count=1))


def add_an_update(repo: Path) -> None:
    """A dated correction: the entry joins the corrections feed, and its dates move."""
    path = entry_files(repo)[9]
    date = re.search(r"^date: (\S+)", path.read_text(), flags=re.M).group(1)
    later = dt.date.fromisoformat(date) + dt.timedelta(days=3)
    path.write_text(path.read_text().replace("\nactors: [", f"\nupdates:\n  - date: {later}\n"
                                             "    note: Corrected a figure.\nactors: [", 1))


def repeat_an_entry(repo: Path) -> None:
    """A new entry that reports an older entry's claims again: they are one claim each (also_in)."""
    path = entry_files(repo)[2]
    shutil.copy(path, path.with_name(path.name.replace(".yaml", "-again.yaml")))


def remove_an_entry(repo: Path) -> None:
    entry_files(repo)[20].unlink()


def move_an_entry(repo: Path) -> None:
    """Another date: another month, another place in every list."""
    path = entry_files(repo)[30]
    text = re.sub(r"^date: \S+", "date: 2024-06-01", path.read_text(), count=1, flags=re.M)
    target = repo / "briefings/2024/06" / ("2024-06-01-" + path.name[11:])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    path.unlink()


EDITS = [edit_english_title, edit_a_recent_title, edit_spanish_title, lower_a_claim, add_an_update, repeat_an_entry,
         remove_an_entry, move_an_entry]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("reuse") / "repo"
    make_repo(repo, 130)  # more than a page (50) of entries on each topic, of claims on each figure
    for path in entry_files(repo):  # and one actor in every entry: its list has three pages
        text = path.read_text()
        if not re.search(r"^actors: \[.*\bactor-0\b", text, flags=re.M):
            path.write_text(text.replace("actors: [", "actors: [actor-0, ", 1))
    return repo


def test_a_remembering_renderer_renders_what_a_fresh_one_does_edit_after_edit(repo: Path):
    remembered, built = CheckedFiles(), BuiltEntries()
    renderers = {language: SiteRenderer(language=language) for language, _ in SITES}
    site = load_site(repo, cache=False, remembered=remembered, built=built)
    ledger = Ledger(site)
    for language, renderer in renderers.items():
        everything(renderer, site, language, ledger)
    for edit in EDITS:
        edit(repo)
        site = load_site(repo, cache=False, remembered=remembered, built=built)
        ledger = Ledger(site, last=ledger)  # which keeps the comparisons of figures whose claims are the same
        fresh_site = load_site(repo, cache=False)
        for language, renderer in renderers.items():
            again = everything(renderer, site, language, ledger)
            made = len(renderer.reuse.made)
            fresh = everything(SiteRenderer(language=language), fresh_site, language)
            for part in ("pages", "home", "files"):
                assert again[part] == fresh[part], f"{edit.__name__}, {language}: {part} differ"
            assert made < len(again["pages"]) / 4, f"{edit.__name__}, {language}: {made} made again"


def test_an_edit_remakes_the_citation_files_of_the_edited_entry_only(repo: Path):
    """Two citation files an entry: a preview's edit must not make every entry's again (O(N) an edit)."""
    remembered, built = CheckedFiles(), BuiltEntries()
    renderer = SiteRenderer(language="en")
    site = load_site(repo, cache=False, remembered=remembered, built=built)
    ledger = Ledger(site)
    everything(renderer, site, "en", ledger)
    edited = entry_files(repo)[5]
    retitle(edited, r'^title: "', "Cited ")
    site = load_site(repo, cache=False, remembered=remembered, built=built)
    everything(renderer, site, "en", Ledger(site, last=ledger))
    cited = sorted(name for name in renderer.reuse.made if name.endswith(("cite.bib", "cite.json")))
    assert len(cited) == 2 and all(name.split("/")[1] in edited.stem for name in cited), cited


FILE_KINDS = [kind for kind in KINDS if kind.role == FILE]


def files_showing(kind: str, site, entry) -> set[str]:
    """The files of `kind` that show `entry`, an old entry (not in the offline edition's days)
    whose title was edited: its feeds, the open data, its figures' data, its citation files."""
    feeds = ["all", *(topic_feed_name(topic) for topic in entry.topics), *(["corrections"] if entry.updates else [])]
    return {"feed": {feed_path(feed, form) for feed in feeds for form in FEED_SUFFIXES},
            "open data": {"data/briefings.json", "data/claims.csv"},
            "figure data": {figure_data_path(claim.figure) for claim in entry.claims},
            "citation": {entry_url(entry.id) + name for name in CITE_FILES.values()}}.get(kind, set())


@pytest.fixture(scope="module")
def file_rebuilds(repo: Path) -> dict:
    """One renderer's files: first built, built again unchanged, and built after an old entry's title was edited."""
    remembered, built, renderer = CheckedFiles(), BuiltEntries(), SiteRenderer(language="en")
    site = load_site(repo, cache=False, remembered=remembered, built=built)
    ledger = Ledger(site)
    first = renderer.render(site, settings("en"), ledger)
    unchanged = renderer.render(site, settings("en"), ledger)
    edited = entry_files(repo)[5]
    retitle(edited, r'^title: "', "Filed ")
    site = load_site(repo, cache=False, remembered=remembered, built=built)
    after = renderer.render(site, settings("en"), Ledger(site, last=ledger))
    entry = next(entry for entry in site.entries if Path(entry.path).name == edited.name)
    return {"first": first, "unchanged": unchanged, "after": after, "entry": entry, "site": site}


def remade(kind: Kind, before: RenderedSite, after: RenderedSite) -> set[str]:
    """The files of `kind` that `after` made again rather than kept from `before` (the content it
    gives is another object)."""
    addresses = [planned.address for planned in after.plan.by_kind[kind]]
    return {address for address in addresses if after.contents[address] is not before.contents.get(address)}


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_a_rebuild_remakes_only_the_files_that_show_what_changed(file_rebuilds: dict, kind: Kind):
    """Every kind of file is kept by its key: a rebuild with no edit makes none again, and an edit
    of one entry makes again only the files that show it (a preview's rebuild: not O(N) an edit)."""
    first, unchanged, after = file_rebuilds["first"], file_rebuilds["unchanged"], file_rebuilds["after"]
    assert first.plan.by_kind[kind], f"the synthetic site has no {kind.name} file"
    assert remade(kind, first, unchanged) == set()
    assert remade(kind, unchanged, after) == files_showing(kind.name, file_rebuilds["site"], file_rebuilds["entry"])
