"""The plan of the site's outputs (render/plan.py): each kind declared once, and read by the
renderer, the review digest's page list, the preview and search alike."""
from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render import plan
from briefing.render.head import page_meta
from briefing.render.outputs import GeneratedPage, Planned
from briefing.render.paths import page_url
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer
from briefing.review.snapshot import page_urls
from briefing.site_builds import SiteBuilds

from conftest import REPO, TOY
from drive import drive
from search_records import search_records

sys.path.insert(0, str(REPO / "tools"))
from synthetic import make_repo

SETTINGS = Settings("Toy", "https://example.org/")


def rendered_urls(site) -> set[str]:
    return {page_url(page.source) for page in SiteRenderer().render(site, SETTINGS).pages}


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """Enough entries that topics, figures, actors and months run to several pages."""
    repo = tmp_path_factory.mktemp("large") / "repo"
    make_repo(repo, 400)
    return load_site(repo, cache=False)


def test_every_page_of_the_plan_is_made_once_at_its_own_address(large_site):
    made = SiteRenderer().render(large_site, SETTINGS)
    sources = [page.source for page in made.pages]
    assert any("/page/3" in source for source in sources)  # the lists really run to several pages
    assert sources == [planned.address for planned in made.plan.pages] and len(set(sources)) == len(sources)
    assert set(made.contents) == {planned.address for planned in made.plan.files}


def test_the_digest_s_page_list_is_every_language_s_generated_pages_and_hand_written_ones(large_site):
    urls = page_urls(Ledger(large_site), ["about.md", "es/about.md", "index.md"])
    generated = rendered_urls(large_site)
    assert generated | {"es/" + url for url in generated} | {"", "about/", "es/about/"} == urls


def test_an_actor_named_in_more_entries_than_it_has_claims_gets_every_entry_page(large_site):
    """Actors' pages run as long as the longer of their claims and their entries."""
    entries = tuple(replace(entry, actors=(*entry.actors, "actor-0"),
                            claims=tuple(c for c in entry.claims if c.by != "actor-0")) for entry in large_site.entries)
    site = replace(large_site, entries=entries,
                   by_topic={topic: tuple(e for e in entries if topic in e.topics) for topic in large_site.topics})
    ledger = Ledger(site)
    assert len(ledger.entries_by_actor["actor-0"]) > 100 and not ledger.by_actor["actor-0"]
    assert "actors/actor-0/page/3/" in rendered_urls(site) <= page_urls(ledger, [])


def count_page(ctx) -> GeneratedPage:
    """A toy kind of page: how many entries the site has."""
    meta = page_meta(ctx.site, "Count", "How many entries there are.", language=ctx.words.language)
    return GeneratedPage("count.md", "briefings", f"<h1>{len(ctx.site.entries)} entries counted</h1>", meta)


def plan_count(ctx) -> list[Planned]:
    return [Planned("count.md", (len(ctx.site.entries),), partial(count_page, ctx))]


@pytest.fixture
def with_a_toy_kind(monkeypatch):
    """One new kind of page, added in one place: the plan's list of kinds."""
    monkeypatch.setattr(plan, "KINDS", (*plan.KINDS, plan.Kind("count", plan.PAGE, plan_count)))


def test_a_kind_added_to_the_plan_is_in_the_digest_s_page_list(with_a_toy_kind):
    assert {"count/", "es/count/"} <= page_urls(Ledger(load_site(TOY, cache=False)), [])


def test_a_kind_added_to_the_plan_is_searched(with_a_toy_kind, tmp_path: Path):
    shutil.copytree(TOY, tmp_path / "repo")
    drive(SiteBuilds(), tmp_path / "repo", tmp_path / "site")
    assert "2 entries counted" in search_records(tmp_path / "site")["/count/"]["content"]


def test_a_kind_added_to_the_plan_is_laid_out_again_by_a_preview_only_when_its_key_changes(
        with_a_toy_kind, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    repo, site, builds = tmp_path / "repo", tmp_path / "site", SiteBuilds()
    shutil.copytree(TOY, repo)
    builds.start(preview=True)
    assert "count.md" in drive(builds, repo, site)[1]
    entry = repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    entry.write_text(entry.read_text().replace("Oil shipments resume", "Oil shipments resumed"))
    assert "count.md" not in drive(builds, repo, site, incremental=True)[1]  # still two entries
    shutil.copy(entry, entry.with_name("2026-01-14-oil-exports-again.yaml"))
    shown, handed = drive(builds, repo, site, incremental=True)
    assert "count.md" in handed and "3 entries counted" in shown["count.md"]
    assert builds.later.wait(60), "the preview's later work did not end"
    assert "/count/" in search_records(site)
    builds.close()
