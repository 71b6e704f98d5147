"""Pages a reader opened stay readable offline: the site's service worker, the script that
registers it, and the page a reader offline gets for a page never opened.

One worker serves every language: it lives at the root of the default language's site (sw.js),
so its scope holds /es/ too; the default language's build writes it, and every language's build
writes its own registration script (assets/offline.js) and offline page (saved-pages.html).
Everything is addressed relative to the worker or to the script, so a mirror at another host or
path works unchanged. The worker is a plain script (templates/offline_worker.js) after one line
of settings the build writes (`const CONFIG = {...}`): its version, how many pages it keeps, the
offline pages, and each language's words for "Saved on DATE", dates written as the site writes
them (i18n.py). The version is a hash of those bytes, never the clock: a build of the same
worker writes the same file, and a reader's kept pages survive every deploy that leaves the
worker as it was (pages are fetched from the network first, so a content change needs no new
cache); a changed worker is a new version, whose activation deletes the older caches.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from functools import partial

from ..format.marks import N_
from .context import RenderContext
from .edition import edition_address
from .i18n import Language
from .languages import DEFAULT, FOLDERS
from .outputs import Planned

WORKER = "sw.js"                       # at the default language's root: its scope is the whole site
REGISTRATION = "assets/offline.js"     # in each language's site, added to every page by the adapter
OFFLINE_PAGE = "saved-pages.html"      # in each language's site: what a page never opened shows offline
KEPT_PAGES = 60   # pages a reader's device keeps at most (the oldest kept is dropped first): ~2 MiB
KEPT_ASSETS = 40  # stylesheets, scripts and images kept at most: the site uses about a dozen
SAVED_ON = N_("Saved on %(date)s. You are offline: this is the copy kept on this device.")
_DAY, _YEAR = 28, 1999  # a day and year no month's name holds, replaced by the worker's own


def registration_script(offline: object) -> str | None:
    """The script every page loads to register the worker, or None when the site is published
    without one (`offline` anything but true: `false`, or a value Settings.check() refuses): the
    adapter adds it to the engine's scripts, from the setting alone, before the site is built."""
    return REGISTRATION if offline is True else None


def plan_offline(ctx: RenderContext) -> list[Planned]:
    """The worker (the default language's build only), the registration script and the offline
    page; nothing when the settings turn the worker off."""
    if registration_script(ctx.settings.offline) is None:
        return []
    planned = [Planned(REGISTRATION, (), partial(registration_content, ctx), "hooks/briefing/render/offline.py"),
               Planned(OFFLINE_PAGE, (), partial(offline_page_content, ctx), "hooks/briefing/render/offline.py")]
    if ctx.language == DEFAULT:
        planned.insert(0, Planned(WORKER, (), partial(worker_content, ctx), "hooks/briefing/render/offline.py"))
    return planned


def worker_content(ctx: RenderContext) -> Callable[[], str]:
    source = (ctx.templates.folder / "offline_worker.js").read_text(encoding="utf-8")
    settings = {"keptPages": KEPT_PAGES, "keptAssets": KEPT_ASSETS,
                "offlinePages": offline_pages(), "words": {code: worker_words(code) for code in FOLDERS}}
    version = hashlib.sha256((_json(settings) + source).encode("utf-8")).hexdigest()[:16]
    text = f"const CONFIG = {_json({'version': version, **settings})};\n{source}"
    return lambda: text


def offline_pages() -> list[list[str]]:
    """(folder, offline page, offline edition) of each language, relative to the worker, longest
    folder first: the worker gives a page the offline page of the first folder its address is in,
    and keeps the edition of each language a reader opens a page in (edition.py)."""
    return [[folder, folder + OFFLINE_PAGE, folder + edition_address(code)]
            for code, folder in sorted(FOLDERS.items(), key=lambda item: len(item[1]), reverse=True)]


def worker_words(code: str) -> dict:
    """The notice a kept page shows offline, in `code`, and the site's form of a date for each
    month, with {d} and {y} for the day and the year ('{d} de enero de {y}')."""
    language = Language(code)
    months = [language.date(dt.date(_YEAR, month, _DAY)).replace(str(_DAY), "{d}").replace(str(_YEAR), "{y}")
              for month in range(1, 13)]
    return {"saved": language.gettext(SAVED_ON).replace("%(date)s", "{date}"), "months": months}


def registration_content(ctx: RenderContext) -> Callable[[], str]:
    """The script, with the way from it to the site's root (assets/ is one folder down, and a
    language's site one more)."""
    root = "../" * (1 + FOLDERS[ctx.language].count("/"))
    source = (ctx.templates.folder / "offline_register.js").read_text(encoding="utf-8")
    text = f"const ROOT = {_json(root)};\n{source}"
    return lambda: text


def offline_page_content(ctx: RenderContext) -> Callable[[], str]:
    text = ctx.render("offline_page.html.j2", site_name=ctx.site_name,
                      edition=edition_address(ctx.language))
    return lambda: text


def _json(value) -> str:
    """JSON a script can hold as it is: ASCII only (no line separator a script would end a line at)."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
