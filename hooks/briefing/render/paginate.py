"""Long lists split into pages of a bounded size, so no page grows with the archive.

Page 1 of a list lives at the list's own address (topics/detentions/); page n at
topics/detentions/page/n/. Each page knows its neighbours for the pager.
"""
from __future__ import annotations

from dataclasses import dataclass

from .paths import page_source, page_url, relative_url

PAGE_SIZE = 50
# A figure's page draws each claim twice (its bar and its point in time, each with words for
# screen readers) and lists it once in the table: about 1.8 KB of HTML a claim in Spanish, so
# 50 claims made a page of 105 KiB at 10,000 entries. 40 keep it near 90 KiB, under the 100 KiB
# every page must stay under (tools/reader_side.py measures it).
FIGURE_PAGE_SIZE = 40


@dataclass(frozen=True)
class Slice:
    number: int          # 1-based
    count: int           # how many pages the list has
    items: list
    source: str          # where this page lives inside docs/

    @property
    def url(self) -> str:
        return page_url(self.source)


def slice_source(segments: tuple, number: int) -> str:
    return page_source(*segments) if number == 1 else page_source(*segments, "page", str(number))


def paginate(items: list, *segments: str, size: int = PAGE_SIZE) -> list[Slice]:
    """At least one page, even for an empty list, so every list has its address."""
    count = max(1, -(-len(items) // size))
    return [Slice(n, count, items[(n - 1) * size:n * size], slice_source(segments, n)) for n in range(1, count + 1)]


def pager_view(current: Slice, segments: tuple) -> dict | None:
    """Links to the newer and older pages and to every page, relative to the current one."""
    if current.count == 1:
        return None
    here = current.url

    def link(number: int) -> str:
        return relative_url(here, page_url(slice_source(segments, number)))
    return {"number": current.number, "count": current.count,
            "newer": link(current.number - 1) if current.number > 1 else None,
            "older": link(current.number + 1) if current.number < current.count else None,
            "pages": [{"number": n, "url": link(n), "current": n == current.number}
                      for n in range(1, current.count + 1)]}
