"""Engine adapter, the preview server: MkDocs' habits that a preview's rebuilds work around.

The core decides which generated pages a rebuild lays out again (briefing/publish/preview.py).
What it takes to lay out only those is MkDocs' business, and lives here:
- MkDocs empties the site folder at the start of every build, leaving hidden files. So the last
  build's folder is moved aside first, what the engine writes is laid over it after, and the
  output of pages that are gone is removed: the folder then holds what a full build writes. A
  hidden marker file says which build wrote the folder; a folder it does not match (a first
  build, one another build emptied, a failed build) is built in full.
- MkDocs writes a page at its directory URL: entries/x.md at entries/x/index.html.
- MkDocs checks the links of hand-written pages (and of mkdocs*.yml, its configurations) against
  the pages it is handed: the generated pages they name are handed every time, and excluded
  once the menu is made if their output did not change (`keeps`).
- Everything every page is laid out with (mkdocs*.yml, docs/, overrides/, the templates and
  catalogs under hooks/): a change makes a full build.
- MkDocs loads the hooks' Python once per server: code edited under hooks/ would not run until
  the server restarts. So the server stops, saying so in one line (`stale_code`).
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from briefing.publish.later import remove_file
from briefing.render.outputs import GeneratedPage
from briefing.render.paths import page_url

MARKER = ".briefing-preview"  # hidden: the engine leaves hidden files when it empties the folder
CODE = "hooks"  # the folder of the hooks' Python


def inputs_fingerprint(root: Path, folders=("docs", "overrides", CODE)) -> str:
    """Changes when anything that every page is laid out with changes (names, sizes, times)."""
    digest = hashlib.blake2b(digest_size=16)
    paths = sorted(root.glob("mkdocs*.yml"))
    for folder in folders:
        paths += sorted(path for path in files_under(root / folder) if "__pycache__" not in path.parts)
    for path in paths:
        if path.exists():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def code_fingerprint(root: Path) -> str:
    """The bytes of every Python module under hooks/: the code this server process runs."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(path for path in files_under(root / CODE) if path.suffix == ".py"):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stale_code(root: Path, started_with: str) -> str | None:
    """The line that stops the server when the hooks' Python changed since it started, else None."""
    if code_fingerprint(root) == started_with:
        return None
    return (f"The Python code under {CODE}/ changed since this server started, and the server would go on "
            "running the old code: stop here. Run `make serve` again to preview with the new code.")


def linking_text(root: Path, docs_dir: Path) -> str:
    """Every configuration and hand-written page, the texts whose links the engine checks."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(root.glob("mkdocs*.yml"))]
    texts += [path.read_text(encoding="utf-8", errors="replace") for path in sorted(files_under(docs_dir))
              if path.suffix == ".md"]
    return "\n".join(texts)


def linked_sources(root: Path, docs_dir: Path, sources) -> set[str]:
    """The generated pages a hand-written page or a configuration may link to by file name. (A
    name found anywhere counts: handing a page more is only slower.)"""
    text = linking_text(root, docs_dir)
    return {source for source in sources if source.rpartition("/")[2] in text}


# What ends a file's name in a link, in Markdown, HTML or YAML: the name is what lies between.
_NAME_ENDS = re.compile(r"[\s/()\[\]<>\"'`#?|,;:=&*!]+")


def names_in(text: str) -> set[str]:
    """Every name a link in `text` may end with (its last part: 'data/claims.csv' gives 'claims.csv')."""
    return set(_NAME_ENDS.split(text))


def listed_under(folder: Path | str, deep: bool = True) -> Iterator[os.DirEntry]:
    """Every item under `folder` (only its own items, if not `deep`), listed a folder at a time
    from a list of those still to list: a tree of any depth, without recursion (Path.rglob and
    os.walk recurse before Python 3.12, and a tree a thousand levels deep ends them with
    RecursionError). Links are not entered (one to a folder above would make the walk endless);
    a folder that cannot be listed (gone, a file, too long a path) holds nothing here: the
    engine's own walk reports what it cannot read."""
    to_list = [os.fspath(folder)]
    while to_list:
        try:
            with os.scandir(to_list.pop()) as listing:
                items = list(listing)
        except OSError:
            continue
        for item in items:
            yield item
            if deep and item.is_dir(follow_symlinks=False):
                to_list.append(item.path)


