"""Each entry's history from git, end to end: a scratch repository of the toy site with three
commits (the entry added; a claim's value corrected with an update; a Spanish translation added),
built in both languages; a fourth commit correcting a value silently fails the review at the
claim; a tarball and a shallow clone build without histories, saying so once; a rename keeps it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, TOY, mkdocs_build

ENTRY = "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
PAGE = "entries/assembly-says-400-freed/index.html"
DAYS = ("2026-01-14T12:00:00-04:00", "2026-01-20T23:30:00-04:00", "2026-01-25T09:00:00-04:00")
UPDATE = "updates:\n  - date: 2026-01-20\n    note: The assembly's figure was 450, not 400, in the session's record.\n"
SPANISH = """es:
  title: El presidente de la Asamblea dice que fueron liberados más de 450 presos
  summary: Jorge Rodríguez dijo a la Asamblea Nacional que más de 450 personas fueron liberadas.
  body: La declaración se hizo durante una sesión parlamentaria.
  translated_on: 2026-01-25
"""
UNAVAILABLE = "INFO    -  Entry histories are unavailable (no git history: "


def git(repo: Path, *args: str, when: str = DAYS[0]) -> str:
    env = {**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message, when=when)


def edit(repo: Path, old: str, new: str, path: str = ENTRY) -> None:
    text = (repo / path).read_text()
    assert old in text
    (repo / path).write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The toy site in both languages, its history three commits long."""
    repo = tmp_path_factory.mktemp("history") / "repo"
    for part in ("docs", "hooks", "overrides"):
        shutil.copytree(REPO / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(TOY / "briefings", repo / "briefings")
    for config in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(REPO / config, repo / config)
    (repo / ".gitignore").write_text("site/\n.cache/\n")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "the entry", DAYS[0])
    edit(repo, "    value: 400\n", "    value: 450\n")
    (repo / ENTRY).write_text((repo / ENTRY).read_text() + UPDATE)
    commit(repo, "a value corrected, with an update", DAYS[1])
    (repo / ENTRY).write_text((repo / ENTRY).read_text() + SPANISH)
    commit(repo, "the Spanish translation", DAYS[2])
    return repo


@pytest.fixture(scope="module")
def built(repo: Path) -> tuple[Path, str]:
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0, result.stderr
    return repo / "site", result.stderr


def history_of(page: Path) -> str:
    html = page.read_text()
    assert html.count('id="history"') == 1, "no history section"
    return html[html.index('id="history"'):html.index("</ol>", html.index('id="history"'))]


def test_the_three_changes_are_told_in_english_with_their_dates(built):
    history = history_of(built[0] / PAGE)
    assert ('First published <time datetime="2026-01-14">14 January 2026</time>; '
            'last changed <time datetime="2026-01-25">25 January 2026</time>.') in history
    items = history[history.index("<ol"):]
    spanish, corrected, first = (items.index(f'<time datetime="2026-01-{day}">') for day in (25, 20, 14))
    assert spanish < corrected < first  # newest first
    assert "Spanish translation added." in items[spanish:corrected]
    assert ("Claim corrected (value): Jorge Rodríguez: more than 450 people; was Jorge Rodríguez: "
            "more than 400 people") in items[corrected:first]
    assert "Update: The assembly's figure was 450, not 400" in items[corrected:first]
    assert "First published." in items[first:]
    assert UNAVAILABLE.split("(")[0].split("-  ")[1] not in built[1]


def test_the_three_changes_are_told_in_spanish_with_their_dates(built):
    history = history_of(built[0] / "es" / PAGE)
    assert ('Publicada por primera vez el <time datetime="2026-01-14">14 de enero de 2026</time>; '
            'último cambio el <time datetime="2026-01-25">25 de enero de 2026</time>.') in history
    items = history[history.index("<ol"):]
    spanish, corrected, first = (items.index(f'<time datetime="2026-01-{day}">') for day in (25, 20, 14))
    assert "Se añadió la traducción al español." in items[spanish:corrected]
    assert ('Afirmación corregida (valor): Jorge Rodríguez: más de 450 <span lang="en">people</span>; '
            'antes Jorge Rodríguez: más de 400 <span lang="en">people</span>') in items[corrected:first]
    assert "Primera publicación." in items[first:]


def test_a_value_changed_without_an_update_fails_the_review_at_the_claim(repo: Path, tmp_path: Path):
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    edit(copy, "    value: 450\n", "    value: 460\n")
    commit(copy, "a silent correction", "2026-01-26T10:00:00-04:00")
    result = subprocess.run([sys.executable, "-m", "briefing", "review", "HEAD~1", "HEAD"], cwd=copy,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})
    assert result.returncode == 3, result.stderr
    line = f"{ENTRY}:12:12: claims[0].value: changes a published claim (it was 450) and the entry adds no update"
    assert line in result.stderr
    assert result.stdout.index("### Claims corrected without an update") < result.stdout.index("#### Prisoners")


