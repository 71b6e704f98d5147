"""The search index: what Pagefind is given, and that it writes a bundle or fails clearly."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.process import children_of
from briefing.publish.search_index import SearchIndex, SearchIndexError, earlier_pages, result_facts, search_page_html

from search_records import search_records


def test_title_and_description_are_text_never_markup():
    page = search_page_html('<img src=x onerror="alert(1)">', 'a "quoted" <b>summary</b>', "<p>Body</p>", "en")
    assert "<img" not in page and "<b>" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert 'content="a &quot;quoted&quot; &lt;b&gt;summary&lt;/b&gt;"' in page


def test_the_title_becomes_the_heading_only_when_the_content_has_none():
    assert "<h1>T</h1>" in search_page_html("T", "", "<p>Body</p>", "en")
    assert "<h1>T</h1>" not in search_page_html("T", "", "<h1>Own</h1><p>Body</p>", "en")


def test_pages_are_indexed_with_their_text_meta_and_folded_accents(tmp_path: Path):
    index = SearchIndex("en")
    index.add("/entries/one/", "One", "The summary of one.", "<h1>One</h1><p>Jorge Rodríguez said more than 400.</p>"
              '<svg><text>999999</text></svg><ul class="briefing-list"><li>Listed elsewhere</li></ul>')
    index.add("/about/", "About", "", "<h1>About</h1><p>How the site works.</p>")
    index.start_writing(tmp_path / "pagefind")
    index.finish()
    records = search_records(tmp_path)
    assert set(records) == {"/entries/one/", "/about/"}
    one = records["/entries/one/"]
    assert one["meta"] == {"title": "One", "description": "The summary of one."}
    assert "Jorge Rodríguez said more than 400." in one["content"]
    assert "999999" not in one["content"] and "Listed elsewhere" not in one["content"]  # chart, entry list
    assert (tmp_path / "pagefind/pagefind.js").is_file() and (tmp_path / "pagefind/wasm.en.pagefind").is_file()


def test_results_facts_are_meta_and_table_header_rows_are_not_searched(tmp_path: Path):
    """A result shows a page's type, date and topic from its meta; column names are not content,
    and no two cells run together ("WhoValue", "RodríguezAssembly")."""
    table = ('<table><thead><tr><th scope="col">Who</th><th scope="col">Value</th><th scope="col">Said on</th>'
             '</tr></thead><tbody><tr><th scope="row">Rodríguez</th><th scope="row">Assembly</th>'
             "<td>more than 400</td><td>13 January 2026</td></tr></tbody></table>")
    index = SearchIndex("en")
    index.add("/entries/one/", "One", "Summary.", f"<h1>One</h1>{table}",
              {"type": "Entry", "date": "13 January 2026", "topic": 'Oil & "control" <b>'})
    index.start_writing(tmp_path / "pagefind")
    index.finish()
    one = search_records(tmp_path)["/entries/one/"]
    assert one["meta"] == {"title": "One", "description": "Summary.", "type": "Entry", "date": "13 January 2026",
                           "topic": 'Oil & "control" <b>'}
    assert "Who" not in one["content"] and "Said on" not in one["content"]
    assert "Rodríguez Assembly more than 400. 13 January 2026." in one["content"]


def test_a_page_the_core_did_not_make_is_a_page_and_only_known_facts_are_kept():
    assert result_facts({"title": "About"}) == {"type": "Page"}
    facts = {"type": "Entry", "date": "13 January 2026", "topic": "", "colour": "red"}
    assert result_facts({"briefing_search": facts}) == {"type": "Entry", "date": "13 January 2026"}


def test_a_stopped_pagefind_is_an_error_with_a_message_not_a_hang(tmp_path: Path):
    index = SearchIndex("en")
    index.close()  # as if the process had died: nothing is listening any more
    with pytest.raises(SearchIndexError, match="Pagefind"):
        index.add("/x/", "X", "", "<p>x</p>")
        index.start_writing(tmp_path / "pagefind")
        index.finish()


def test_finishing_an_index_that_was_never_asked_to_write_is_an_error():
    index = SearchIndex("en")
    with pytest.raises(SearchIndexError, match="never asked to write"):
        index.finish()


def test_the_earlier_entries_are_all_but_the_newest_ones():
    class Entry:
        def __init__(self, entry_id: str):
            self.id = entry_id
    newest_first = [Entry("c"), Entry("b"), Entry("a")]
    assert earlier_pages(newest_first, 2) == {"entries/a.md"}
    assert earlier_pages(newest_first, 3) == earlier_pages(newest_first, 10) == frozenset()


def test_earlier_entries_go_in_a_bundle_of_their_own_beside_the_first(tmp_path: Path):
    """A first search reads pagefind/ only: the newest entries and every other page."""
    index = SearchIndex("en", earlier=True)
    index.add("/entries/new/", "New", "", "<h1>New</h1><p>Released on Monday.</p>")
    index.add("/about/", "About", "", "<h1>About</h1><p>How the site works.</p>")
    index.add("/entries/old/", "Old", "", "<h1>Old</h1><p>Released last year.</p>", earlier=True)
    index.start_writing(tmp_path / "pagefind")
    index.finish()
    assert set(search_records(tmp_path)) == {"/entries/new/", "/about/"}
    assert set(search_records(tmp_path, "pagefind-earlier")) == {"/entries/old/"}
    assert (tmp_path / "pagefind-earlier/pagefind-entry.json").is_file()


def test_without_earlier_entries_there_is_one_bundle(tmp_path: Path):
    index = SearchIndex("en")
    index.add("/entries/old/", "Old", "", "<p>Old.</p>", earlier=True)  # no second bundle to put it in
    index.start_writing(tmp_path / "pagefind")
    index.finish()
    assert set(search_records(tmp_path)) == {"/entries/old/"}
    assert not (tmp_path / "pagefind-earlier").exists()


def test_the_earlier_entries_bundle_is_made_by_a_pagefind_of_its_own():
    """Pagefind holds every page it is given until it writes a bundle, and writing takes as much
    again: in one process, the earlier bundle's writing came on top of the recent one's pages
    (1,028 MiB at 10,000 entries). Each bundle's process holds its own pages only."""
    before = set(children_of(os.getpid()))
    for earlier, processes in ((False, 1), (True, 2)):
        index = SearchIndex("en", earlier=earlier)
        try:
            assert len(set(children_of(os.getpid())) - before) == processes
        finally:
            index.close()
