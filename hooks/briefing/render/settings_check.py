"""What each publishing setting may be: checked once, before any page is made (Settings.check,
called by SiteRenderer.render), each bad value refused with one line naming the setting.

Every setting ends up in the pages: the site's address in every page's canonical link and in
the theme's inline script, the repository and its editor in links, the zone in feeds. A value
is refused rather than "fixed" (escaped, trimmed, lower-cased): a fixed address is one nobody
wrote, and the site would link it. So an address holds only the characters an address needs,
none that HTML, XML or a script's string would read otherwise (quotes, '<', '>', '&', '\\',
spaces, controls), and has the one shape the site can use:
- the site's name: plain words, at most MAX_NAME characters, none of '<', '>', '&', '"', '`' or
  '\\' and no control character (the theme prints it as written in every page's title);
- the site's address (SITE_URL in CI; a local preview's is http://127.0.0.1:8000/):
  absolute, http or https, a host (a name, or an IPv6 address in brackets) and an optional port,
  a path ending in '/', no user, query or fragment;
- the repository (REPO_URL): http or https with a host, never another scheme (javascript:, data:);
- its editor (EDIT_URI): a path inside the repository's address ending in '/', with no scheme, no
  '.' or '..' part and no leading '/' (edit/main/docs/);
- the time zone: a name in the pinned tzdata;
- search_recent_entries and offline_days: each a whole number of at least 1;
- offline: true or false (YAML's, never a word such as 'no' written in quotes).
The repository and its editor may be left out (None or an empty string, as an unset variable
in CI gives): the site then links the contribute page instead.
"""
from __future__ import annotations

import re
import string
from importlib import resources

from ..format.problems import did_you_mean, printable, quoted

_HOST = r"(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?"
_SEGMENT = r"(?:[a-z0-9._~-]|%[0-9a-f]{2})"
_ADDRESS_CHARS = frozenset(string.ascii_letters + string.digits + "-._~%/:[]")
_PATH_CHARS = frozenset(string.ascii_letters + string.digits + "-._~%/+")
SITE_ADDRESS = re.compile(rf"https?://{_HOST}(?:/{_SEGMENT}*)*/", re.ASCII | re.IGNORECASE)
REPOSITORY = re.compile(rf"https?://{_HOST}(?:/{_SEGMENT}*)*", re.ASCII | re.IGNORECASE)
EDITOR_PATH = re.compile(r"(?:(?!\.\.?/)(?:[a-z0-9._~+-]|%[0-9a-f]{2})+/)+", re.ASCII | re.IGNORECASE)


MAX_NAME = 80  # characters in the site's name: a page's title is the page's, then the site's
NAME_EXAMPLE = "Venezuela crisis briefing"


def site_name_problem(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"{_shown(value)} is not a name; write the site's name in plain words, such as '{NAME_EXAMPLE}'"
    wrong = next((char for char in value if char in '<>&"`\\' or not char.isprintable()), None)
    if wrong is not None:
        return (f"{_shown(value)} holds {quoted(wrong)}, a character it may not hold (the theme prints the name "
                "as it is written); write it in plain words")
    if len(value) > MAX_NAME:
        return f"is {len(value)} characters long; a site's name has at most {MAX_NAME}: shorten it"
    return None


def site_address_problem(value: object) -> str | None:
    return _shape_problem(value, SITE_ADDRESS, _ADDRESS_CHARS, "an absolute http(s) address ending in '/'",
                          "https://owner.github.io/briefing/")


def repository_problem(value: object) -> str | None:
    if value is None or value == "":
        return None
    return _shape_problem(value, REPOSITORY, _ADDRESS_CHARS, "an http(s) address with a host",
                          "https://github.com/owner/briefing")


def editor_problem(value: object) -> str | None:
    if value is None or value == "":
        return None
    return _shape_problem(value, EDITOR_PATH, _PATH_CHARS, "a path ending in '/' inside the repository's "
                          "address, with no scheme, no leading '/' and no '.' or '..' part", "edit/main/docs/")


def zone_problem(value: object) -> str | None:
    """A name the pinned tzdata package knows (not the machine's own database, which differs from
    machine to machine: builds must not)."""
    known = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    if isinstance(value, str) and value in known:
        return None
    hint = did_you_mean(str(value), known) or "; use a zone name such as 'America/Caracas'"
    return f"{_shown(value)} is not a time zone{hint}"


SEARCH_RECENT = "how many of the newest entries a first search reads"
OFFLINE_DAYS = "how many days of entries the offline edition holds"


def count_problem(value: object, what: str = SEARCH_RECENT) -> str | None:
    """A whole number of at least 1; `what` says what it counts."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return None
    return f"{_shown(value)} is not a whole number of at least 1 ({what})"


def flag_problem(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    return (f"{_shown(value)} is not true or false (whether pages a reader opened stay readable offline); "
            "write true or false")


def _shape_problem(value: object, shape: re.Pattern, allowed: frozenset, what: str, example: str) -> str | None:
    """The first character `value` may not hold, else whether it has the shape; None if it does."""
    if not isinstance(value, str):
        return f"{_shown(value)} is not {what}; write one such as '{example}'"
    wrong = next((char for char in value if char not in allowed), None)
    if wrong is not None:
        return f"{_shown(value)} holds {quoted(wrong)}, a character it may not hold; write {what}, such as '{example}'"
    if not shape.fullmatch(value):
        return f"{_shown(value)} is not {what}; write one such as '{example}'"
    return None


def _shown(value: object) -> str:
    """A setting's value in a message: text quoted, anything else (a number, a list) as YAML gave it."""
    return quoted(value) if isinstance(value, str) else printable(repr(value))[:60]
