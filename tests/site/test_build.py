"""End-to-end: MkDocs builds the toy site and the real site, strictly, from the YAML files."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from conftest import REPO, mkdocs_build
from search_records import searchable_text


class ElementCollector(HTMLParser):
    """Every start tag with its attributes, so tests can look for live markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> ElementCollector:
    collector = ElementCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_toy_site_builds_with_a_page_per_entry_topic_timeline_and_home(toy_repo: Path, tmp_path: Path):
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    entry = (site / "entries/assembly-says-400-freed/index.html").read_text()
    assert "more than 400" in entry and "60–70" in entry and "Micah Jonah" in entry
    assert "<title>Assembly president says more than 400 prisoners were freed - Toy briefing</title>" in entry
    topic = (site / "topics/detentions/index.html").read_text()
    assert 'href="../../entries/assembly-says-400-freed/"' in topic
    timeline = (site / "timeline/index.html").read_text()
    assert timeline.index("oil-exports-resume") < timeline.index("assembly-says-400-freed")
    home = (site / "index.html").read_text()
    assert "A toy site for tests." in home and 'href="entries/oil-exports-resume/"' in home
    assert 'href="topics/oil-control/"' in home


def test_search_index_holds_title_summary_body_and_actor_names(toy_repo: Path, tmp_path: Path):
    assert mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site").returncode == 0
    texts = searchable_text(tmp_path / "site", "/entries/assembly-says-400-freed/")
    for words in ("Assembly president says more than 400", "without a timeline or a list",
                  "Zanzibarquux", "Jorge Rodríguez", "Human rights organizations"):
        assert words in texts


def test_a_new_entry_appears_everywhere(toy_repo: Path, tmp_path: Path):
    new = toy_repo / "briefings/2026/02/2026-02-01-new-entry.yaml"
    new.parent.mkdir()
    new.write_text("title: A newer entry\ndate: 2026-02-01\ntopics: [diplomacy]\nsummary: New.\n"
                   "actors: [maria]\nsources:\n  - id: s\n    title: A source\n")
    with (toy_repo / "briefings/actors.yaml").open("a") as actors:
        actors.write("maria:\n  name: María Corina Machado\n  kind: person\n")
    assert mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site").returncode == 0
    site = tmp_path / "site"
    assert "A newer entry" in (site / "entries/new-entry/index.html").read_text()
    for page in ("topics/diplomacy/index.html", "timeline/index.html", "index.html"):
        assert "entries/new-entry/" in (site / page).read_text()
    index = searchable_text(site)
    assert "A newer entry" in index and "María Corina Machado" in index


def test_a_broken_entry_fails_the_build_with_its_lines_and_no_traceback(toy_repo: Path, tmp_path: Path):
    entry = toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    entry.write_text(entry.read_text().replace("topics: [detentions]", "topics: [detention]"))
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert ("briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml:3:10: topics[0]: unknown topic "
            "'detention'; did you mean 'detentions'?") in result.stderr
    assert "1 problem(s) stop the build; see the lines above." in result.stderr
    assert "Traceback" not in result.stderr


def test_hostile_text_reaches_readers_inert(toy_repo: Path, tmp_path: Path):
    entry = toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    payload = '</title><script>alert(1)</script><img src=x onerror=alert(2)>'
    text = entry.read_text().replace("title: Assembly president says more than 400 prisoners were freed",
                                     f"title: '{payload}'")
    text = text.replace("body: |\n", f"body: |\n  {payload} [x](javascript:alert(3))\n")
    entry.write_text(text.replace("summary: >-\n", f"summary: >-\n  \"{payload}\"\n"))
    assert mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site").returncode == 0
    for page in ("entries/assembly-says-400-freed/index.html", "index.html", "topics/detentions/index.html",
                 "timeline/index.html"):
        elements = parse(tmp_path / "site" / page).elements
        assert not [attrs for tag, attrs in elements if tag == "script" and not attrs.get("src")
                    and "alert" in str(attrs)]
        assert not [tag for tag, attrs in elements if tag == "img" and attrs.get("src") == "x"]
        assert not [attrs for tag, attrs in elements if any(k.startswith("on") for k in attrs)]
        assert not [attrs for tag, attrs in elements if "javascript:" in attrs.get("href", "")]
        html = (tmp_path / "site" / page).read_text()
        assert "<script>alert(1)" not in html


def test_real_site_builds_strictly(real_site: Path):
    for page in ("index.html", "timeline/index.html", "format/index.html", "about/index.html",
                 "contribute/index.html", "schema/briefing-entry.schema.json"):
        assert (real_site / page).exists()
    for topic in ("detentions", "oil-control", "diplomacy"):
        assert (real_site / "topics" / topic / "index.html").exists()
    entries = list((REPO / "briefings").glob("*/*/*.yaml"))
    assert len(list((real_site / "entries").glob("*/index.html"))) == len(entries)


def test_real_site_makes_no_third_party_requests(real_site: Path):
    """Nothing is loaded from an absolute address: the only ones are links to the page itself
    (canonical) and to its versions in other languages (hreflang), all on the site's own address."""
    own = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url when SITE_URL is not set
    for page in real_site.rglob("*.html"):
        for tag, attrs in parse(page).elements:
            for key in ("src", "href"):
                url = attrs.get(key, "")
                if tag in ("script", "link", "img", "iframe") and url.startswith(("http:", "https:", "//")):
                    assert tag == "link" and url.startswith(own), (page, tag, url)
                    rel = attrs.get("rel", "").split()
                    assert rel == ["canonical"] or (rel == ["alternate"] and attrs.get("hreflang")), (page, url)


def test_an_entry_may_not_replace_a_hand_written_page(toy_repo: Path, tmp_path: Path):
    (toy_repo / "docs/entries").mkdir()
    (toy_repo / "docs/entries/assembly-says-400-freed.md").write_text("# Hand-written\n")
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert ("briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml:1:1: (file): would generate "
            "entries/assembly-says-400-freed.md, which is already docs/entries/assembly-says-400-freed.md") in result.stderr


def test_real_feeds_and_data_hold_every_entry_and_claim(real_site: Path):
    import csv
    import feedparser
    from briefing.model.build import load_site
    site = load_site(REPO)
    feed = feedparser.parse((real_site / "feeds/all.atom.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == len(site.entries)
    assert len(json.loads((real_site / "feeds/all.json").read_text())["items"]) == len(site.entries)
    assert len(json.loads((real_site / "data/briefings.json").read_text())["entries"]) == len(site.entries)
    rows = list(csv.DictReader((real_site / "data/claims.csv").open()))
    assert len(rows) == sum(len(entry.claims) for entry in site.entries)
