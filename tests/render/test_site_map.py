"""The site map (render/site_map.py) names exactly the pages the renderer makes, lists of many
pages included: the review digest relies on it instead of rendering two revisions."""
from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render.settings import Settings
from briefing.render.site_map import page_sources, page_urls
from briefing.render.site_outputs import SiteRenderer

from conftest import REPO, TOY

sys.path.insert(0, str(REPO / "tools"))
from synthetic import make_repo

SETTINGS = Settings("Toy", "https://example.org/")


def rendered_sources(site) -> list[str]:
    return sorted(page.source for page in SiteRenderer().render(site, SETTINGS).pages)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """Enough entries that topics, figures, actors and months run to several pages."""
    repo = tmp_path_factory.mktemp("large") / "repo"
    make_repo(repo, 400)
    return load_site(repo, cache=False)


def test_the_map_of_the_toy_site_is_what_the_renderer_makes():
    site = load_site(TOY, cache=False)
    assert sorted(page_sources(Ledger(site))) == rendered_sources(site)


def test_the_map_of_a_site_with_many_list_pages_is_what_the_renderer_makes(large_site):
    sources = page_sources(Ledger(large_site))
    assert any("/page/3" in source for source in sources)  # the lists really run to several pages
    assert len(sources) == len(set(sources))
    assert sorted(sources) == rendered_sources(large_site)


def test_every_language_has_the_generated_pages_and_its_own_hand_written_ones():
    urls = page_urls(Ledger(load_site(TOY, cache=False)), ("en", "es"), ["about.md", "es/about.md", "index.md"])
    assert {"", "about/", "es/about/", "entries/oil-exports-resume/", "es/entries/oil-exports-resume/",
            "timeline/", "es/timeline/", "format/", "es/format/"} <= urls


def test_an_actor_named_in_more_entries_than_it_has_claims_gets_every_entry_page(large_site):
    """Actors' pages run as long as the longer of their claims and their entries."""
    entries = tuple(replace(entry, actors=(*entry.actors, "actor-0"),
                            claims=tuple(c for c in entry.claims if c.by != "actor-0")) for entry in large_site.entries)
    site = replace(large_site, entries=entries,
                   by_topic={topic: tuple(e for e in entries if topic in e.topics) for topic in large_site.topics})
    ledger = Ledger(site)
    assert len(ledger.entries_by_actor["actor-0"]) > 100 and not ledger.by_actor["actor-0"]
    assert sorted(page_sources(ledger)) == rendered_sources(site)
