"""A preview server's rebuilds: which pages are laid out again and which files written again.

A preview server rebuilds the whole site after every edit. Laying a page out costs the engine
about 4 ms, 45 s at 10,000 entries in two languages, to show one edited entry; the feeds and
open data are about 250 MB a language. So a rebuild lays out again only the generated pages
whose output changed, and writes again only the files whose key changed; the engine's adapter
keeps the site folder of the last build and lays the new pages over it (hooks/briefing_preview.py).

What decides, for a page: the plan's key (render/plan.py, reuse.py). A page whose rendering was
kept by its key is what the folder holds, as long as every build since the folder was laid out
succeeded; a page made again is compared, by the digest of its body and meta, with what the
folder holds. After a failed build, or in a folder the adapter could not keep, every page is
compared (or laid out). For a file: its key against the key it was written with (the files are
written after the pages are served: later.py). A file no longer made is removed at once, as the
pages that are gone are: any kind of file, whatever it is made from.
"""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from ..render.outputs import Content, GeneratedPage
from ..render.site_outputs import RenderedSite
from .later import Job, remove_file, write_file


def page_digest(page: GeneratedPage) -> str:
    """What a generated page's output is made from: its body and its meta."""
    digest = hashlib.blake2b(page.body.encode("utf-8"), digest_size=16)
    digest.update(repr(sorted(page.meta.items())).encode("utf-8"))
    return digest.hexdigest()


class PreviewPages:
    """The generated pages of one language's site folder, by digest, between rebuilds."""

    def __init__(self) -> None:
        self._laid_out: dict[str, str] = {}  # source -> digest of the page the folder holds
        self._pending: dict[str, str] = {}  # the same, for the build that runs
        self._home = ""  # the home page's sections the folder holds
        self._trusted = False  # every build since the folder was laid out succeeded

    def changed(self, rendered: RenderedSite, incremental: bool) -> set[str]:
        """The sources of the pages to lay out: every page in a full build (`incremental` False: the
        folder holds nothing of the last build), else those whose output changed."""
        if not incremental:
            self._laid_out, self._home, self._trusted = {}, "", False
        self._pending, changed = {}, set()
        for page in rendered.pages:
            last = self._laid_out.get(page.source)
            if last is not None and self._trusted and page.source not in rendered.made:
                self._pending[page.source] = last
                continue
            self._pending[page.source] = page_digest(page)
            if last != self._pending[page.source]:
                changed.add(page.source)
        return changed

    def home_changed(self, home_html: str) -> bool:
        return home_html != self._home

    def gone(self) -> set[str]:
        """Pages the folder holds that this build no longer makes."""
        return self._laid_out.keys() - self._pending.keys()

    def laid_out(self, home_html: str) -> None:
        """The build succeeded: the folder holds its pages."""
        self._laid_out, self._pending, self._home, self._trusted = self._pending, {}, home_html, True

    def failed(self) -> None:
        """The folder is the last build's again, but what was rendered is this build's."""
        self._pending, self._trusted = {}, False


class PreviewFiles:
    """The generated files one language's preview has written, by the key they were made from."""

    def __init__(self) -> None:
        self._written: dict[str, object] = {}

    def forget(self) -> None:
        """The folder was emptied (a full build): every file is written again."""
        self._written = {}

    def job(self, site_dir: Path, rendered: RenderedSite) -> Job:
        """Remove the files no longer made, now, with the pages that are gone (an entry's folder
        goes with its page and its files); write each file whose key changed since it was written
        later, in another thread (the decision is taken now, in the build's thread)."""
        keys = {planned.address: planned.key for planned in rendered.plan.files}
        for gone in self._written.keys() - keys.keys():
            remove_file(site_dir, gone)
            del self._written[gone]
        due = {path: content for path, content in rendered.contents.items()
               if path not in self._written or self._written[path] != keys[path]}

        def write(stop: threading.Event) -> None:
            self._write(site_dir, due, keys, stop)
        return write

    def _write(self, site_dir: Path, due: dict[str, Content], keys: dict, stop: threading.Event) -> None:
        for path, content in due.items():
            if stop.is_set():
                return
            write_file(site_dir, path, content())
            self._written[path] = keys[path]
