"""Preview rebuilds: keep the output of entry pages that did not change since the last build.

A preview server (`mkdocs serve`) rebuilds the whole site after every edit and lays out every
page again, about 4 ms a page: 4 s at 1,000 entries to show one edited entry. Between
rebuilds, an entry page whose HTML and head data are unchanged would be laid out exactly as
before, as long as nothing else that goes into every page changed (the theme overrides, the
hand-written pages that make the menu, the configuration, the templates). Those pages are
left out of the rebuild, and their previous output is moved aside before the site folder is
emptied and put back after.

Only entry pages are reused: nothing hand-written links to them, so leaving them out of a
rebuild cannot break a link check. Published builds never use this (see the adapter).
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from ..render.paths import ENTRIES, page_url

REUSED_FOLDER = ENTRIES


def inputs_fingerprint(root: Path, folders=("docs", "overrides", "hooks"), files=("mkdocs.yml",)) -> str:
    """Changes when anything that every page is laid out with changes (names, sizes, times)."""
    digest = hashlib.blake2b(digest_size=16)
    paths = [root / name for name in files]
    for folder in folders:
        paths += sorted(path for path in (root / folder).rglob("*") if path.is_file())
    for path in paths:
        if path.exists():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def page_digest(page) -> str:
    """What an entry page's output is made from: its body and its meta."""
    digest = hashlib.blake2b(page.body.encode("utf-8"), digest_size=16)
    digest.update(repr(sorted(page.meta.items())).encode("utf-8"))
    return digest.hexdigest()


class OutputReuse:
    """Remembers the last build's entry pages; decides which to reuse in the next one."""

    def __init__(self):
        self._built: dict[str, str] = {}   # page source -> digest, as last built
        self._inputs = ""
        self._kept: set[str] = set()       # sources whose output is set aside for this build

    def set_aside(self, site_dir: Path, inputs: str) -> None:
        """Before the site folder is emptied: move the entry pages' output to a side folder."""
        aside = _aside(site_dir)
        shutil.rmtree(aside, ignore_errors=True)
        if inputs != self._inputs:
            self._built, self._inputs = {}, inputs
        if self._built and (site_dir / REUSED_FOLDER).is_dir():
            (site_dir / REUSED_FOLDER).rename(aside)

    def reusable(self, site_dir: Path, pages) -> set[str]:
        """Sources of entry pages that can keep their previous output in this build."""
        aside, digests = _aside(site_dir), {page.source: page_digest(page) for page in pages
                                            if page.source.startswith(REUSED_FOLDER + "/")}
        self._kept = {source for source, digest in digests.items()
                      if self._built.get(source) == digest and (aside / _output_of(source)).is_file()}
        self._built = digests
        return self._kept

    def put_back(self, site_dir: Path) -> None:
        """After the build: the kept pages' output returns; the rest of the side folder goes."""
        aside = _aside(site_dir)
        for source in self._kept:
            target = site_dir / REUSED_FOLDER / _output_of(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            (aside / _output_of(source)).rename(target)
        self._kept = set()
        shutil.rmtree(aside, ignore_errors=True)

    def forget(self) -> None:
        """After a failed build nothing is known about the output."""
        self._built, self._kept = {}, set()


def _aside(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}-reused-pages"


def _output_of(source: str) -> str:
    """'entries/some-id.md' -> 'some-id/index.html' (inside the entries folder)."""
    return page_url(source)[len(REUSED_FOLDER) + 1:] + "index.html"
