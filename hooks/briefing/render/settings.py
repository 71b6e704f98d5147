"""Where and how the site is published: everything pages depend on besides the model. What
each setting may be is settings_check.py's, checked before any page is made."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from ..format.problems import Problem, ProblemsFound
from ..format.translations import SOURCE_LANGUAGE
from ..read.source_date import source_date
from .settings_check import (
    OFFLINE_DAYS,
    count_problem,
    editor_problem,
    flag_problem,
    repository_problem,
    site_address_problem,
    site_name_problem,
    zone_problem,
)


@dataclass(frozen=True)
class Settings:
    site_name: str
    base_url: str                    # the published address, e.g. https://owner.github.io/briefing/
    timezone: str = "America/Caracas"  # the zone the site's dates are read in (feeds give times)
    repository: str | None = None    # e.g. https://github.com/owner/briefing, for corrections
    edit_uri: str | None = None      # e.g. edit/main/docs/: the repository's editor, from docs/
    build_date: dt.date = dt.date(1970, 1, 1)  # the day the site is built as (SOURCE_DATE_EPOCH)
    language: str = SOURCE_LANGUAGE  # the language this build publishes
    sites: tuple = ()                # (language, base_url) of every language's site, this one's too
    # (source, the languages it is written in) of each hand-written page, in the engine's order
    hand_written: tuple = ()
    # A first search reads the index of this many newest entries; the older ones have an index of
    # their own, read when a reader asks (publish/search_index.py says why).
    search_recent_entries: int = 2_000
    # Pages a reader opened stay readable offline: the site has a service worker (render/offline.py).
    offline: bool = True
    # The offline edition holds the entries of this many days, up to the site's "as of" day (edition.py).
    offline_days: int = 30
    # Where the settings are written, for a problem with one of them: the file, and what goes
    # before each setting's name there (the engine's adapter says which).
    written_in: tuple[str, str] = ("the publishing settings", "")
    address_setting: str = "base_url"  # what the engine calls the site's address (`site_url`)
    name_setting: str = "site_name"  # and its name

    def site_of(self, language: str) -> str | None:
        """The address of the site in `language`, if the site is published in it."""
        return dict(self.sites).get(language)

    def edit_link(self, origin: str) -> str | None:
        """Where a reader proposes a correction to the file a page comes from (docs/ is one level
        below the repository, hence '../'); None without a repository."""
        if not origin or not self.repository or not self.edit_uri:
            return None
        return urljoin(urljoin(self.repository.rstrip("/") + "/", self.edit_uri), "../" + origin)

    def check(self) -> None:
        """ProblemsFound with a line for each setting the site cannot be published with, naming it
        as it is written (settings_check.py says what each may be)."""
        where, prefix = self.written_in
        found = [(self.name_setting, site_name_problem(self.site_name)),
                 (self.address_setting, site_address_problem(self.base_url)),
                 (prefix + "repository", repository_problem(self.repository)),
                 (prefix + "edit_uri", editor_problem(self.edit_uri)),
                 (prefix + "timezone", zone_problem(self.timezone)),
                 (prefix + "search_recent_entries", count_problem(self.search_recent_entries)),
                 (prefix + "offline", flag_problem(self.offline)),
                 (prefix + "offline_days", count_problem(self.offline_days, OFFLINE_DAYS))]
        problems = [Problem(where, 0, 0, name, message) for name, message in found if message]
        if problems:
            raise ProblemsFound(problems)

    def zone(self) -> ZoneInfo:
        """The site's time zone, read from the pinned tzdata package (settings_check.py says why);
        ProblemsFound, naming the setting, if the name is not a zone."""
        problem = zone_problem(self.timezone)
        if problem:
            where, prefix = self.written_in
            raise ProblemsFound([Problem(where, 0, 0, prefix + "timezone", problem)])
        with resources.files("tzdata.zoneinfo").joinpath(self.timezone).open("rb") as data:
            return ZoneInfo.from_file(data, key=self.timezone)

    def issue_form(self, template: str) -> str | None:
        """A new issue on one of the repository's forms (.github/ISSUE_TEMPLATE/)."""
        return f"{self.repository.rstrip('/')}/issues/new?template={template}" if self.repository else None


def build_date() -> dt.date:
    """The day a build is made as: SOURCE_DATE_EPOCH's (reproducible builds), else today in UTC;
    ProblemsFound, naming it, for a value that is no time (read/source_date.py)."""
    return source_date() or dt.datetime.now(dt.UTC).date()