def files_under(folder: Path) -> list[Path]:
    """The plain files under `folder`, at any depth (listed_under)."""
    return [Path(item.path) for item in listed_under(folder) if item.is_file()]


def output_file(source: str) -> str:
    """Where the engine writes a page (directory URLs): entries/x.md -> entries/x/index.html."""
    return page_url(source) + "index.html"


class PreviewFolder:
    """One language's site folder between a preview server's rebuilds."""

    def __init__(self) -> None:
        self._inputs = ""
        self._token = ""  # the marker of the last build that completed
        self._aside: Path | None = None  # the last build's folder, while the engine builds
        self._linked: tuple[str, set[str]] = ("", set())
        self._names: tuple[str, set[str]] = ("", set())  # names_in the linking_text, and its inputs
        self.kept: set[str] = set()  # generated pages handed only for their links: their output is kept
        self.incremental = False
        self._running = False

    def before(self, site_dir: Path, root: Path) -> bool:
        """Before the engine empties the site folder: move the last build's aside, if it is ours
        and nothing that every page is laid out with changed. True if it was: the build is then
        laid over it; else it is a full build."""
        inputs = inputs_fingerprint(root)
        self.incremental = bool(self._token) and inputs == self._inputs and _marker(site_dir) == self._token
        self._inputs, self.kept, self._running = inputs, set(), True
        if self.incremental:
            aside = _aside(site_dir)
            shutil.rmtree(aside, ignore_errors=True)
            site_dir.rename(aside)
            site_dir.mkdir()
            self._aside = aside
        return self.incremental

    def linked(self, root: Path, docs_dir: Path, sources) -> set[str]:
        """linked_sources, found again only when the hand-written pages may have changed."""
        if self._linked[0] != self._inputs:
            self._linked = (self._inputs, linked_sources(root, docs_dir, sources))
        return self._linked[1]

    def linked_files(self, root: Path, docs_dir: Path, paths: list[str], pages: list[GeneratedPage]) -> list[str]:
        """The files whose name a hand-written page, a configuration or a Markdown page handed now
        may end a link with (names_in): the others are no link the engine checks. Finding them
        takes a set's look-up a file, not a search of the texts (25,000 files at 10,000 entries)."""
        if self._names[0] != self._inputs:
            self._names = (self._inputs, names_in(linking_text(root, docs_dir)))
        names = self._names[1].union(*(names_in(page.body) for page in pages if not page.is_html))
        return [path for path in paths if path.rpartition("/")[2] in names]

    def after(self, site_dir: Path, gone: set[str]) -> None:
        """The engine has written this build: lay it over the last one, remove the output of the
        pages that are `gone`, and mark the folder as this build's."""
        if self._aside is not None:
            _lay_over(site_dir, self._aside)
            for source in gone:
                remove_file(self._aside, output_file(source))
            trash = _aside(site_dir, "emptied")
            site_dir.rename(trash)
            self._aside.rename(site_dir)
            shutil.rmtree(trash)
            self._aside = None
        self._token, self._running = secrets.token_hex(8), False
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / MARKER).write_text(self._token, encoding="ascii")

    def failed(self, site_dir: Path) -> None:
        """A build failed: the last build's folder comes back as it was (it is still the one the
        marker names); after a failed full build nothing is known of the folder."""
        if not self._running:
            return
        self._running = False
        if self._aside is not None:
            shutil.rmtree(site_dir, ignore_errors=True)
            self._aside.rename(site_dir)
            self._aside = None
        else:
            self._token = ""

    def close(self, site_dir: Path) -> None:
        """The server stops: a folder set aside by a build it interrupted goes (the engine removes
        the site folder itself)."""
        for what in ("last", "emptied"):
            shutil.rmtree(_aside(site_dir, what), ignore_errors=True)


