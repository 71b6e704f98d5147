"""The site's search index: Pagefind, fed page by page while the site is built.

Why Pagefind and not the theme's own search: the theme's index is one JSON file that every
reader downloads whole on the first search, about 0.5 KB gzipped per entry (5 MB at
10,000 entries). Pagefind splits its index into chunks, so a first search fetches a
fixed part plus the chunks for the words typed. It folds accents ("Rodriguez" finds
"Rodríguez") and reads plain HTML, so it works with any engine that writes pages.

Pagefind's binary (the `pagefind_bin` package) runs as a service process. Pages go to it
as they are made, so indexing runs on the machine's second core while the engine renders
pages on the first; `start_writing` asks it for the bundle once every page is in, and
`finish` waits until the bundle is written. We speak its protocol
(base64 JSON messages, each ended by a comma) directly: the `pagefind` wrapper package
polls for each reply after a 0.1 s sleep, which costs 100 s per 1,000 pages.

Two bundles, so that a first search stays small on a large site: `pagefind/` holds every page
but the entries older than the newest 2,000 (Settings.search_recent_entries), which are in
`pagefind-earlier/`. A word on every page costs its index chunk about 17 bytes a page
(measured: 166 KB gzipped at 10,000 entries), and a search fetches whole chunks; the box
searches the recent bundle first and merges the earlier one when the reader asks, or at once
when the recent one finds few pages (docs/assets/search.js). A site with no more entries than
that has the first bundle only.
"""
from __future__ import annotations

import base64
import contextlib
import html
import io
import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import IO, NamedTuple, cast

from pagefind_bin import get_executable

from ..render.paths import page_source

# Parts of a page that are not its own content: the chart (its numbers are in the table
# next to it), the pager, lists of entries (each entry is found on its own page), and table
# header rows (column names: "Who Figure Value Said on" would match every table and, since
# Pagefind ends no sentence at a </th>, run together in excerpts as "WhoFigure ValueSaid on").
NOT_SEARCHED = ("svg", ".briefing-pager", ".briefing-list", "thead")
# What a result shows beside its title (render/pages.py puts them in page meta as
# `briefing_search`): the page's type, and for an entry its date and first topic, as text.
RESULT_FACTS = ("type", "date", "topic")
HAND_WRITTEN = {"type": "Page"}
QUEUED = 256
EARLIER = "-earlier"  # the earlier entries' bundle: the recent one's folder name with this added


class SearchIndexError(RuntimeError):
    """Pagefind refused a page or could not write the index."""


def is_searchable(meta: dict) -> bool:
    """Every page but those whose meta says `search: {exclude: true}` (lists that repeat entries)."""
    search = meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude") is True)


def result_facts(meta: dict) -> dict[str, str]:
    """The facts a result shows, from the core's page meta; a page the core did not make (a
    hand-written one, or the format reference) is a "Page"."""
    facts = meta.get("briefing_search")
    facts = facts if isinstance(facts, dict) else HAND_WRITTEN
    return {key: str(facts[key]) for key in RESULT_FACTS if facts.get(key)}


def earlier_pages(entries_newest_first, recent: int) -> frozenset[str]:
    """The pages (sources) of the entries that go in the earlier bundle: all but the `recent` newest."""
    return frozenset(page_source("entries", entry.id) for entry in entries_newest_first[recent:])


def bundle_folders(folder: Path) -> tuple[Path, Path]:
    """The recent bundle's folder (e.g. site/pagefind) and the earlier one's beside it."""
    return folder, folder.with_name(folder.name + EARLIER)


class SearchRecord(NamedTuple):
    """One page as `SearchIndex.add` takes it (`add(*record)`)."""
    url: str  # from the site's root, e.g. /entries/some-id/
    title: str
    description: str
    content_html: str
    facts: dict[str, str]
    earlier: bool  # in the earlier entries' bundle


def indexed_page(url: str, meta: dict, title: str, content_html: str, earlier: bool = False) -> SearchRecord | None:
    """What `SearchIndex.add` takes for one page, or None for a page its meta keeps out (meta is
    text). `earlier`: the page goes in the earlier entries' bundle."""
    if not is_searchable(meta):
        return None
    return SearchRecord("/" + url, meta.get("title") or title, meta.get("description") or "",
                        content_html, result_facts(meta), earlier)


def search_page_html(title: str, description: str, content_html: str, language: str,
                     facts: dict[str, str] | None = None) -> str:
    """A page as Pagefind reads it: the content, with the title as its first heading, and the
    description (an entry's summary) and `facts` as meta that a result can show. A space after
    each header cell keeps cells that are searched (row headers) apart from the next one."""
    heading = "" if "<h1" in content_html else f"<h1>{html.escape(title)}</h1>"
    about = "".join(f'<meta data-pagefind-meta="{key}[content]" content="{html.escape(value)}">'
                    for key, value in {"description": description, **(facts or {})}.items())
    content = content_html.replace("</th>", "</th> ")
    return (f'<!doctype html><html lang="{html.escape(language)}"><head><title>{html.escape(title)}</title>'
            f"</head><body><main data-pagefind-body>{about}{heading}{content}</main></body></html>")


