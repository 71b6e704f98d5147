"""The format reference page (/format/, /es/format/), as render/pages.py makes it in each language:
its Translations section lists what the spec lets each record's language block hold, and the
Spanish page says everything in Spanish, down to each field's meaning and each type's words."""
from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from briefing.format.markdown import MAX_LINES, MAX_OPENER_SCAN, MAX_PARAGRAPH
from briefing.format.reference import field_rows
from briefing.format.spec import BRIEFINGS, EARLIEST_DATE, ENTRY, ENTRY_FILE, REGISTRIES
from briefing.format.structure import ListOf, Record
from briefing.format.translations import LANGUAGES, translatable
from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render.context import RenderContext
from briefing.render.i18n import LOCALE_FOLDER, Language
from briefing.render.jinja import Templates
from briefing.render.markup import SafeMarkdown
from briefing.render.pages import format_page
from briefing.render.settings import Settings
from briefing.render.words import Words

from conftest import TOY

SPANISH = Language("es")


def every_record() -> list[Record]:
    """Every record of the format, found by walking it from the entry and the registries (the
    language blocks too), so that a record the page forgets is still found here."""
    found: list[Record] = []
    waiting = [ENTRY, *(registry.record for registry in REGISTRIES)]
    while waiting:
        kind = waiting.pop(0)
        kind = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(kind, Record) and all(kind is not seen for seen in found):
            found.append(kind)
            waiting += [field.type for field in kind.fields]
    return found


TRANSLATED = [record for record in every_record() if translatable(record)]
BLOCKS = [record.by_name[code].type for record in TRANSLATED for code in LANGUAGES]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The page's Markdown in English and in Spanish."""
    site = load_site(TOY, cache=False)
    made = {}
    for language in (Language(), SPANISH):
        ctx = RenderContext(site, Ledger(site), Settings("Toy", "https://example.org/"),
                            Templates(language=language), SafeMarkdown(), Words(language))
        made[language.code] = format_page(ctx).body
    return made


def section(page: str, heading: str) -> str:
    start = page.index(f"\n## {heading}\n")
    end = page.find("\n## ", start + 1)
    return page[start:end if end > 0 else None]


def rows(text: str) -> dict[str, list[str]]:
    """A section's table rows by their first cell (the record), header and rule left out."""
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in text.splitlines()
             if line.startswith("| ") and not line.startswith("|---")]
    return {row[0]: row[1:] for row in cells[1:]} if cells else {}


def code_names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def test_the_walk_finds_every_record_with_a_block():
    assert {record.name for record in TRANSLATED} == {"entry", "claim", "update", "source", "topic", "actor", "figure"}


def place_of(record: Record) -> str:
    """Where a record is written: its registry's file, the entry's list that holds it, or the entry's file."""
    for registry in REGISTRIES:
        if registry.record is record:
            return f"{BRIEFINGS}/{registry.name}"
    lists = [field.name for field in ENTRY.fields if isinstance(field.type, ListOf) and field.type.item is record]
    return lists[0] if lists else ENTRY_FILE


@pytest.mark.parametrize("record", TRANSLATED, ids=lambda record: record.name)
def test_the_english_page_lists_every_field_a_block_may_hold(pages: dict, record: Record):
    table = rows(section(pages["en"], "Translations").split("The fields only a block has:")[0])
    where, fields, required = table[record.name]
    assert f"{place_of(record)}`" in where
    for code in LANGUAGES:
        block = record.by_name[code].type
        assert code_names(fields) == list(translatable(record)[code])
        assert code_names(required) == [field.name for field in block.fields if field.required]


