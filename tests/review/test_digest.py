"""The review digest on a scratch git repository made from the project: a change that adds an
entry with three claims by new actors, corrects one claim's value, deletes an entry and adds a
Spanish block; a revision with a broken file; a revision with a link; a bad revision name."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.review.digest import review

from conftest import REPO

MINISTRY = "briefings/2026/01/2026-01-12-penitentiary-ministry-says-at-least-116-freed.yaml"
DELETED = "briefings/2026/01/2026-01-14-us-files-court-applications-to-seize-more-tankers.yaml"
BLOOMBERG = "briefings/2026/01/2026-01-13-bloomberg-reports-us-citizen-released.yaml"
NEW_ENTRY = "briefings/2026/01/2026-01-15-three-counts-of-releases.yaml"
NEW_ACTORS = """
review-group-a:
  name: Review Group A
  kind: group
review-group-b:
  name: Review Group B
  kind: organization
review-group-c:
  name: Review Group C
  kind: media
"""
ENTRY = """title: Three groups give their counts of releases
date: 2026-01-15
topics: [detentions]
summary: Three groups counted releases.
actors: [review-group-a, review-group-b, review-group-c]
claims:
  - {figure: prisoners-released, value: 49, qualifier: exactly, by: review-group-a, basis: verified, source: s1}
  - {figure: prisoners-released, value: [60, 70], qualifier: about, by: review-group-b, source: s1}
  - {figure: prisoners-released, value: 500, qualifier: more-than, by: review-group-c, source: s1,
     said_on: 2026-01-13}
sources:
  - {id: s1, title: A scratch source for the review test}
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message)


def without_spanish(text: str) -> str:
    """An entry file with its top-level `es:` block taken out."""
    return re.sub(r"^es:\n(?:  .*\n|\n)*", "", text, flags=re.M)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project's briefings and pages in a new git repository; the Bloomberg entry has no Spanish."""
    repo = tmp_path / "repo"
    for folder in ("briefings", "docs"):
        shutil.copytree(REPO / folder, repo / folder, ignore=shutil.ignore_patterns(".cache"))
    bloomberg = repo / BLOOMBERG
    bloomberg.write_text(without_spanish(bloomberg.read_text()))
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "base")
    return repo


def change(repo: Path) -> None:
    (repo / "briefings/actors.yaml").write_text((repo / "briefings/actors.yaml").read_text() + NEW_ACTORS)
    (repo / NEW_ENTRY).write_text(ENTRY)
    ministry = repo / MINISTRY
    ministry.write_text(ministry.read_text().replace("    value: 116\n", "    value: 118\n"))
    (repo / DELETED).unlink()
    (repo / BLOOMBERG).write_text((REPO / BLOOMBERG).read_text())


def test_a_change_reads_in_words(repo: Path):
    change(repo)
    text, status = review(repo, "main")
    assert status == 3  # the ministry's 116 is corrected to 118 without an update
    assert "Compared: `main` (before) with the working tree (after)." in text
    assert text.index("### Claims corrected without an update") < text.index("### Entries")
    assert f"{MINISTRY}:31:12: claims[0].value: changes a published claim (it was 116)" in text
    entries = section(text, "Entries")
    assert f"- Added: Three groups give their counts of releases (`{NEW_ENTRY}`)" in entries
    assert f"(`{DELETED}`)" in entries and "- Removed: US authorities reportedly file court" in entries
    assert (f"- Changed: Ministry of Penitentiary Services says at least 116 prisoners were released on Monday "
            f"(`{MINISTRY}`)\n  - `claims`: changed") in entries
    assert "- Added: Review Group A (actor review-group-a)" in section(text, "Actors")
    claims = section(text, "Claims, by figure")
    assert "- Added: Review Group A: 49 people, verified, said 15 January 2026. In Three groups" in claims
    assert "- Added: Review Group B: about 60–70 people, said 15 January 2026. In Three groups" in claims
    assert "- Added: Review Group C: more than 500 people, said 13 January 2026. In Three groups" in claims
    assert ("- Changed (`value`): Ministry of Penitentiary Services: at least 118 people, said 14 January 2026; "
            "was Ministry of Penitentiary Services: at least 116 people") in claims
    assert claims.index("#### Prisoners released") < claims.index("Review Group A")
    figures = section(text, "How each figure's claims compare")
    assert "- Prisoners released: now Counts differ: 49 to more than 500 people, 6 claims; was Counts differ: " \
           "about 60–70 to more than 400 people, 3 claims" in figures
    assert "- `es` added: Bloomberg News reports at least one US citizen" in section(text, "Translations")
    pages = section(text, "Pages of the site, both languages")
    assert "- Added (8): `/actors/review-group-a/`, `/actors/review-group-b/`, `/actors/review-group-c/`, " \
           "`/entries/three-counts-of-releases/`, `/es/actors/review-group-a/`" in pages
    assert "`/entries/us-files-court-applications-to-seize-more-tankers/`, `/es/entries/us-files" in pages
    assert "`data/claims.csv`: 4 rows added, 1 removed" in section(text, "Open data")


