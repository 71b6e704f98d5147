"""Generated pages stay inside the site and never replace another page."""
from __future__ import annotations

import pytest

from briefing.render.paths import check_collisions, page_source, page_url, relative_file_url, relative_url


@pytest.mark.parametrize("segment", ["../x", "..", "a/b", "", "X", ".hidden", "a\\b", "a b", "é"])
def test_unsafe_segments_are_refused(segment):
    with pytest.raises(ValueError):
        page_source("entries", segment)


def test_page_sources_and_urls():
    assert page_source("entries", "some-id") == "entries/some-id.md"
    assert page_url("entries/some-id.md") == "entries/some-id/"
    assert page_url("index.md") == ""


def test_relative_urls_between_pages():
    assert relative_url("entries/a/", "topics/b/") == "../../topics/b/"
    assert relative_url("", "timeline/") == "timeline/"
    assert relative_url("timeline/", "timeline/") == "./"


def test_a_generated_page_may_not_replace_a_hand_written_one():
    problems = check_collisions([("entries/about.md", "briefings/2026/01/2026-01-01-about.yaml"),
                                 ("timeline.md", "briefings")],
                                {"index.md", "Timeline.md", "about.md"})
    assert [str(p) for p in problems] == [
        "briefings:1:1: (file): would generate timeline.md, which is already docs/timeline.md; "
        "choose another id or rename the page"]


def test_two_generated_outputs_may_not_share_a_path():
    problems = check_collisions([("figures/x.md", "briefings/figures.yaml"), ("figures/X.md", "briefings/a.yaml")],
                                set())
    assert [str(p) for p in problems] == [
        "briefings/a.yaml:1:1: (file): would generate figures/X.md, which briefings/figures.yaml generates too; "
        "choose another id"]


def test_relative_links_to_files_have_no_folder_slash():
    """A feed is a file: asked for as a folder (feeds/x.atom.xml/), every host answers 404."""
    assert relative_file_url("topics/b/", "feeds/topic-b.atom.xml") == "../../feeds/topic-b.atom.xml"
    assert relative_file_url("topics/b/page/2/", "feeds/all.json") == "../../../../feeds/all.json"
    assert relative_file_url("", "feeds/all.json") == "feeds/all.json"