@pytest.mark.parametrize("how", ["tarball", "shallow"])
def test_a_build_without_history_says_so_once_and_shows_no_history(repo: Path, tmp_path: Path, how: str):
    copy = tmp_path / "copy"
    if how == "tarball":
        shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("site", ".cache", ".git"))
    else:
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(copy)], check=True)
    result = mkdocs_build(copy / "mkdocs.yml", copy / "site")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Entry histories are unavailable") == 1, result.stderr
    assert UNAVAILABLE in result.stderr
    for page in (copy / "site" / PAGE, copy / "site" / "es" / PAGE):
        assert 'id="history"' not in page.read_text()


def test_a_renamed_entry_keeps_its_history(repo: Path, tmp_path: Path):
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    renamed = ENTRY.replace("assembly-says-400-freed", "assembly-president-says-450-freed")
    git(copy, "mv", ENTRY, renamed)
    commit(copy, "a clearer name", "2026-01-27T10:00:00-04:00")
    result = mkdocs_build(copy / "mkdocs.yml", copy / "site")
    assert result.returncode == 0, result.stderr
    history = history_of(copy / "site" / PAGE.replace("assembly-says-400-freed", "assembly-president-says-450-freed"))
    assert 'First published <time datetime="2026-01-14">' in history
    assert "Claim corrected (value)" in history


def test_an_actor_renamed_in_the_register_is_in_the_history_of_the_entries_naming_it(repo: Path, tmp_path: Path):
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    edit(copy, "name: Jorge Rodríguez\n", "name: Jorge Rodríguez Gómez\n", "briefings/actors.yaml")
    commit(copy, "a fuller name", "2026-01-28T10:00:00-04:00")
    result = mkdocs_build(copy / "mkdocs.yml", copy / "site")
    assert result.returncode == 0, result.stderr
    items = history_of(copy / "site" / PAGE).split("<ol", 1)[1]
    assert items.index('<time datetime="2026-01-28">') < items.index('<time datetime="2026-01-25">')
    assert "Actor renamed in the register: Jorge Rodríguez → Jorge Rodríguez Gómez" in items
    spanish = history_of(copy / "site" / "es" / PAGE)
    assert "Cambio de nombre en el registro de actores: Jorge Rodríguez → Jorge Rodríguez Gómez" in spanish


def test_a_figure_or_topic_changed_in_its_register_is_in_the_history_of_the_entries_showing_it(
        repo: Path, tmp_path: Path):
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    edit(copy, "label: Prisoners released\n", "label: Prisoners freed\n", "briefings/figures.yaml")
    edit(copy, "unit: people\n", "unit: persons\n", "briefings/figures.yaml")
    edit(copy, "title: Detentions\n", "title: Arrests and releases\n", "briefings/topics.yaml")
    commit(copy, "registers reworded", "2026-01-29T10:00:00-04:00")
    result = mkdocs_build(copy / "mkdocs.yml", copy / "site")
    assert result.returncode == 0, result.stderr
    items = history_of(copy / "site" / PAGE).split("<ol", 1)[1]
    latest = items[items.index('<time datetime="2026-01-29">'):items.index('<time datetime="2026-01-25">')]
    for words in ("Figure renamed in the register: Prisoners released → Prisoners freed",
                  "Figure's unit changed in the register: people → persons",
                  "Topic renamed in the register: Detentions → Arrests and releases"):
        assert words in latest.replace("&#39;", "'")
    spanish = history_of(copy / "site" / "es" / PAGE)
    assert ('Cambio de nombre en el registro de cifras: <span lang="en">Prisoners released</span> → '
            '<span lang="en">Prisoners freed</span>') in spanish


@pytest.mark.parametrize("folder", ["", "es/"])
def test_the_citation_cites_the_version_the_history_dates(built, folder: str):
    """Cite this gives the first commit's day as published and the last's as the version cited
    (render/cite_pages.version_dates), not the dates the entry's text gives (2026-01-13, 2026-01-20)."""
    site, _ = built
    item = json.loads((site / folder / PAGE).with_name("cite.json").read_text())[0]
    assert item["issued"] == {"date-parts": [[2026, 1, 14]]}
    assert item["note"] == "Last changed 2026-01-25"
    assert "date = {2026-01-14}" in (site / folder / PAGE).with_name("cite.bib").read_text()
