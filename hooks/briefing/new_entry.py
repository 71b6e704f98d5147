"""`python -m briefing new`: make a new entry file at the right path, ready to fill in.

Required fields the contributor must write are left empty, so the validator
names each of them until they are filled; nothing is made up for them. A `new` that fails or is
stopped part-way leaves nothing behind: no file, no folder it made, so a second try is not
refused as "already exists".
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import re
import tempfile
import unicodedata
from contextlib import suppress
from pathlib import Path

from .format.spec import entry_file
from .format.types import ID_MAX, id_problem
from .read.yamlsafe import parse_yaml

ID_TARGET = 60  # long enough to say what the entry is, short enough to type
TEMPLATE = """\
# yaml-language-server: $schema=../../../schema/briefing-entry.schema.json
title: {title}
date: {date}
topics: [{topics}]
# One or two sentences: who said or did what, attributed. Shown in lists, feeds and search.
summary:
# The full briefing, in your own words (Markdown). Optional: delete it if the summary says it all.
body:
actors: []
claims: []
sources:
  - id: source-1
    # What the source is, e.g. "Report on prisoner releases"; add publisher, author, url, published.
    title:
    # When the title is our own description of the source (not its own title), its Spanish:
    # es:
    #   title:
{spanish}"""
# The Spanish version is written by a person, never by a machine; without one, the Spanish site
# shows the entry as not yet translated. Offered commented out, or begun when a title is given.
SPANISH_OFFERED = """\
# A Spanish version, if you can write it (never a machine translation): remove the "# " before
# these lines and fill them in. Title and summary are then required.
# es:
#   title:
#   summary:
#   body:
#   translated_on: {today}
"""
SPANISH_BEGUN = """\
# The Spanish version, written by a person (never a machine translation).
es:
  title: {title}
  summary:
  translated_on: {today}
"""


def id_from_title(title: str) -> str:
    """'Rodríguez says 400 freed' -> 'rodriguez-says-400-freed' (accents folded, trimmed at a word)."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > ID_TARGET and slug:
            break
        slug = candidate[:ID_MAX]
    if not slug or not slug[0].isalpha():
        slug = f"entry-{slug}".rstrip("-")[:ID_MAX]
    return slug


def yaml_text(text: str) -> str:
    """A title as a YAML double-quoted scalar: safe whatever characters it holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def entry_path(root: Path, date: dt.date, entry_id: str) -> Path:
    return root / entry_file(date, entry_id)


def answer_problem(text: str) -> str | None:
    """Why an answer (typed, or given on the command line) cannot go in an entry: bytes that are
    not UTF-8 (Python keeps them as lone surrogates), or a control character, which a one-line
    field cannot hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "is not UTF-8 text (check the terminal's encoding)"
    control = next((char for char in text if unicodedata.category(char) == "Cc"), None)
    return None if control is None else f"holds a control character (U+{ord(control):04X})"


def make_entry(root: Path, title: str, date: dt.date, topics: list[str], entry_id: str | None = None,
               spanish_title: str | None = None, today: dt.date | None = None) -> Path:
    """Write the new file, with its Spanish block begun (`spanish_title`) or offered; refuse to
    overwrite an existing one. Raises ValueError (nothing written) for an answer that cannot go in."""
    for field, text in (("title", title), ("es.title", spanish_title or ""), ("id", entry_id or "")):
        problem = answer_problem(text)
        if problem:
            raise ValueError(f"{field}: {problem}")
    entry_id = entry_id or id_from_title(title)
    problem = id_problem(entry_id)
    if problem:
        raise ValueError(f"id: {problem}")
    path = entry_path(root, date, entry_id)
    today_text = (today or dt.date.today()).isoformat()
    spanish = (SPANISH_BEGUN.format(title=yaml_text(spanish_title), today=today_text) if spanish_title
               else SPANISH_OFFERED.format(today=today_text))
    text = TEMPLATE.format(title=yaml_text(title), date=date.isoformat(), topics=", ".join(topics), spanish=spanish)
    _, problems = parse_yaml(str(path.relative_to(root)), text.encode("utf-8"))
    if problems:  # the validator could not read the file it would start from
        raise ValueError(f"the new file would not read as YAML: {problems[0]}")
    write_new_file(path, text.encode("utf-8"))
    return path


def write_new_file(path: Path, data: bytes) -> None:
    """`data` at `path`, whole or not at all: written to a hidden file beside it, then linked into
    place, which fails if `path` exists (never overwritten: a rename would overwrite). The hidden
    file, and the folders made for it, are gone again whatever happens (a full disk, Ctrl-C)."""
    made = [folder for folder in path.parents if not folder.exists()]  # the innermost first
    path.parent.mkdir(parents=True, exist_ok=True)
    partial: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
            partial = Path(handle.name)
            handle.write(data)
        try:
            os.link(partial, path)
        except FileExistsError:  # named by the entry's path, not the hidden file's
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)
        if not path.exists():
            for folder in made:
                with suppress(OSError):  # not empty: something else was put there meanwhile
                    folder.rmdir()
