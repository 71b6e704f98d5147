"""The site reads like a briefing (issue 13): the front page leads with where things stand,
entries read like wire stories, every page can be skipped through and has its contents."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TOY, TOY_MKDOCS, mkdocs_build


def text_of(html: str) -> str:
    """The words of the page's content (not the navigation or the table of contents)."""
    content = html[html.index('<article class="md-content__inner'):]
    return " ".join(re.sub(r"<[^>]+>", " ", content).split())


def test_every_page_has_a_skip_link_and_its_contents(real_site: Path):
    missing = []
    for page in sorted(real_site.rglob("index.html")):
        html = page.read_text()
        toc = re.search(r'data-md-component="toc"(.*?)</ul>', html, re.S)
        if 'class="md-skip"' not in html or not toc or "md-nav__link" not in toc.group(1):
            missing.append(page.relative_to(real_site).as_posix())
    assert missing == []


def test_the_front_page_leads_with_where_things_stand(real_site: Path):
    home = text_of((real_site / "index.html").read_text())
    assert home.index("As of 14 January 2026 · 11 entries · last changed 6 December 2026") < home.index(
        "Key figures") < home.index(
        "Where things stand") < home.index("Latest entries")
    figures = [home.index(label) for label in ("Prisoners released", "People detained after the protests")]
    assert figures == sorted(figures)  # the contested figure first, though its id sorts after the other
    assert "at least 1 person (Bloomberg News" in home  # never "1 people"
    topics = yaml.safe_load((REPO / "briefings/topics.yaml").read_text())
    for topic in topics.values():
        assert " ".join(topic["bottom_line"]["text"].split()) in home
    assert home.count("as of 14 January 2026") == 3
    assert "How to read an entry" not in home  # instructions live on About now


@pytest.fixture(scope="module")
def dated_sites(tmp_path_factory) -> dict[str, Path]:
    """The toy site built as of two days: soon after its entries, and two months later."""
    repo = tmp_path_factory.mktemp("newsroom") / "repo"
    shutil.copytree(TOY, repo)
    (repo / "mkdocs.yml").write_text(TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py"))
    entry = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    entry.write_text(entry.read_text().replace("topics: [detentions]", "place: Caracas\ntopics: [detentions]"))
    sites = {}
    for name, epoch in (("soon", "1768867200"), ("later", "1772323200")):  # 2026-01-20, 2026-03-01
        sites[name] = tmp_path_factory.mktemp(name) / "site"
        result = mkdocs_build(repo / "mkdocs.yml", sites[name], env={"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stderr
    return sites


def test_an_entry_reads_like_a_wire_story(dated_sites: dict):
    html = (dated_sites["soon"] / "entries/assembly-says-400-freed/index.html").read_text()
    text = text_of(html)
    assert "DETENTIONS" in text.upper().split("ASSEMBLY PRESIDENT")[0]  # the topic, above the headline
    assert re.search(r'<h1 id="headline">Assembly president says more than 400 prisoners were freed</h1>', html)
    assert "Caracas · 13 January 2026 · Developing" in text
    assert text.index("Caracas") < text.index("Jorge Rodríguez told the National Assembly")  # dateline, then lead
    assert "Tags:" not in text and "Not reviewed since" not in text


def test_a_developing_entry_past_its_review_age_says_so_and_others_do_not(dated_sites: dict):
    developing = text_of((dated_sites["later"] / "entries/assembly-says-400-freed/index.html").read_text())
    confirmed = text_of((dated_sites["later"] / "entries/oil-exports-resume/index.html").read_text())
    assert "Not reviewed since 13 January 2026." in developing
    assert "Not reviewed since" not in confirmed
    about = " ".join((REPO / "docs/about.md").read_text().split())
    from briefing.render.views import STALE_AFTER
    assert f"more than {STALE_AFTER.days} days without a review or an update" in about  # the rule, as applied


def test_entries_list_every_person_they_name():
    """Who is involved is complete: a person the entry's text names is among its actors."""
    actors = yaml.safe_load((REPO / "briefings/actors.yaml").read_text())
    people = {key: [a["name"], *a.get("aliases", [])] for key, a in actors.items() if a["kind"] == "person"}
    missing = []
    for path in sorted((REPO / "briefings").glob("*/*/*.yaml")):
        entry = yaml.safe_load(path.read_text())
        words = " ".join(str(entry.get(field, "")) for field in ("title", "summary", "body"))
        claimants = {claim["by"] for claim in entry.get("claims", [])}
        for key, names in people.items():
            if any(name in words for name in names) and key not in set(entry.get("actors", [])) | claimants:
                missing.append(f"{path.name}: {key}")
    assert missing == []
