"""Links that never break: every internal link and #anchor of the site as CI publishes it leads
to a file that exists, in both languages, in the pages, the feeds and the open data.

Offline (tools/check_links.py: the pinned lychee with `--offline`, plus what lychee does not read
right, parsed in Python: tools/site_links.py). Links to other hosts (the entries' sources, the
repository) are never fetched here; the weekly workflow .github/workflows/sources.yml checks the
sources. Planted breakages show the check fails, and names what is broken.
"""
from __future__ import annotations

import fnmatch
import html
import json
import shutil
from pathlib import Path

import pytest

import check_links

# Every kind of page and output, in each language: each must be read and have links found good.
EACH_LANGUAGE = ("index.html", "404.html", "entries/*/index.html", "topics/*/index.html", "actors/index.html",
                 "actors/*/index.html", "figures/index.html", "figures/*/index.html", "timeline/index.html",
                 "about/index.html", "contribute/index.html", "format/index.html", "data/index.html",
                 "feeds/all.atom.xml", "feeds/all.json", "feeds/topic-*.atom.xml", "feeds/topic-*.json",
                 "feeds/corrections.atom.xml", "feeds/corrections.json", "data/claims.csv", "data/briefings.json",
                 "sitemap.xml")
KINDS = [pattern for language in ("", "es/") for pattern in (f"{language}{kind}" for kind in EACH_LANGUAGE)]


def described(report: check_links.LinkReport) -> str:
    return f"{len(report.broken)} broken link(s):\n" + "\n".join(map(str, report.broken)) + \
        f"\n(lychee: {' '.join(report.command)})"


@pytest.fixture(scope="session")
def published_links(published) -> check_links.LinkReport:
    site, url = published
    return check_links.check_links(site, url)


@pytest.fixture
def site_copy(published, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the published build that a test may break (in a folder named as the prefix)."""
    site, url = published
    copy = tmp_path / site.name
    shutil.copytree(site, copy)
    return copy, url


def test_every_internal_link_and_anchor_of_the_published_site_resolves(published_links):
    assert published_links.broken == [], described(published_links)


def test_every_kind_of_page_feed_and_data_is_checked_in_both_languages(published, published_links):
    site, _url = published
    files = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    absent = [kind for kind in KINDS if not fnmatch.filter(files, kind)]
    unchecked = [name for kind in KINDS for name in fnmatch.filter(files, kind)
                 if published_links.checked.get(name, 0) == 0]
    assert (absent, unchecked) == ([], []), f"not in the site: {absent}; no link checked in: {unchecked}"


def test_every_page_and_feed_is_read(published, published_links):
    site, _url = published
    outputs = [path.relative_to(site).as_posix() for path in site.rglob("*")
               if path.is_file() and (path.suffix == ".html" or "feeds" in path.parts)]
    assert outputs and [name for name in outputs if name not in published_links.checked] == []


def plant(page: Path, markup: str, before: str = "</article>") -> None:
    text = page.read_text(encoding="utf-8")
    assert before in text, page
    page.write_text(text.replace(before, markup + before, 1), encoding="utf-8")


def test_a_planted_broken_link_and_anchor_fail_the_check_and_are_named(site_copy):
    site, url = site_copy
    entry = sorted((site / "entries").iterdir())[0]
    plant(entry / "index.html", '<a href="../no-such-entry/">gone</a> <a href="#no-such-anchor">nowhere</a>')
    report = check_links.check_links(site, url)
    page = f"entries/{entry.name}/index.html"
    named = {broken.url.rpartition("/")[2]: broken for broken in report.broken}
    assert sorted(named) == ["index.html#no-such-anchor", "no-such-entry"], described(report)
    assert {broken.file for broken in report.broken} == {page}
    assert "fragment" in named["index.html#no-such-anchor"].reason
    assert "not found" in named["no-such-entry"].reason and named["no-such-entry"].line > 0
    assert check_links.main([str(site), url]) == 1


def test_a_link_to_a_file_asked_for_as_a_folder_is_broken(site_copy):
    """feeds/x.atom.xml/ is a 404 on any host; lychee, offline, drops the slash and finds the file
    (how the topic pages' feed links went unnoticed)."""
    site, url = site_copy
    entry = sorted((site / "entries").iterdir())[0]
    plant(entry / "index.html", '<a href="../../feeds/all.atom.xml/">feed</a> <a href="../../about/">about</a>')
    plant(site / "es" / "about" / "index.html", '<a href="../data/claims.csv/#x">data</a>')
    report = check_links.check_links(site, url)
    assert [(broken.file, broken.url, broken.reason) for broken in report.broken] == [
        ("entries/" + entry.name + "/index.html", f"{url}feeds/all.atom.xml/", check_links.FOLDER_WORDS),
        ("es/about/index.html", f"{url}es/data/claims.csv/", check_links.FOLDER_WORDS)], described(report)


def test_links_inside_feed_content_and_json_are_checked(site_copy):
    """lychee alone misses these (tools/site_links.py): links in an Atom entry's escaped HTML
    content, and in JSON Feed's content_html."""
    site, url = site_copy
    missing_entry, missing_anchor = f"{url}entries/atom-missing/", f"{url}about/#json-missing-anchor"
    plant(site / "feeds" / "all.atom.xml", html.escape(f'<a href="{missing_entry}">x</a>'),
          before="</content>")
    feed_path = site / "es" / "feeds" / "all.json"
    feed = json.loads(feed_path.read_text(encoding="utf-8"))
    feed["items"][0]["content_html"] += f'<a href="{missing_anchor}">y</a><a href="../entries/relative/">z</a>'
    feed_path.write_text(json.dumps(feed), encoding="utf-8")
    report = check_links.check_links(site, url)
    assert [(broken.file, broken.url) for broken in report.broken] == [
        ("es/feeds/all.json", "../entries/relative/"), ("es/feeds/all.json", missing_anchor),
        ("feeds/all.atom.xml", missing_entry)], described(report)
    assert "make it absolute" in report.broken[0].reason


def test_a_link_to_the_sites_host_outside_the_site_is_broken(site_copy):
    site, url = site_copy
    outside = url.replace("/briefing/", "/entries/x/")
    plant(site / "es" / "about" / "index.html", f'<a href="{outside}">x</a>')
    report = check_links.check_links(site, url)
    assert [(broken.file, broken.url, broken.reason) for broken in report.broken] == [
        ("es/about/index.html", outside, check_links.OUTSIDE_WORDS)], described(report)


def test_the_site_folder_must_end_with_the_address_prefix(tmp_path: Path):
    with pytest.raises(ValueError, match="prefix /briefing/"):
        check_links.site_root(tmp_path / "site", "https://owner.github.io/briefing/")
    assert check_links.site_root(tmp_path / "x" / "briefing", "https://owner.github.io/briefing/") == tmp_path / "x"
    assert check_links.site_root(tmp_path, "https://example.org/") == tmp_path
