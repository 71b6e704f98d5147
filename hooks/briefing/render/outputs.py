"""What rendering gives: pages (an HTML body and its head data) and other files, by path."""
from __future__ import annotations

from dataclasses import dataclass, field

from .paths import page_url


@dataclass(frozen=True)
class GeneratedPage:
    source: str      # the page's path among the engine's pages (as if in docs/), e.g. entries/some-id.md
    origin: str      # the file to edit to change it ("" for lists made of many files)
    body: str        # HTML from a template (or Markdown, for the format reference)
    meta: dict = field(default_factory=dict)
    is_html: bool = True  # False: Markdown for the engine to render

    @property
    def url(self) -> str:
        return page_url(self.source)


@dataclass(frozen=True)
class GeneratedFile:
    path: str      # inside the built site, e.g. feeds/all.atom.xml
    content: str
