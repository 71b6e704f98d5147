"""What readers take away: feeds, open data, page metadata, edit links, accent-free search."""
from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from search_records import search_records

from conftest import REPO, mkdocs_build

BASE = "https://example.org/toy/"


@pytest.fixture(scope="module")
def toy_site(tmp_path_factory) -> Path:
    """The toy repository, with a hostile title and a formula in a claim's scope, built once."""
    import shutil
    from conftest import TOY, TOY_MKDOCS
    repo = tmp_path_factory.mktemp("toy") / "repo"
    shutil.copytree(TOY, repo)
    config = TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py")
    config += ("extra:\n  briefing:\n    repository: https://github.com/example/briefing\n"
               "    edit_uri: edit/main/docs/\n")
    config = config.replace("  font: false\n", f"  font: false\n  custom_dir: {REPO / 'overrides'}\n", 1)
    (repo / "mkdocs.yml").write_text(config)
    entry = repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    entry.write_text(entry.read_text().replace(
        "title: Oil shipments resume under US supervision",
        "title: 'Oil </script><script>alert(1)</script> & \"shipments\" resume'"))
    claims = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    claims.write_text(claims.read_text().replace("scope: since the previous week", "scope: '=HYPERLINK(\"x\")'"))
    site = repo / "site"
    result = mkdocs_build(repo / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def test_atom_feeds_parse_without_bozo_and_hold_every_entry(toy_site: Path):
    feed = feedparser.parse((toy_site / "feeds/all.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [item.id for item in feed.entries] == [BASE + "entries/oil-exports-resume/",
                                                  BASE + "entries/assembly-says-400-freed/"]
    newest = feed.entries[0]
    assert newest.title == 'Oil </script><script>alert(1)</script> & "shipments" resume'
    assert newest.updated.startswith("2026-01-15") and newest.published.startswith("2026-01-14")
    topic = feedparser.parse((toy_site / "feeds/topic-detentions.atom.xml").read_bytes())
    assert not topic.bozo and [item.id for item in topic.entries] == [BASE + "entries/assembly-says-400-freed/"]
    corrections = feedparser.parse((toy_site / "feeds/corrections.atom.xml").read_bytes())
    assert [item.title for item in corrections.entries] == [f"Update: {newest.title}"]


def test_json_feeds_follow_json_feed_1_1(toy_site: Path):
    for path in (toy_site / "feeds").glob("*.json"):
        feed = json.loads(path.read_text())
        assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"]
        assert feed["feed_url"] == BASE + f"feeds/{path.name}" and feed["home_page_url"].startswith(BASE)
        for item in feed["items"]:
            assert item["id"] and (item.get("content_html") or item.get("content_text"))
            assert item["url"].startswith(BASE) and item["date_published"].endswith("-04:00")
    assert len(json.loads((toy_site / "feeds/all.json").read_text())["items"]) == 2


def test_feed_autodiscovery_links_in_the_head(toy_site: Path):
    html = (toy_site / "entries/assembly-says-400-freed/index.html").read_text()
    assert '<link rel="alternate feed" type="application/atom+xml" href="../../feeds/all.atom.xml"' in html
    assert 'href="../../feeds/topic-detentions.atom.xml" title="Detentions (Atom)"' in html


def test_open_data_has_every_entry_and_one_row_per_claim(toy_site: Path):
    data = json.loads((toy_site / "data/briefings.json").read_text())
    assert data["format_version"] == 1 and len(data["entries"]) == 2
    rows = list(csv.DictReader(io.StringIO((toy_site / "data/claims.csv").read_text())))
    assert [(r["actor"], r["low"], r["high"], r["qualifier"]) for r in rows] == [
        ("jorge-rodriguez", "400", "400", "more-than"), ("human-rights-groups", "60", "70", "exactly")]
    assert rows[1]["scope"] == "'=HYPERLINK(\"x\")"  # kept as text, not run as a formula
    assert rows[0]["entry_url"] == BASE + "entries/assembly-says-400-freed/"


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.scripts, self._in_script = {}, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag == "script":
            self._in_script = attrs.get("type", "")
            self.scripts.append([self._in_script, ""])

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts[-1][1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def test_page_metadata_is_escaped_whatever_the_title(toy_site: Path):
    reader = HeadReader()
    reader.feed((toy_site / "entries/oil-exports-resume/index.html").read_text())
    title = 'Oil </script><script>alert(1)</script> & "shipments" resume'
    assert reader.meta["og:title"] == title and reader.meta["twitter:title"] == title
    assert reader.meta["og:type"] == "article"
    assert reader.meta["description"] == "Shipments have resumed under US supervision, the report says."
    jsonld = [text for kind, text in reader.scripts if kind == "application/ld+json"]
    assert len(jsonld) == 1 and json.loads(jsonld[0])["headline"] == title
    assert not [text for kind, text in reader.scripts if "alert(1)" in text and kind != "application/ld+json"]


def test_suggest_a_correction_opens_the_entrys_yaml_file_and_nothing_else_has_edit_links(toy_site: Path):
    entry = (toy_site / "entries/assembly-says-400-freed/index.html").read_text()
    assert ('<a href="https://github.com/example/briefing/edit/main/briefings/2026/01/'
            '2026-01-13-assembly-says-400-freed.yaml" rel="nofollow">Suggest a correction</a>') in entry
    for page in toy_site.rglob("*.html"):
        html = page.read_text()
        assert 'rel="edit"' not in html and "api.github.com" not in html, page  # no theme edit pencil, no widget
        assert "md-source" not in html, page


def test_lists_are_searched_on_their_own_pages_not_twice(toy_site: Path):
    records = search_records(toy_site)
    assert "Jorge Rodríguez" in records["/entries/assembly-says-400-freed/"]["content"]
    assert "/topics/detentions/" in records  # its own summary and figures are searched...
    assert "Assembly president says" not in records["/topics/detentions/"]["content"]  # ...not its entry list
    assert not [url for url in records if url.startswith("/timeline/")]  # a list only
