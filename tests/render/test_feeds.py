"""Feeds read right: times in the site's zone, on each entry's own date; an empty feed dated by
the build, never 1970; items that hold the entry (summary, body, claims in words, sources)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest

from briefing.format.problems import ProblemsFound
from briefing.model.build import load_site
from briefing.render.feeds import timestamp
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

from conftest import REPO, TOY, TOY_MKDOCS, mkdocs_build

CARACAS = ZoneInfo("America/Caracas")
BUILD_EPOCH = "1768442400"  # 2026-01-15 02:00 UTC: still 14 January in Caracas, the build's date is UTC's
ATOM = "{http://www.w3.org/2005/Atom}"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture(scope="module")
def feed_repo(tmp_path_factory) -> Path:
    """The toy repository with a scope on the 'more than 400' claim, and an 'at least 1' claim of a
    figure whose unit has a singular."""
    repo = tmp_path_factory.mktemp("feeds") / "repo"
    shutil.copytree(TOY, repo)
    (repo / "mkdocs.yml").write_text(TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py"))
    edit(repo / "briefings/figures.yaml", "  unit: people", "  unit: people\n  unit_singular: person")
    claims = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    edit(claims, "    by: jorge-rodriguez\n", "    by: jorge-rodriguez\n    scope: across the country\n")
    edit(claims, "sources:\n", "  - {figure: prisoners-released, value: 1, qualifier: at-least,"
         " by: human-rights-groups, source: report-2026-01-14}\nsources:\n")
    return repo


@pytest.fixture(scope="module")
def feed_site(feed_repo: Path) -> Path:
    result = mkdocs_build(feed_repo / "mkdocs.yml", feed_repo / "site", {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr
    return feed_repo / "site"


def atom_feeds(site: Path) -> dict:
    return {path.name: path.read_bytes() for path in sorted((site / "feeds").glob("*.atom.xml"))}


def test_every_atom_feed_parses_without_bozo(feed_site: Path):
    feeds = atom_feeds(feed_site)
    assert {"all.atom.xml", "corrections.atom.xml", "topic-detentions.atom.xml"} <= set(feeds)
    for name, data in feeds.items():
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", name


def on_its_day(stamp: str, day: dt.date) -> None:
    moment = dt.datetime.fromisoformat(stamp)
    assert stamp.endswith("-04:00") and moment.utcoffset() == dt.timedelta(hours=-4), stamp
    assert moment.astimezone(CARACAS).date() == day, (stamp, day)


def test_every_time_carries_the_zone_and_falls_on_the_entry_date_in_caracas(feed_repo: Path, feed_site: Path):
    site = load_site(feed_repo, cache=False)
    days = {f"https://example.org/toy/entries/{e.id}/": (e.date, e.updated) for e in site.entries}
    updates = {f"https://example.org/toy/entries/{e.id}/#update-{i + 1}": (u.date, u.date)
               for e in site.entries for i, u in enumerate(e.updates)}
    days.update(updates)
    assert updates and any(published != updated for published, updated in days.values())
    seen = 0
    for data in atom_feeds(feed_site).values():
        for entry in feedparser.parse(data).entries:
            on_its_day(entry.published, days[entry.id][0])
            on_its_day(entry.updated, days[entry.id][1])
            seen += 1
    for path in (feed_site / "feeds").glob("*.json"):
        for item in json.loads(path.read_text())["items"]:
            on_its_day(item["date_published"], days[item["id"]][0])
            on_its_day(item["date_modified"], days[item["id"]][1])
            seen += 1
    assert seen >= 2 * len(days)


def test_a_feed_is_as_new_as_its_newest_item(feed_site: Path):
    all_entries = feedparser.parse(atom_feeds(feed_site)["all.atom.xml"])
    assert all_entries.feed.updated == "2026-01-15T00:00:00-04:00"  # the oil entry's update
    detentions = feedparser.parse(atom_feeds(feed_site)["topic-detentions.atom.xml"])
    assert detentions.feed.updated == "2026-01-13T00:00:00-04:00"


def test_an_empty_corrections_feed_is_dated_by_the_build(toy_repo: Path, tmp_path: Path):
    edit(toy_repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml",
         "updates:\n  - date: 2026-01-15\n    note: Clarified the wording of the summary.\n", "")
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site", {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr
    corrections = feedparser.parse((tmp_path / "site/feeds/corrections.atom.xml").read_bytes())
    assert not corrections.bozo and corrections.entries == []
    assert corrections.feed.updated == "2026-01-15T00:00:00-04:00"  # SOURCE_DATE_EPOCH's day
    assert json.loads((tmp_path / "site/feeds/corrections.json").read_text())["items"] == []


def item_content(site: Path, entry_id: str) -> tuple[str, str]:
    """An entry's content in the Atom feed (as a reader unescapes it) and in the JSON feed."""
    url = f"https://example.org/toy/entries/{entry_id}/"
    atom = next(e for e in feedparser.parse(atom_feeds(site)["all.atom.xml"]).entries if e.id == url)
    item = next(i for i in json.loads((site / "feeds/all.json").read_text())["items"] if i["id"] == url)
    return atom.content[0].value, item["content_html"]