class PreviewServer:
    """What a preview server keeps of the engine's side: each language's folder, and the code it
    started with."""

    def __init__(self) -> None:
        self.folders: dict[str, tuple[PreviewFolder, Path]] = {}  # language -> its folder, and where it is
        self.root, self.code = Path(), ""  # the folder holding hooks/, and its code's fingerprint

    def start(self, hooks: Path) -> None:
        """The server starts, running the code in `hooks` (the folder of the adapter modules)."""
        self.root = hooks.parent
        self.code = code_fingerprint(self.root)

    def before(self, language: str, root: Path, site_dir: Path, engine) -> bool:
        """Before a language's build: True if its folder was kept (the build is laid over it).
        Stops the server, in one line, if the hooks' Python changed since it started. (Looked at
        only when the folder is not kept: any change under hooks/ changes `inputs_fingerprint`.)"""
        folder = self.folders[language][0] if language in self.folders else PreviewFolder()
        self.folders[language] = (folder, site_dir)
        incremental = folder.before(site_dir, root)
        stale = stale_code(self.root, self.code) if self.code and not incremental else None
        if stale is not None:
            engine.log().error(stale)
            raise SystemExit(1)  # the engine's server passes on every Exception, not SystemExit
        return incremental

    def linked_pages(self, language: str, root: Path, docs_dir: Path, pages: dict[str, GeneratedPage],
                     changed: list[GeneratedPage]) -> list[GeneratedPage]:
        """The generated pages a hand-written page names that the build does not lay out: handed
        to the engine for its link checks, and excluded once the menu is made (their output is kept)."""
        folder = self.folders[language][0]
        if not folder.incremental:
            return []
        handed = {page.source for page in changed}
        folder.kept = folder.linked(root, docs_dir, pages) - handed
        return [pages[source] for source in sorted(folder.kept)]

    def files_to_hand(self, language: str, root: Path, docs_dir: Path, paths: list[str],
                      pages: list[GeneratedPage]) -> list[str]:
        """The core's files to hand the engine, by name, for its link checks: in a rebuild laid over
        the last, only those a page it checks may link to (PreviewFolder.linked_files); in a full
        build, every one. (Making the engine's record of a file, and its own look at whether the
        file is excluded, took a second a language at 10,000 entries.)"""
        folder = self.folders[language][0]
        if not folder.incremental:
            return paths
        return folder.linked_files(root, docs_dir, paths, pages)

    def keeps(self, language: str, source: str, build) -> bool:
        """Whether the engine keeps this page's last output instead of laying it out again."""
        folder = self.folders[language][0]
        if not folder.incremental:
            return False
        return source in folder.kept if build.page(source) is not None else not build.lays_out(source)

    def after(self, language: str, site_dir: Path, gone: set[str]) -> None:
        self.folders[language][0].after(site_dir, gone)

    def failed(self) -> None:
        for folder, site_dir in self.folders.values():
            folder.failed(site_dir)

    def close(self) -> None:
        for folder, site_dir in self.folders.values():
            folder.close(site_dir)


def _aside(site_dir: Path, what: str = "last") -> Path:
    return site_dir.parent / f".{site_dir.name}-preview-{what}"


def _marker(site_dir: Path) -> str:
    try:
        return (site_dir / MARKER).read_text(encoding="ascii")
    except (OSError, ValueError):
        return ""


def _lay_over(new: Path, old: Path) -> None:
    """Move every file of `new` to the same place in `old` (replacing what is there)."""
    for path in files_under(new):
        target = old / path.relative_to(new)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)

