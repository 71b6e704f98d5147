"""Files other than pages (feeds, data, schemas): a path inside the site and its text."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    path: str      # inside the built site, e.g. feeds/all.atom.xml
    content: str


def absolute(base_url: str, url: str) -> str:
    """A site-relative URL made absolute: feeds and data are read away from the site."""
    return base_url.rstrip("/") + "/" + url.lstrip("/")