class SearchIndex:
    """The site's index in one language, in a Pagefind service process: one bundle, or two with
    `earlier`, the earlier entries' in a process of its own (Pagefind holds every page it is given
    until it writes the bundle, and writing takes as much again: the two bundles in one process
    peaked at 1,028 MiB at 10,000 entries). `add` hands a page to a queue and returns; it waits
    only while QUEUED pages are already waiting for Pagefind, which bounds the memory."""

    def __init__(self, language: str, earlier: bool = False):
        self.language = language
        self._process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert self._process.stdin is not None and self._process.stdout is not None  # both are pipes
        self._stdin: IO[bytes] = self._process.stdin
        self._stdout = cast(io.BufferedReader, self._process.stdout)
        self._replies: dict[int, dict] = {}
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._read_replies, name="search-replies", daemon=True)
        self._reader.start()
        # Pages wait here, not in the caller, while Pagefind catches up; bounded, so at most
        # QUEUED pages (a few MB) are held in memory.
        self._outbox: queue.Queue = queue.Queue(maxsize=QUEUED)
        self._writer = threading.Thread(target=self._write_messages, name="search-messages", daemon=True)
        self._writer.start()
        self._sent = 0
        self._write_request: int | None = None
        config = {"exclude_selectors": list(NOT_SEARCHED), "force_language": language}
        self._index_id = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]
        self._earlier = SearchIndex(language) if earlier else None

    def add(self, url: str, title: str, description: str, content_html: str,
            facts: dict[str, str] | None = None, earlier: bool = False) -> None:
        """Queue a page; `url` is its path from the site's root, e.g. /entries/some-id/;
        `earlier` puts it in the earlier entries' bundle, if this index has one."""
        if earlier and self._earlier is not None:
            self._earlier.add(url, title, description, content_html, facts)
            return
        page = search_page_html(title, description, content_html, self.language, facts)
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                    "file_contents": page, "file_path": None})

    def start_writing(self, folder: Path) -> None:
        """Once every page is queued: ask Pagefind to write the bundle into `folder`
        (e.g. site/pagefind), and the earlier entries' beside it, without waiting for it."""
        if self._write_request is None:
            self._write_request = self._send({"type": "WriteFiles", "index_id": self._index_id,
                                              "output_path": str(folder)})
            if self._earlier is not None:
                self._earlier.start_writing(bundle_folders(folder)[1])

    def finish(self) -> None:
        """Wait until the bundles `start_writing` asked for are written, then stop Pagefind."""
        try:
            if self._write_request is None:
                raise SearchIndexError("the index was never asked to write its bundle")
            self._wait(self._write_request)
            failed = [reply for reply in self._replies.values() if reply.get("type") == "Error"]
            if failed:
                raise SearchIndexError(f"Pagefind refused {len(failed)} page(s): {failed[0].get('message')}")
            if self._earlier is not None:
                self._earlier.finish()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the Pagefind processes; safe to call twice."""
        if self._earlier is not None:
            self._earlier.close()
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait()
        with contextlib.suppress(queue.Full):  # if the queue is full, the writer's next write fails
            self._outbox.put_nowait(None)  # stops the writer

    def _send(self, payload: dict) -> int:
        if self._process.poll() is not None or not self._writer.is_alive():
            raise SearchIndexError("the Pagefind process stopped")
        self._sent += 1
        self._outbox.put({"message_id": self._sent, "payload": payload})
        return self._sent

    def _write_messages(self) -> None:
        """Each message as base64 JSON and a comma, which is how Pagefind's service reads."""
        while (message := self._outbox.get()) is not None:
            try:
                self._stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
                self._stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                return  # the process is gone: _wait reports it

    def _wait(self, message_id: int) -> dict:
        """The reply to one message; replies come in the order messages were sent."""
        with self._arrived:
            self._arrived.wait_for(lambda: message_id in self._replies or not self._reader.is_alive())
        if message_id not in self._replies:
            raise SearchIndexError("the Pagefind process stopped before it replied")
        reply = self._replies[message_id]
        if reply.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {reply.get('message')}")
        return reply

    def _read_replies(self) -> None:
        buffer = b""
        while chunk := self._stdout.read1(1 << 16):
            *complete, buffer = (buffer + chunk).split(b",")
            with self._arrived:
                for raw in complete:
                    reply = json.loads(base64.b64decode(raw))
                    self._replies[reply.get("message_id") or 0] = reply["payload"]
                self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()