def test_the_english_page_describes_each_field_only_a_block_has(pages: dict):
    table = section(pages["en"], "Translations").split("The fields only a block has:")[1]
    listed = [(row[0], code_names(row[1])[0]) for row in
              ([cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()
               if line.startswith("| ") and "`" in line)]
    expected = [(record.name, field.name) for record in TRANSLATED for code in LANGUAGES
                for field in record.by_name[code].type.fields if field.name not in record.by_name]
    assert listed == expected == [("entry", "translated_on"), ("figure", "unit_gender")]


def test_the_spanish_page_has_the_translations_section(pages: dict):
    text = section(pages["es"], "Traducciones")
    table = rows(text.split("Los campos que solo tiene un bloque:")[0])
    assert {SPANISH.gettext(record.name): code_names(table[SPANISH.gettext(record.name)][1])
            for record in TRANSLATED} == {SPANISH.gettext(record.name): list(translatable(record)["es"])
                                          for record in TRANSLATED}
    for words in ("nunca se traducen", "«todavía sin traducir»", "nunca traducido de forma automática",
                  "es:\n  title: El presidente de la Asamblea", "    es:\n      scope: desde la semana anterior"):
        assert words in text


@pytest.mark.parametrize("record", every_record(), ids=lambda record: record.name)
def test_every_meaning_on_the_spanish_page_is_spanish(pages: dict, record: Record):
    """Each field's meaning (and the record's own) is in the catalog, and the page shows it so."""
    for field in record.fields:
        if field.name in LANGUAGES or not field.doc:
            continue
        spanish = SPANISH.gettext(field.doc)
        assert spanish != field.doc, f"{record.name}.{field.name} has no Spanish meaning"
        assert f"| {spanish} |" in pages["es"]
        assert f"| {field.doc} |" not in pages["es"]
    if record.doc and all(record is not block for block in BLOCKS):  # a block's own doc is not shown
        assert SPANISH.gettext(record.doc) != record.doc
        assert SPANISH.gettext(record.doc)[1:] in pages["es"]


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda registry: registry.name)
def test_every_registry_is_described_in_spanish(pages: dict, registry):
    assert SPANISH.gettext(registry.doc) != registry.doc
    assert f"con sus campos. Contiene {SPANISH.gettext(registry.doc)}." in pages["es"]


def alike() -> set[str]:
    """The words Spanish spells as English does ("actor", "id", "no"), as the catalog says."""
    with open(LOCALE_FOLDER / "es" / "LC_MESSAGES" / "messages.po", "rb") as po:
        return {message.id for message in read_po(po) if message.id and message.string == message.id}


def english_words(text: str) -> set[str]:
    """Lowercase words outside `code` and "quoted examples" (what a field holds in English stays so)."""
    return set(re.findall(r"\b[a-z]{2,}\b", re.sub(r'`[^`]*`|"[^"]*"', "", text)))


@pytest.mark.parametrize("record", every_record(), ids=lambda record: record.name)
def test_every_type_and_meaning_of_a_record_reads_in_spanish(pages: dict, record: Record):
    """Row by row, the Spanish words share no English word with the English ones, and the page
    shows them (a block's own rows are not shown: the Translations section lists its fields)."""
    same = alike() | {"http", "https", "ids", "editor"}  # words both languages write alike
    for english, spanish in zip(field_rows(record), field_rows(record, SPANISH.gettext, SPANISH.number),
                                 strict=True):
        for column in ("type", "required", "doc"):
            left = english_words(english[column]) & english_words(spanish[column]) - same
            assert not left, (record.name, english["name"], column, spanish[column])
        if all(record is not block for block in BLOCKS):
            assert "| `{name}` | {type} | {required} | {doc} |".format(**spanish) in pages["es"]


def prose_lines(page: str) -> list[str]:
    """The page's lines that hold words outside code (the YAML examples, `backticks`), but for those
    whose every word Spanish spells alike ("| actor | `briefings/actors.yaml` | `role` |")."""
    same = alike()
    outside_code = re.sub(r"```.*?```", "", page, flags=re.S)
    return [line for line in outside_code.splitlines()
            if set(re.findall(r"[A-Za-z]{2,}", re.sub(r"`[^`]*`", "", line))) - same]


def test_no_english_line_is_left_on_the_spanish_page(pages: dict):
    spanish = set(pages["es"].splitlines())
    english = prose_lines(pages["en"])
    assert len(english) > 80  # headings, paragraphs, table rows
    assert [line for line in english if line in spanish] == []
    assert "| yes |" not in pages["es"] and "| field | type | required | meaning |" not in pages["es"]


def outside_code(page: str) -> str:
    """The page's prose and tables, without the YAML examples and `code` (which show values as written)."""
    without_blocks = re.sub(r"``` ?[a-z]*\n.*?```", "", page, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", re.sub(r"`` .*? ``", "", without_blocks))


@pytest.mark.parametrize("language", [Language(), SPANISH], ids=lambda language: language.code)
def test_the_page_writes_numbers_and_dates_as_its_language_does(pages: dict, language: Language):
    """Limits read "100,000" / "100.000" and "1 January 1999" / "1 de enero de 1999", never as
    Python writes them ("100000", "1999-01-01")."""
    words, prose = Words(language), outside_code(pages[language.code])
    large = [limit for limit in (MAX_LINES, MAX_PARAGRAPH, MAX_OPENER_SCAN, 100_000) if limit >= 1000]
    assert len(large) == 4
    for limit in large:
        assert words.number(limit) in prose
        assert not re.search(rf"(?<![\d.,]){limit}(?![\d.,])", prose), limit
    assert words.date(EARLIEST_DATE) in prose and EARLIEST_DATE.isoformat() not in prose
