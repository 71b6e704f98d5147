"""The examples the documentation shows are valid entries: docs cannot drift from the format. The
format reference is built in each language, each with its Translations section."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.format.reference import reference_context
from briefing.model.build import load_site
from briefing.render.i18n import Language
from briefing.render.jinja import Templates

from conftest import REPO

YAML_BLOCK = re.compile(r"```yaml\n(title:.*?)```", re.S)
SPANISH = Language("es")
EXAMPLES = [("contribute.md", (REPO / "docs/contribute.md").read_text()),
            ("format reference", Templates().render("format.md.j2", **reference_context())),
            ("Spanish format reference",
             Templates(language=SPANISH).render("format.md.j2", **reference_context(SPANISH.gettext)))]


@pytest.mark.parametrize("name, text", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_example_entries_in_the_docs_are_valid(name: str, text: str, toy_repo: Path):
    blocks = YAML_BLOCK.findall(text)
    assert blocks, f"no example entry found in {name}"
    for i, block in enumerate(blocks):
        date = re.search(r"^date: (\S+)", block, re.M).group(1)
        path = toy_repo / "briefings" / date[:4] / date[5:7] / f"{date}-docs-example-{i}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block)
    site = load_site(toy_repo)
    assert sum(entry.id.startswith("docs-example-") for entry in site.entries) == len(blocks)


@pytest.mark.parametrize("page, language, heading, header", [
    ("format/index.html", "en", '<h2 id="translations">Translations</h2>', "<th>meaning</th>"),
    ("es/format/index.html", "es", '<h2 id="traducciones">Traducciones</h2>', "<th>significado</th>")])
def test_each_built_format_page_has_its_translations_section(real_site: Path, page: str, language: str,
                                                              heading: str, header: str):
    html = (real_site / page).read_text()
    assert f'<html lang="{language}"' in html
    assert heading in html and header in html
    other = "<th>significado</th>" if language == "en" else "<th>meaning</th>"
    assert other not in html


FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.S | re.M)


@pytest.mark.parametrize("page", sorted(path.name for path in (REPO / "docs/es").glob("*.md")))
def test_the_spanish_pages_mark_their_english_examples(page: str):
    """An example in English (an entry, a registry, a message) on a Spanish page is marked
    lang="en" where it is written; a block in Spanish (an `es:` block) or a command is not."""
    text = (REPO / "docs/es" / page).read_text(encoding="utf-8")
    unmarked = [match.group("body").splitlines()[0] for match in FENCE.finditer(text)
                if match.group("info").strip() not in ("sh", "") and 'lang="en"' not in match.group("info")
                and not match.group("body").startswith("es:")]
    assert unmarked == []