def test_the_same_change_committed_compares_two_commits_and_leaves_the_work_tree_alone(repo: Path):
    change(repo)
    commit(repo, "change")
    (repo / NEW_ENTRY).write_text("title: [unclosed\n")  # the working tree is not what is compared
    text, status = review(repo, "main~1", "main")
    assert status == 3 and "Compared: `main~1` (before) with `main` (after)." in text
    assert "- Added: Three groups give their counts of releases" in text


def test_a_broken_revision_gives_its_problems_as_validate_prints_them(repo: Path):
    ministry = repo / MINISTRY
    ministry.write_text(ministry.read_text().replace("qualifier: at-least", "qualifier: atleast"))
    commit(repo, "broken")
    text, status = review(repo, "main~1", "main")
    assert status == 1
    assert "### Problems in `main`" not in text and "### Problems in main" in text
    block = text.split("```text\n")[1].split("\n```")[0].splitlines()
    assert block == [f"{MINISTRY}:32:16: claims[0].qualifier: 'atleast' is not one of exactly, about, at-least, "
                     "more-than, at-most, fewer-than; did you mean 'at-least'?"]
    assert "Nothing else can be compared until both revisions validate." in text


def test_a_link_in_a_revision_is_a_problem_and_is_never_followed(repo: Path, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: a file outside the repository\n")
    (repo / "briefings/2026/01/2026-01-15-linked.yaml").symlink_to(secret)
    commit(repo, "a link")
    text, status = review(repo, "main~1", "main")
    assert status == 1
    assert "briefings/2026/01/2026-01-15-linked.yaml:1:1: (file): is a symbolic link" in text
    assert "outside the repository" not in text


def test_a_name_that_is_no_revision_is_said_in_one_line(repo: Path):
    for name in ("no-such-branch", "--output=/tmp/x"):
        result = subprocess.run([sys.executable, "-m", "briefing", "--root", str(repo), "review", "--", name],
                                capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "hooks")})
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("briefing review: ") and "Traceback" not in result.stderr
        assert result.stdout.startswith("## What this change does to the site\n\nNo digest could be made: ")
        assert result.stdout.count("\n") == 3  # a heading, a blank line, one line that says why


def section(text: str, heading: str) -> str:
    """The text under a '### heading', up to the next one."""
    return text.split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]


def test_a_translation_left_behind_by_its_english_reads_as_stale(repo: Path):
    ministry = repo / MINISTRY
    edited = ministry.read_text().replace("were released on Monday\n", "were released on Monday, 12 January\n", 1)
    ministry.write_text(edited)
    (repo / BLOOMBERG).write_text((REPO / BLOOMBERG).read_text())
    commit(repo, "English edited; Bloomberg's Spanish added")
    bloomberg = repo / BLOOMBERG
    bloomberg.write_text(without_spanish(bloomberg.read_text()))
    text, _ = review(repo, "main~1", "main")
    translations = section(text, "Translations")
    assert ("- `es` now stale: Ministry of Penitentiary Services says at least 116 prisoners were released on Monday, "
            f"12 January (`{MINISTRY}`): its English title changed; the translation of 2026-12-06 did not"
            ) in translations
    text, _ = review(repo, "main")  # the working tree has Bloomberg's Spanish taken out again
    assert "- `es` removed: Bloomberg News reports at least one US citizen" in section(text, "Translations")
