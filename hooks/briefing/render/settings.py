"""Where and how the site is published: everything pages depend on besides the model."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from urllib.parse import urljoin


@dataclass(frozen=True)
class Settings:
    site_name: str
    base_url: str                    # the published address, e.g. https://owner.github.io/briefing/
    timezone: str = "America/Caracas"  # the zone the site's dates are read in (feeds give times)
    repository: str | None = None    # e.g. https://github.com/owner/briefing, for corrections
    edit_uri: str | None = None      # e.g. edit/main/docs/: the repository's editor, from docs/
    build_date: dt.date = dt.date(1970, 1, 1)  # the day the site is built as (SOURCE_DATE_EPOCH)

    def edit_link(self, origin: str) -> str | None:
        """Where a reader proposes a correction to the file a page comes from (docs/ is one level
        below the repository, hence '../'); None without a repository."""
        if not origin or not self.repository or not self.edit_uri:
            return None
        return urljoin(urljoin(self.repository.rstrip("/") + "/", self.edit_uri), "../" + origin)

    def issue_form(self, template: str) -> str | None:
        """A new issue on one of the repository's forms (.github/ISSUE_TEMPLATE/)."""
        return f"{self.repository.rstrip('/')}/issues/new?template={template}" if self.repository else None


def build_date() -> dt.date:
    """The day a build is made as: SOURCE_DATE_EPOCH's (reproducible builds), else today in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.date()
