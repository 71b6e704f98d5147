"""Publishing settings are checked once, before any page is made: every bad value is refused with
one line naming the setting (render/settings_check.py says what each may be), never fixed."""
from __future__ import annotations

import pytest

from briefing.format.problems import ProblemsFound
from briefing.render.settings import Settings

WRITTEN_IN = ("mkdocs.yml", "extra.briefing.")
GOOD = {"site_name": "Toy", "base_url": "https://owner.github.io/briefing/", "repository": "https://github.com/o/b",
        "edit_uri": "edit/main/docs/", "written_in": WRITTEN_IN, "address_setting": "site_url"}
SITE = ("an absolute http(s) address ending in '/'", "https://owner.github.io/briefing/")
REPO = ("an http(s) address with a host", "https://github.com/owner/briefing")
EDITOR = ("a path ending in '/' inside the repository's address, with no scheme, no leading '/' and no '.' or "
          "'..' part", "edit/main/docs/")


def holds(shown: str, char: str, kind: tuple[str, str]) -> str:
    """The line for a value holding a character it may not hold."""
    return f"{shown} holds {char}, a character it may not hold; write {kind[0]}, such as '{kind[1]}'"


def is_not(shown: str, kind: tuple[str, str]) -> str:
    """The line for a value of the wrong shape."""
    return f"{shown} is not {kind[0]}; write one such as '{kind[1]}'"


def problems_of(**changes) -> list[str]:
    try:
        Settings(**{**GOOD, **changes}).check()
    except ProblemsFound as found:
        return [str(problem) for problem in found.problems]
    return []


@pytest.mark.parametrize("address", ["https://owner.github.io/briefing/", "http://127.0.0.1:8000/",
                                     "http://[::1]:8000/briefing/es/", "https://example.org/", "https://x.org/a%20b/"])
def test_ordinary_settings_pass(address: str):
    assert problems_of(base_url=address) == []
    assert problems_of(repository=None, edit_uri=None) == []
    assert problems_of(repository="", edit_uri="") == []  # an unset variable in CI


@pytest.mark.parametrize(("address", "line"), [
    ('https://x.org/"><script>alert(1)</script>/',
     holds("""'https://x.org/"><script>alert(1)</script>/'""", "'\"'", SITE)),
    ("https://x.org/<script>/", holds("'https://x.org/<script>/'", "'<'", SITE)),
    ("https://x.org/a b/", holds("'https://x.org/a b/'", "' '", SITE)),
    ("https://x.org/\n/", holds("'https://x.org/\\\\n/'", "'\\\\n'", SITE)),
    ("https://x.org/'onload='alert(1)/", holds('"https://x.org/\'onload=\'alert(1)/"', '"\'"', SITE)),
    ("javascript://x.org/%0Aalert(1)/", holds("'javascript://x.org/%0Aalert(1)/'", "'('", SITE)),
    ("ftp://x.org/", is_not("'ftp://x.org/'", SITE)),
    ("https://x.org/briefing", is_not("'https://x.org/briefing'", SITE)),
    ("/briefing/", is_not("'/briefing/'", SITE)),
    (None, is_not("None", SITE)),
])
def test_a_hostile_site_address_is_refused_with_one_line(address, line: str):
    assert problems_of(base_url=address) == [f"mkdocs.yml: site_url: {line}"]


@pytest.mark.parametrize(("repository", "line"), [
    ("javascript:alert(1)", holds("'javascript:alert(1)'", "'('", REPO)),
    ("javascript://github.com/%0a", is_not("'javascript://github.com/%0a'", REPO)),
    ("data:text/html;base64,PHNjcmlwdD4=", holds("'data:text/html;base64,PHNjcmlwdD4='", "';'", REPO)),
    ("vbscript:msgbox", is_not("'vbscript:msgbox'", REPO)),
    (" javascript:x", holds("' javascript:x'", "' '", REPO)),
    ("java\tscript:x", holds("'java\\tscript:x'", "'\\t'", REPO)),
    ("https:github.com/o/b", is_not("'https:github.com/o/b'", REPO)),
    ("//github.com/o/b", is_not("'//github.com/o/b'", REPO)),
    (42, is_not("42", REPO)),
])
def test_a_repository_that_is_not_an_http_address_is_refused(repository, line: str):
    assert problems_of(repository=repository) == [f"mkdocs.yml: extra.briefing.repository: {line}"]


