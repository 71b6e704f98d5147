"""Where generated pages go, and links between them. Paths come from ids only.

Ids are checked against the id pattern before they get here; `page_source`
checks again, so that no future caller can place a page outside the site or
over another page by passing an unchecked name.
"""
from __future__ import annotations

import re

from ..format.problems import Problem

_SAFE_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def page_source(*segments: str) -> str:
    """'entries', 'some-id' -> 'entries/some-id.md', the page's place among the site's pages (as
    if written in docs/). Its address is a folder, entries/some-id/ (page_url): every link
    between pages is made so, and the engine's adapter has the engine publish pages there."""
    for segment in segments:
        if not _SAFE_SEGMENT.fullmatch(segment):
            raise ValueError(f"unsafe path segment {segment!r}")
    return "/".join(segments) + ".md"


def page_url(source: str) -> str:
    """'entries/x.md' -> 'entries/x/'; 'index.md' -> ''."""
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page URL to another that works from a file:// copy as well as a server.

    Page URLs are folders ('entries/x/', or '' for the home page), so the link climbs one
    level per folder of `from_url` that the two do not share. (Called tens of thousands of
    times per build: plain string work, not posixpath.relpath.)"""
    target = _climb(from_url, to_url)
    return target + "/" if target else "./"


def relative_file_url(from_url: str, to_path: str) -> str:
    """A link from a page URL to a file ('feeds/all.atom.xml'): relative_url without the folder's
    trailing slash, which would ask a host for a folder of that name (a 404 everywhere)."""
    return _climb(from_url, to_path)


def _climb(from_url: str, to_url: str) -> str:
    here, there = from_url.strip("/").split("/") if from_url else [], to_url.strip("/").split("/") if to_url else []
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    return "/".join([".."] * (len(here) - shared) + there[shared:])


ENTRIES = "entries"  # the folder of entry pages


def entry_url(entry_id: str) -> str:
    return page_url(page_source(ENTRIES, entry_id))


def topic_url(topic_id: str) -> str:
    return page_url(page_source("topics", topic_id))


def figure_url(figure_id: str) -> str:
    return page_url(page_source("figures", figure_id))


def actor_url(actor_id: str) -> str:
    return page_url(page_source("actors", actor_id))


def absolute(base_url: str, url: str) -> str:
    """A site-relative URL made absolute: feeds and data are read away from the site."""
    return base_url.rstrip("/") + "/" + url.lstrip("/")


FEED_SUFFIXES = {"atom": ".atom.xml", "json": ".json"}  # every feed is published in both formats


def feed_path(name: str, kind: str) -> str:
    """'all', 'atom' -> 'feeds/all.atom.xml': where a feed is, from the site's root."""
    return f"feeds/{name}{FEED_SUFFIXES[kind]}"


def topic_feed_name(topic_id: str) -> str:
    return f"topic-{topic_id}"


TIMELINE_URL = page_url(page_source("timeline"))
FIGURES_URL = page_url(page_source("figures", "index"))
ACTORS_URL = page_url(page_source("actors", "index"))


def check_collisions(generated: list[tuple[str, str]], existing: set) -> list[Problem]:
    """A generated output may not replace a hand-written file, nor another generated output.

    `generated` lists (output path, the file it comes from); `existing` the files in docs/.
    Paths are compared without case, as case-insensitive file systems would.
    """
    problems, taken = [], {path.lower() for path in existing}
    made: dict[str, str] = {}
    for source, origin in generated:
        key = source.lower()
        if key in taken:
            problems.append(Problem(origin, 1, 1, "(file)", f"would generate {source}, which is "
                                    f"already docs/{source}; choose another id or rename the page"))
        elif key in made and made[key] != origin:
            problems.append(Problem(origin, 1, 1, "(file)", f"would generate {source}, which "
                                    f"{made[key]} generates too; choose another id"))
        made.setdefault(key, origin)
    return problems
