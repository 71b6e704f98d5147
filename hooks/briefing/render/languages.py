"""Where each language's site lives, and which of its pages exist in the other languages.

English is the default site, at the root; every other language is a whole site of its own in a
folder named by its code (/es/), built from the same briefing files, with the same paths below
it. Hand-written pages live in docs/ for English and docs/<code>/ for the others, so a page
exists in a language when that language's folder has the same file.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..format.translations import LANGUAGES, N_, SOURCE_LANGUAGE
from ..read.files import walk
from .i18n import Language
from .paths import absolute, relative_url

DEFAULT = SOURCE_LANGUAGE  # the site at the root, and the `x-default` of every page
NAMES = {"en": "English", "es": "Español"}  # each language in its own words, for the switcher
FOLDERS = {DEFAULT: "", **{code: f"{code}/" for code in LANGUAGES}}


def site_urls(base_url: str, language: str) -> tuple:
    """(language, address) of every language's site, from the address of one of them."""
    folder = FOLDERS[language]
    root = base_url[: len(base_url) - len(folder)] if folder and base_url.endswith(folder) else base_url
    root = root if root.endswith("/") else root + "/"
    return tuple((code, root + sub) for code, sub in FOLDERS.items())


def docs_root(docs_dir: Path, language: str) -> Path:
    """The folder that holds every language's hand-written pages (docs/), from one language's."""
    return docs_dir.parent if FOLDERS[language] else docs_dir


def hand_written_pages(root: Path) -> dict[str, frozenset]:
    """For each language, the Markdown pages of its own folder (paths from that folder)."""
    pages = {}
    for code, folder in FOLDERS.items():
        others = tuple(sub for other, sub in FOLDERS.items() if sub and other != code and not folder)
        found, _ = walk(os.fspath(root / folder), ".")  # bounded; the validator names what it skips
        names = (shown[2:] for shown in found if shown.endswith(".md"))
        pages[code] = frozenset(name for name in names if not name.startswith(others))
    return pages


# Said, in each other language, on the page a host shows for a missing address (the default
# site's 404.html, at any address, /es/ ones too), with a link to that language's home page.
OTHER_SITE = N_("Page not found. The home page of the site in this language:")


def other_sites(sites: tuple, language: str) -> list[dict]:
    """The other languages' sites, each with a line in its own language, for the not-found page."""
    return [{"lang": code, "href": site, "name": NAMES[code], "words": Language(code).gettext(OTHER_SITE)}
            for code, site in sites if code != language]


def alternates(sites: tuple, url: str, languages: tuple, language: str = DEFAULT) -> list[dict]:
    """The versions of the page at `url` (from its site's root) in `languages` (those it exists
    in, this one's included): for hreflang links and the language switcher. Each version is
    listed with an absolute address (`href`: hreflang is read by search engines, away from the
    page) and a link from this page in `language` (`link`: what a reader clicks, relative, so that
    a copy of the site at another address keeps its reader); `x-default` is the default
    language's, when it exists."""
    found = [{"lang": code, "href": absolute(site, url), "name": NAMES[code],
              "link": relative_url(FOLDERS[language] + url, FOLDERS[code] + url)}
             for code, site in sites if code in languages]
    if len(found) < 2:
        return []  # no other version: no alternates, no switcher
    default = next((version for version in found if version["lang"] == DEFAULT), None)
    return found + ([{**default, "lang": "x-default"}] if default else [])
