"""Engine adapter, the languages: the other languages' sites, built by the default one.

mkdocs.yml builds the English site; mkdocs.<code>.yml (INHERIT: mkdocs.yml) each other
language's, from docs/<code>/ and the same briefing files. The English build, once written,
builds each of them into its own site_dir/<code>/ at site_url/<code>/, so one `mkdocs build`
or `mkdocs serve` makes and previews every language; a failure in any stops the whole build.
The other languages are built by the engine that builds the default one (briefing_engine.py):
`properdocs build` builds /es/ with ProperDocs too.

A published build builds the other languages at the same time as the default one, each in a
process of its own forked once the briefing files are loaded and their texts checked (so a
problem in them is reported once, by the default build, and no other build checks them
again): the engine and the core run on one core each, and the two languages' builds take the
machine's two. A forked build's log is kept and printed after the
default build's own, as if the builds had run one after the other; the pages are the same bytes.
A preview server builds them one after the other, in its own process (it keeps what each
rebuild can reuse), and so does any build with BRIEFING_ONE_PROCESS=1 set.
Which folders and addresses the languages take is the core's (briefing/render/languages.py).
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn

from briefing.process import StopOnSignals, end_child, fork, may_fork, stop_child
from briefing.read.files import walk
from briefing.render.languages import DEFAULT, FOLDERS, docs_root
from briefing_engine import engine_of

SHARED = "assets"  # the stylesheets, scripts and logo every language's pages use (in docs/)


def language_of(config) -> str:
    return config.theme["language"]


def language_configs(config) -> dict[str, Path]:
    """Each other language's MkDocs configuration beside mkdocs.yml, where one exists."""
    folder = Path(config.config_file_path).parent
    found = {code: folder / f"mkdocs.{code}.yml" for code in FOLDERS if code != DEFAULT}
    return {code: path for code, path in found.items() if path.is_file()}


def languages_built(config) -> tuple[str, ...]:
    """The languages this build's site is published in: the default and each configured one."""
    if language_of(config) != DEFAULT:
        return (DEFAULT, language_of(config))
    return (DEFAULT, *language_configs(config))


def add_shared_files(files, config) -> None:
    """Another language's site takes the default site's assets from docs/assets/."""
    if language_of(config) == DEFAULT:
        return
    root = docs_root(Path(config.docs_dir), language_of(config))
    known = {file.src_uri for file in files}
    shared, _ = walk(os.fspath(root / SHARED), SHARED)  # bounded; the validator names what it skips
    for uri in sorted(shared, key=lambda uri: uri.split("/")):
        if uri not in known:
            files.append(engine_of(config).files.File(uri, str(root), config.site_dir, config.use_directory_urls))


@dataclass
class Forked:
    """One other language's build, running in a process of its own."""
    code: str
    pid: int
    log: IO[bytes]  # what it printed
    outcome: IO[bytes]  # why it failed, if it did


class EnginePages:
    """The pages of a published build as the engine holds them (its files, each with its page),
    which it keeps until its build returns. In one process, the other languages build inside the
    default build's last event, before that: the default build's pages are let go first, but for
    the menu's own (the engine lays out nothing more, and has checked every page's links)."""

    def __init__(self) -> None:
        self._files: Any = None

    def keep(self, files) -> None:
        self._files = files

    def let_go(self) -> None:
        files, self._files = self._files, None
        for file in files or ():
            if not file.inclusion.is_in_nav():
                file.page = None  # the page and its file refer to each other: this frees the page at once


_forked: list[Forked] = []
_stop_on_signals = StopOnSignals()  # installed while a published build runs (briefing/process.py)


def build_other_languages(config) -> None:
    """From the default build, once written: each other language's site, into site_dir/<code>/
    (or, for those started in processes of their own, their outcome)."""
    if language_of(config) != DEFAULT:
        return
    try:
        if _forked:
            finish_forked(config)
            return
        for code, path in language_configs(config).items():
            build_language(config, code, path)
    finally:
        _stop_on_signals.restore()


def build_language(config, code: str, path: Path) -> None:
    engine = engine_of(config)
    other = engine.load_config(str(path), site_url=(config.site_url or "/") + FOLDERS[code],
                               site_dir=str(Path(config.site_dir) / FOLDERS[code]), strict=config.strict)
    engine.build(other)


def start_other_languages(config, before_fork: Callable[[], None] = lambda: None) -> None:
    """The default language's published build has loaded the briefing files: each other
    language's build starts now, in a forked process, while this one renders its own pages
    (`before_fork` is called first, if any is forked: what it makes, they inherit).
    From now until every language is built, a signal that stops the build stops every process it
    started (the forked builds, each Pagefind), in one process or several."""
    if language_of(config) != DEFAULT:
        return
    _stop_on_signals.install()
    if _forked or not may_fork(threading.active_count()):
        return
    if language_configs(config):
        before_fork()
    for code, path in language_configs(config).items():
        # Kept open until finish_forked reads them (the forked process writes to them meanwhile).
        log, outcome = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115
        sys.stdout.flush()
        sys.stderr.flush()
        pid = fork()
        if pid == 0:
            build_in_child(config, code, path, log, outcome)
        _forked.append(Forked(code, pid, log, outcome))


def build_in_child(config, code: str, path: Path, log: IO[bytes], outcome: IO[bytes]) -> NoReturn:
    """The forked process: builds one language with its output going to `log`, then ends
    without running anything the default build's process would run at its exit."""
    status = 1
    try:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        build_language(config, code, path)
        status = 0
    except BaseException as error:  # the process must end here, whatever happened
        shown = getattr(error, "format_message", None)  # the engine's own stop (it has logged why)
        if shown is None:  # a defect: its traceback, as the build in one process would print it
            traceback.print_exc()
        outcome.write((shown() if shown else f"the {code} site's build failed; see above").encode("utf-8", "replace"))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        outcome.flush()
        end_child(status)


def finish_forked(config) -> None:
    """Wait for each forked build, print its log, and stop the build if one failed."""
    failed = []
    while _forked:
        forked = _forked.pop(0)
        _, status = os.waitpid(forked.pid, 0)
        sys.stderr.flush()
        forked.log.seek(0)
        sys.stderr.buffer.write(forked.log.read())
        sys.stderr.buffer.flush()
        forked.outcome.seek(0)
        why = forked.outcome.read().decode("utf-8", "replace")
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(why or f"the {forked.code} site's build stopped")
        forked.log.close()
        forked.outcome.close()
    if failed:
        raise engine_of(config).abort(failed[0])


def stop_other_languages() -> None:
    """The default build failed or the engine stops: the forked builds stop too, unheard."""
    while _forked:
        forked = _forked.pop()
        stop_child(forked.pid)
        forked.log.close()
        forked.outcome.close()
    _stop_on_signals.restore()
