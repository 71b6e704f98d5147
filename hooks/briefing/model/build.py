"""Turn checked field values into the immutable model; load_site does it from a folder."""
from __future__ import annotations

from ..format.translations import LANGUAGES
from ..read.cache import CheckedFiles
from ..read.cache_file import discard_cache
from ..read.checks import entry_id_of
from ..read.load import check_site
from ..read.report import FileReport
from .site import Actor, BottomLine, Claim, Entry, Figure, Period, Site, Source, Topic, Translation, Update


def translations_of(fields: dict) -> tuple:
    """The language blocks of a record's checked fields, as Translations (a bottom line a BottomLine)."""
    found = []
    for language in LANGUAGES:
        block = fields.get(language)
        if block:
            texts = tuple((name, _model_value(name, value)) for name, value in block.items() if value is not None)
            found.append(Translation(language, texts))
    return tuple(found)


def _model_value(name: str, value):
    """A block's value as the record holds it: a bottom line a BottomLine, a list (aliases) a tuple."""
    if name == "bottom_line":
        return BottomLine(**value)
    return tuple(value) if isinstance(value, list) else value


def without_translations(fields: dict) -> dict:
    return {key: value for key, value in fields.items() if key not in LANGUAGES}


def build_topics(values: dict) -> dict:
    topics = [Topic(id=key, **{**without_translations(fields), "translations": translations_of(fields),
                                "bottom_line": BottomLine(**fields["bottom_line"]) if fields["bottom_line"] else None})
              for key, fields in values.items()]
    topics.sort(key=lambda t: (t.order is None, t.order or 0, t.title.casefold()))
    return {topic.id: topic for topic in topics}


def build_actors(values: dict) -> dict:
    return {key: Actor(id=key, **{**without_translations(fields), "aliases": tuple(fields["aliases"] or ()),
                                  "translations": translations_of(fields)})
            for key, fields in sorted(values.items())}


def build_figures(values: dict) -> dict:
    return {key: Figure(id=key, **without_translations(fields), translations=translations_of(fields))
            for key, fields in sorted(values.items())}


def build_claim(fields: dict, entry_date) -> Claim:
    value = fields["value"]
    low, high = (value if isinstance(value, list) else (value, value))
    return Claim(figure=fields["figure"], low=low, high=high, is_range=isinstance(value, list),
                 qualifier=fields["qualifier"], by=fields["by"],
                 said_on=fields["said_on"] or entry_date, source=fields["source"],
                 scope=fields["scope"], quote=fields["quote"], basis=fields["basis"],
                 period=Period(fields["period"]["from"], fields["period"]["to"]) if fields["period"] else None,
                 translations=translations_of(fields))


def build_entry(entry_id: str, path: str, fields: dict) -> Entry:
    plain = {key: fields[key] for key in ("title", "date", "summary", "body", "status", "place", "reviewed_on")}
    return Entry(
        id=entry_id, path=path, **plain,
        topics=tuple(fields["topics"]),
        sources=tuple(Source(**without_translations(source), translations=translations_of(source))
                      for source in fields["sources"]),
        actors=tuple(fields["actors"] or ()),
        claims=tuple(build_claim(claim, fields["date"]) for claim in fields["claims"] or ()),
        tags=tuple(fields["tags"] or ()),
        updates=tuple(Update(**without_translations(update), translations=translations_of(update))
                      for update in fields["updates"] or ()),
        translations=translations_of(fields),
    )


def build_site(topics: dict, actors: dict, figures: dict, entries: list) -> Site:
    newest_first = tuple(sorted(entries, key=lambda e: (e.date, e.id), reverse=True))
    by_topic = {topic_id: tuple(e for e in newest_first if topic_id in e.topics) for topic_id in topics}
    return Site(topics=build_topics(topics), actors=build_actors(actors),
                figures=build_figures(figures), entries=newest_first, by_topic=by_topic)


class BuiltEntries:
    """The entries of the last load, by file: the display path and the digest of its bytes. A file
    whose bytes are unchanged gives the Entry it gave last time, the very same object, unbuilt.

    This is the one place where the model's identity stands for "unchanged", by design: the model
    is immutable, and an entry made from the same bytes is the same value, so what keeps work from
    one build to the next may compare by identity. The ledger keeps what it worked out for a claim
    (its interval, its place in date order) while the claim and its entry are the same objects
    (ledger.py); render/reuse.py's keys hold entries, and an entry compared with itself costs
    nothing (`is` is tried before `==`).
    """

    def __init__(self) -> None:
        self._last: dict[tuple[str, bytes | None], Entry] = {}

    def entries(self, reports: list[FileReport]) -> list[Entry]:
        this = {}
        for report in reports:
            key = (report.path, report.digest)
            entry = self._last.get(key) if report.digest is not None else None
            if entry is None:
                entry = build_entry(entry_id_of(report.path), report.path, report.checked_values())
            this[key] = entry
        self._last = this
        return list(this.values())


def load_site(root, cache: bool = True, remembered: CheckedFiles | None = None,
              built: BuiltEntries | None = None) -> Site:
    """The checked model of the site in `root`; raises ProblemsFound with every problem.

    `cache` and `remembered` are as for read.load.check_site: the check cache on disk, and what
    the last run in this process checked; `built`, the entries of the last run. Values that pass
    the checks build (the checks are made so); values from a damaged check cache may not, and then
    the cache is discarded and the load runs again without it.
    """
    registries, reports = check_site(root, cache, remembered)
    try:
        entries = (built or BuiltEntries()).entries(reports)
    except Exception:
        if not any(report.from_cache for report in reports):
            raise
        discard_cache(root)  # values in the cache that do not build: it is damaged
        return load_site(root, cache=False, remembered=remembered, built=built)
    values = {kind: report.values for kind, report in registries.items()}
    return build_site(values["topic"], values["actor"], values["figure"], entries)
