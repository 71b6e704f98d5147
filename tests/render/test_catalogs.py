"""The interface's translations: every text the templates, the overrides and the code mark for
translation has a Spanish one, with the same placeholders; the catalog holds nothing else."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from briefing.render.i18n import LOCALE_FOLDER
from spanish_text import SAME_IN_SPANISH

from conftest import REPO

CATALOG = LOCALE_FOLDER / "es" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|%%")


def extracted(repo: Path, out: Path) -> dict:
    """What `make translations` extracts from `repo`: (context, msgid) -> message."""
    command = [sys.executable, "-c", "from babel.messages.frontend import main; main()", "extract",
               "-F", str(LOCALE_FOLDER / "babel.cfg"), "-k", "N_", "-k", "NP_:1c,2", "--no-location",
               "-o", str(out), "."]
    subprocess.run(command, cwd=repo, check=True, capture_output=True)
    with open(out, "rb") as pot:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in read_po(pot) if m.id}


@pytest.fixture(scope="module")
def template_messages(tmp_path_factory) -> dict:
    return extracted(REPO, tmp_path_factory.mktemp("pot") / "messages.pot")


@pytest.fixture(scope="module")
def spanish() -> dict:
    with open(CATALOG, "rb") as po:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in read_po(po, locale="es") if m.id}


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_the_templates_mark_many_texts(template_messages: dict):
    assert len(template_messages) > 150  # a broken extraction (no templates read) finds a handful


def test_every_marked_text_has_a_spanish_translation(template_messages: dict, spanish: dict):
    untranslated = [key for key in template_messages
                    if key not in spanish or not all(forms(spanish[key])) or spanish[key].fuzzy]
    assert untranslated == [], "run `make translations`, then translate these in " + str(CATALOG)


def test_the_catalog_holds_only_texts_the_site_uses(template_messages: dict, spanish: dict):
    assert sorted(set(spanish) - set(template_messages), key=str) == []


def test_no_text_is_left_in_english(spanish: dict):
    """A msgstr equal to its msgid is an English text copied, not translated, unless Spanish
    writes it the same (the walker of Spanish pages reads the same list)."""
    same = {msgid for (_, msgid), message in spanish.items() if msgid in forms(message)}
    assert same <= SAME_IN_SPANISH


def test_translations_keep_every_placeholder(spanish: dict):
    for (context, msgid), message in spanish.items():
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for number, form in enumerate(forms(message)):  # the singular form, then the plural ones
            wanted = sorted(set(PLACEHOLDER.findall(ids[min(number, len(ids) - 1)])))
            assert sorted(set(PLACEHOLDER.findall(form))) == wanted, (context, msgid, form)


def test_a_template_text_without_translation_fails(tmp_path: Path, spanish: dict):
    """The check above can fail: a new text in a template is reported."""
    copy = tmp_path / "repo"
    for part in ("hooks", "overrides"):
        shutil.copytree(REPO / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    template = copy / "hooks/briefing/render/templates/timeline.html.j2"
    template.write_text(template.read_text() + '{{ _("A text nobody translated") }}\n')
    found = extracted(copy, tmp_path / "messages.pot")
    assert [key for key in found if key not in spanish] == [(None, "A text nobody translated")]


# What may hold straight double quotes in a Spanish text: English kept as such (<span lang="en">),
# code (`…`, which the format page shows as written) and HTML attributes (href="…").
NOT_SPANISH_PROSE = re.compile(r'<span lang="en">.*?</span>|`[^`]*`|<[^>]*>')


def test_spanish_texts_quote_with_angle_quotes(spanish: dict):
    """Spanish prose quotes «así» (and “así” inside «…»), never with straight quotes, which are
    left to English text, code and markup."""
    straight = [(msgid, form) for (_, msgid), message in spanish.items() for form in forms(message)
                if '"' in NOT_SPANISH_PROSE.sub("", form)]
    assert straight == []
