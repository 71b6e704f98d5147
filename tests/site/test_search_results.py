"""What search holds for each page of the real site: the facts a result shows (type, and an
entry's date and topic, from the core's page meta), and excerpts that keep a table's cells apart
and leave its column names out."""
from __future__ import annotations

from pathlib import Path

from briefing.model.build import load_site
from briefing.render.words import Words

from conftest import REPO
from search_records import search_records

COLUMNS = ("Who", "Figure", "Value", "Said on", "Scope", "Basis", "Source", "Reported in")  # _claims_table.html.j2


def test_no_page_indexes_the_claims_tables_column_names_run_together_or_at_all(real_site: Path):
    records = search_records(real_site)
    assert len([url for url in records if url.startswith("/entries/")]) >= 8
    pairs = [(a, b) for a in COLUMNS for b in COLUMNS if a != b]
    for url, record in records.items():
        content = record["content"]
        assert "ValueSaid" not in content and "onScopeBasis" not in content, url
        assert not [a + b for a, b in pairs if a + b in content], url  # "WhoFigure", "ScopeBasis"...
        assert not [f"{a} {b}" for a, b in pairs if f"{a} {b}" in content], url  # the header row, spaced


def test_a_claims_row_is_indexed_cell_by_cell(real_site: Path):
    content = search_records(real_site)["/entries/bloomberg-reports-us-citizen-released/"]["content"]
    assert ("Bloomberg News. US citizens released. at least 1 person. 14 January 2026. "
            "released from a Venezuelan prison (13 January 2026). not stated.") in content


def test_every_result_has_its_type_and_each_entry_its_date_and_first_topic(real_site: Path):
    site, records = load_site(REPO), search_records(real_site)
    for entry in site.entries:
        meta = records[f"/entries/{entry.id}/"]["meta"]
        assert {key: meta.get(key) for key in ("type", "date", "topic")} == {
            "type": "Entry", "date": Words().date(entry.date), "topic": site.topics[entry.topics[0]].title}
    assert records["/entries/bloomberg-reports-us-citizen-released/"]["meta"]["date"] == "13 January 2026"
    kinds = {"/topics/detentions/": "Topic", "/figures/prisoners-released/": "Figure",
             "/actors/jorge-rodriguez/": "Actor", "/about/": "Page", "/": "Page", "/format/": "Page"}
    assert {url: records[url]["meta"]["type"] for url in kinds} == kinds
    hand_written = {f"/{page.stem}/" for page in (REPO / "docs").glob("*.md") if page.stem != "index"}
    assert hand_written and {records[url]["meta"]["type"] for url in hand_written} == {"Page"}
    assert all("type" in record["meta"] for record in records.values())
    assert not [url for url, record in records.items()
                if not url.startswith("/entries/") and ("date" in record["meta"] or "topic" in record["meta"])]
