"""Preview rebuilds: the engine lays out again only the generated pages whose output changed.

A preview server (`mkdocs serve`) rebuilds the whole site after every edit, and the engine lays
every page out again, about 4 ms a page: 45 s at 10,000 entries in two languages, to show one
edited entry. Between two rebuilds, a generated page whose HTML and head data are unchanged
would be laid out exactly as before, as long as nothing else that goes into every page changed
(the theme overrides, the hand-written pages that make the menu, the configurations, the hooks:
`inputs_fingerprint`). So a rebuild hands the engine only the generated pages that changed,
and those a hand-written page or the menu names (the engine checks those links). The last
build's site folder is moved aside before the engine empties it, what the engine writes is laid
over it after, and the output of pages that are gone is removed: the folder then holds exactly
what a full build would have written, every page as current as its model.

A marker file in the site folder says which build wrote it; a folder the marker does not match
(a first build, a folder another build emptied, a failed build) is built in full. Published
builds never use any of this (see the adapter).
"""
from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from pathlib import Path

from ..render.outputs import GeneratedPage
from ..render.paths import page_url

MARKER = ".briefing-preview"  # hidden: the engine leaves hidden files when it empties the folder


def inputs_fingerprint(root: Path, folders=("docs", "overrides", "hooks")) -> str:
    """Changes when anything that every page is laid out with changes (names, sizes, times); every
    language's configuration is one of them (mkdocs.yml, mkdocs.es.yml)."""
    digest = hashlib.blake2b(digest_size=16)
    paths = sorted(root.glob("mkdocs*.yml"))
    for folder in folders:
        paths += sorted(path for path in (root / folder).rglob("*") if path.is_file() and "__pycache__" not in
                        path.parts)
    for path in paths:
        if path.exists():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def page_digest(page: GeneratedPage) -> str:
    """What a generated page's output is made from: its body and its meta."""
    digest = hashlib.blake2b(page.body.encode("utf-8"), digest_size=16)
    digest.update(repr(sorted(page.meta.items())).encode("utf-8"))
    return digest.hexdigest()


def linked_sources(root: Path, docs_dir: Path, sources) -> set[str]:
    """The generated pages a hand-written page or a configuration may link to by file name: the
    engine checks such links against the pages it is handed, so these are handed every time.
    (A name found anywhere counts: handing a page more is only slower.)"""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(root.glob("mkdocs*.yml"))]
    texts += [path.read_text(encoding="utf-8", errors="replace") for path in sorted(docs_dir.rglob("*.md"))]
    text = "\n".join(texts)
    return {source for source in sources if source.rpartition("/")[2] in text}


class PreviewOutput:
    """One language's site folder between a preview server's rebuilds, and which pages it holds."""

    def __init__(self) -> None:
        self._written: dict[str, tuple[GeneratedPage, str]] = {}  # source -> (page, digest) in the folder
        self._pending: dict[str, tuple[GeneratedPage, str]] = {}  # the same, for the build that runs
        self._inputs = ""
        self._token = ""        # the marker of the last build that completed
        self._aside: Path | None = None  # the last build's folder, while the engine builds
        self._running = False
        self._linked: tuple[str, set[str]] = ("", set())
        self._kept: set[str] = set()
        self.incremental = False

    def before(self, site_dir: Path, inputs: str) -> None:
        """Before the engine empties the site folder: move the last build's aside, if it is ours
        and nothing that every page is made from changed; else this build is a full one."""
        self._running, self._pending = True, {}
        self.incremental = bool(self._written) and inputs == self._inputs and _marker(site_dir) == self._token
        if not self.incremental:
            self._written, self._inputs = {}, inputs
            return
        aside = _aside(site_dir)
        shutil.rmtree(aside, ignore_errors=True)
        site_dir.rename(aside)
        site_dir.mkdir()
        self._aside = aside

    def to_lay_out(self, pages: list[GeneratedPage], always: set[str]) -> set[str]:
        """Sources of the pages the engine is handed: every page in a full build; else those whose
        output changed since it was written, and those in `always` (which it lays out again only
        if they changed: `keeps`)."""
        handed: set[str] = set()
        for page in pages:
            last = self._written.get(page.source)
            if last is not None and last[0] is page:  # the very rendering the folder holds
                self._pending[page.source] = last
                continue
            self._pending[page.source] = (page, page_digest(page))
            if last is None or last[1] != self._pending[page.source][1]:
                handed.add(page.source)
        self._kept = (always & self._pending.keys()) - handed if self.incremental else set()
        return set(self._pending) if not self.incremental else handed | self._kept

    def keeps(self, source: str) -> bool:
        """A page handed to the engine only for its links and menu, which keeps its last output."""
        return source in self._kept

    def linked(self, root: Path, docs_dir: Path, sources) -> set[str]:
        """linked_sources, found again only when the hand-written pages may have changed."""
        if self._linked[0] != self._inputs:
            self._linked = (self._inputs, linked_sources(root, docs_dir, sources))
        return self._linked[1]

    def after(self, site_dir: Path) -> None:
        """The engine has written this build: lay it over the last one, remove the pages that are
        gone, and mark the folder as this build's."""
        if self._aside is not None:
            _lay_over(site_dir, self._aside)
            for source in self._written.keys() - self._pending.keys():
                _remove(self._aside, page_url(source) + "index.html")
            trash = _aside(site_dir, "emptied")
            site_dir.rename(trash)
            self._aside.rename(site_dir)
            shutil.rmtree(trash)
            self._aside = None
        self._written, self._pending, self._running = self._pending, {}, False
        self._token = secrets.token_hex(8)
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / MARKER).write_text(self._token, encoding="ascii")

    def failed(self, site_dir: Path) -> None:
        """A build that ran failed: the last build's folder comes back as it was (it is still the
        one the marker names); after a failed full build nothing is known of the folder."""
        if not self._running:
            return
        self._running, self._pending = False, {}
        if self._aside is not None:
            shutil.rmtree(site_dir, ignore_errors=True)
            self._aside.rename(site_dir)
            self._aside = None
        else:
            self._written, self._token = {}, ""


    def close(self, site_dir: Path) -> None:
        """The server stops: a folder set aside by a build it interrupted goes (the engine removes
        the site folder itself)."""
        for what in ("last", "emptied"):
            shutil.rmtree(_aside(site_dir, what), ignore_errors=True)


def _aside(site_dir: Path, what: str = "last") -> Path:
    return site_dir.parent / f".{site_dir.name}-preview-{what}"


def _marker(site_dir: Path) -> str:
    try:
        return (site_dir / MARKER).read_text(encoding="ascii")
    except (OSError, ValueError):
        return ""


def _lay_over(new: Path, old: Path) -> None:
    """Move every file of `new` to the same place in `old` (replacing what is there)."""
    for folder, _, names in os.walk(new):
        target = old / Path(folder).relative_to(new)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(os.path.join(folder, name), target / name)


def _remove(site_dir: Path, path: str) -> None:
    """Remove one output file, and the folders it leaves empty (never the site folder itself)."""
    target = site_dir / path
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