@pytest.mark.parametrize(("edit_uri", "line"), [
    ("../../evil.org/", is_not("'../../evil.org/'", EDITOR)), ("/evil/", is_not("'/evil/'", EDITOR)),
    ("edit/main/docs", is_not("'edit/main/docs'", EDITOR)), ("./edit/", is_not("'./edit/'", EDITOR)),
    ("edit//docs/", is_not("'edit//docs/'", EDITOR)),
    ("javascript:alert(1)/", holds("'javascript:alert(1)/'", "':'", EDITOR)),
    ('edit/"onmouseover=x/', holds("""'edit/"onmouseover=x/'""", "'\"'", EDITOR)),
    ("edit/main/docs/?x=1", holds("'edit/main/docs/?x=1'", "'?'", EDITOR)),
])
def test_a_hostile_editor_path_is_refused(edit_uri: str, line: str):
    assert problems_of(edit_uri=edit_uri) == [f"mkdocs.yml: extra.briefing.edit_uri: {line}"]


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (-5, "-5"), ("many", "'many'"), (True, "True"), (2.5, "2.5"),
                                              (None, "None")])
def test_search_recent_entries_is_a_whole_number_of_at_least_one(count, shown: str):
    assert problems_of(search_recent_entries=count) == [
        f"mkdocs.yml: extra.briefing.search_recent_entries: {shown} is not a whole number of at least 1 "
        "(how many of the newest entries a first search reads)"]



@pytest.mark.parametrize(("days", "shown"), [(0, "0"), (-1, "-1"), ("30", "'30'"), (False, "False"), (7.5, "7.5")])
def test_offline_days_is_a_whole_number_of_at_least_one(days, shown: str):
    assert problems_of(offline_days=days) == [
        f"mkdocs.yml: extra.briefing.offline_days: {shown} is not a whole number of at least 1 "
        "(how many days of entries the offline edition holds)"]


@pytest.mark.parametrize(("zone", "line"), [
    ("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a time zone; use a zone name such as 'America/Caracas'"),
    ("../../etc/passwd", "'../../etc/passwd' is not a time zone; use a zone name such as 'America/Caracas'"),
    (["UTC"], "['UTC'] is not a time zone; did you mean 'UTC'?"),  # a list, not the name
    ("america/caracas", "'america/caracas' is not a time zone; did you mean 'America/Caracas'?"),
])
def test_a_zone_that_is_not_one_is_refused(zone, line: str):
    assert problems_of(timezone=zone) == [f"mkdocs.yml: extra.briefing.timezone: {line}"]


def test_every_bad_setting_is_reported_at_once_each_on_one_line():
    lines = problems_of(base_url="x", repository="data:x", edit_uri="..", timezone="X", search_recent_entries=0)
    assert [line.split(": ")[1] for line in lines] == [
        "extra.briefing.edit_uri", "extra.briefing.repository", "extra.briefing.search_recent_entries",
        "extra.briefing.timezone", "site_url"]
    assert all("\n" not in line for line in lines)


NAME_HOLDS = "a character it may not hold (the theme prints the name as it is written); write it in plain words"


@pytest.mark.parametrize(("name", "line"), [
    ("Toy</title><script>alert(1)</script>", f"'Toy</title><script>alert(1)</script>' holds '<', {NAME_HOLDS}"),
    ('Toy" onload="x', f"""'Toy" onload="x' holds '"', {NAME_HOLDS}"""),
    ("Toy &amp; co", f"'Toy &amp; co' holds '&', {NAME_HOLDS}"),
    ("Toy\u202eevil", f"'Toy\\u202eevil' holds '\\u202e', {NAME_HOLDS}"),
    ("   ", "'   ' is not a name; write the site's name in plain words, such as 'Venezuela crisis briefing'"),
    (None, "None is not a name; write the site's name in plain words, such as 'Venezuela crisis briefing'"),
    ("x" * 81, "is 81 characters long; a site's name has at most 80: shorten it"),
])
def test_a_hostile_site_name_is_refused_with_one_line(name, line: str):
    assert problems_of(site_name=name) == [f"mkdocs.yml: site_name: {line}"]


@pytest.mark.parametrize("name", ["Venezuela crisis briefing", "Venezuela en crisis: quién dice qué",
                                  "Crisis: día 1 (¿qué?)"])
def test_a_site_name_in_plain_words_passes(name: str):
    assert problems_of(site_name=name) == []