def test_content_is_summary_then_body_then_claims_in_words_then_sources(feed_site: Path):
    for content in item_content(feed_site, "assembly-says-400-freed"):
        assert content.startswith("<p>Jorge Rodríguez told the National Assembly that more than 400 people"
                                  " had been released, without a timeline or a list; rights groups count"
                                  " far fewer.</p>\n<p>The statement came during a parliamentary session.")
        claims = content.index("<h2>Claims</h2>")
        assert content.index("Zanzibarquux") < claims < content.index("<h2>Sources</h2>")
        assert ("Jorge Rodríguez: <strong>more than 400 people</strong> (Prisoners released), across the country;"
                " said on 13 January 2026;") in content
        assert "<strong>60–70 people</strong> (Prisoners released), since the previous week;" in content
        assert "<li>Report on prisoner releases and US control of oil exports, by Micah Jonah, 14 January 2026." \
               in content
    for content in item_content(feed_site, "oil-exports-resume"):
        assert content.startswith("<p>Shipments have resumed under US supervision, the report says.</p>")
        assert '<a href="https://example.org/report" rel="nofollow noopener">A report</a>' in content


def test_a_count_of_one_reads_in_the_singular(feed_site: Path):
    for content in item_content(feed_site, "assembly-says-400-freed"):
        assert "Human rights organizations: <strong>at least 1 person</strong> (Prisoners released)" in content


def test_a_correction_holds_its_note_and_a_link_to_its_entry(feed_site: Path):
    entry = feedparser.parse(atom_feeds(feed_site)["corrections.atom.xml"]).entries[0]
    assert entry.content[0].value.startswith("<p>Clarified the wording of the summary.</p>")
    assert 'href="https://example.org/toy/entries/oil-exports-resume/"' in entry.content[0].value


def test_the_zone_is_the_sites_setting(feed_repo: Path):
    site = load_site(feed_repo, cache=False)
    settings = Settings("Toy", "https://example.org/", timezone="Asia/Tokyo")
    files = {f.path: f.content for f in SiteRenderer().render(site, settings).files()}
    stamps = [item["date_published"] for item in json.loads(files["feeds/all.json"])["items"]]
    assert stamps == ["2026-01-14T00:00:00+09:00", "2026-01-13T00:00:00+09:00"]


@pytest.mark.parametrize(("zone", "day", "expected"), [
    ("America/Caracas", dt.date(2026, 1, 14), "2026-01-14T00:00:00-04:00"),
    ("America/Caracas", dt.date(2016, 1, 14), "2016-01-14T00:00:00-04:30"),  # Caracas's zone until 2016
    ("America/Sao_Paulo", dt.date(2018, 11, 4), "2018-11-04T01:00:00-02:00"),  # summer time skipped midnight
    ("America/Caracas", dt.date(1900, 1, 1), "1900-01-01T00:00:00-04:28"),  # local mean time, -4:27:44
    ("UTC", dt.date(2026, 1, 14), "2026-01-14T00:00:00+00:00"),
])
def test_timestamps_start_the_day_in_the_zone(zone: str, day: dt.date, expected: str):
    assert timestamp(day, Settings("Toy", "/", timezone=zone).zone()) == expected


def test_an_unknown_zone_is_a_problem_naming_the_setting(feed_repo: Path):
    site = load_site(feed_repo, cache=False)
    with pytest.raises(ProblemsFound) as found:
        SiteRenderer().render(site, Settings("Toy", "https://example.org/", timezone="America/Caracs",
                                             written_in=("mkdocs.yml", "extra.briefing.")))
    assert [str(p) for p in found.value.problems] == [
        "mkdocs.yml: extra.briefing.timezone: 'America/Caracs' is not a time zone; did you mean 'America/Caracas'?"]


def test_an_unknown_zone_stops_the_build_without_a_traceback(toy_repo: Path, tmp_path: Path):
    config = toy_repo / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  briefing:\n    timezone: Mars/Olympus_Mons\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "extra.briefing.timezone: 'Mars/Olympus_Mons' is not a time zone" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site/feeds").exists()
