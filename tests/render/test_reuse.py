"""A renderer that remembers its last build (render/reuse.py) renders what a fresh one renders,
edit after edit, in both languages, while making again only what the edit changed."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing.model.build import BuiltEntries, load_site
from briefing.model.ledger import Ledger
from briefing.read.cache import CheckedFiles
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

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


EDITS = [edit_english_title, edit_a_recent_title, edit_spanish_title, lower_a_claim, repeat_an_entry, remove_an_entry,
         move_an_entry]


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
