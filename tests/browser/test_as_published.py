"""Every kind of page as a reader meets it: the site built and served as CI publishes it (conftest:
SITE_URL with the path prefix /briefing/, REPO_URL, EDIT_URI), on a desktop (1280×800) and a
phone (390×844), in the light and the dark colour scheme, on the English site and the Spanish one
(/es/: every kind of page again, "es-" before its name). On each page:

- no request to any host but the site's own, made or only attempted: the browser's "request" and
  "requestfailed" events and the page's `securitypolicyviolation` events are all recorded, so a
  request the Content-Security-Policy blocks still counts;
- nothing goes wrong: no console error, no CSP violation, no request answered with an error
  (the 404 page's own 404 aside), no uncaught exception;
- axe-core finds nothing (default rules);
- the page does not scroll sideways, and no table is wider than the room it has unless the reader
  can scroll it. The rule: a shown table is too wide when its scrollWidth is more than the
  clientWidth of its parent or of the content column (`.md-content`), whichever is less (1 px of
  rounding allowed). Its scroller is the first box, from the table itself up to the column, whose
  overflow-x is not `visible` and that is narrower than the table (Material's tables carry
  overflow auto themselves but grow with their content; its wrapper is what scrolls). A too-wide
  table passes only if that scroller has overflow-x `auto` or `scroll` (`hidden`/`clip` cut the
  table off; none at all lets it spill out of the column), is no wider than the column, really
  scrolls (scrollWidth > clientWidth), does not hide its scrollbar (scrollbar-width: none), can
  be reached by keyboard (tabindex >= 0, or a link, button or field inside it that Tab reaches,
  so arrow keys scroll it), and is the only box that scrolls up to the column (two nested
  scrollers give the reader two scrollbars and a table that slides twice). Whether a scrollbar
  is drawn cannot be measured here (headless Chromium hides scrollbars, phones overlay them),
  so "the reader can see it" is read as "it is not hidden", and keyboard access is required of
  every scroller, as axe's scrollable-region-focusable rule does.

And the home page's first viewport shows the "as of" line (`.briefing-asof`) and the key figures
heading (`#key-figures`), whole, before any scrolling.

Each (device, scheme) has one browser context, reused page after page; each page is opened once
per context and what it did is recorded in a `Visit`, which the tests below then judge.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "entry": "entries/bloomberg-reports-us-citizen-released/",
    "topic": "topics/detentions/",
    "figure": "figures/prisoners-released/",
    "figures": "figures/",
    "actor": "actors/jorge-rodriguez/",
    "actors": "actors/",
    "timeline": "timeline/",
    "month": "timeline/2026-01/",
    "data": "data/",
    "about": "about/",
    "contribute": "contribute/",
    "format": "format/",
    "404": "no/such/page/anywhere/",  # a made-up deep address: GitHub Pages answers with 404.html
}
PAGES |= {f"es-{kind}": f"es/{path}" for kind, path in PAGES.items()}  # the same on the Spanish site
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
SCHEMES = {"light": "default", "dark": "slate"}  # browser colour scheme -> Material's palette
FIRST_VIEW = [".briefing-asof", "#key-figures"]

# Added before any page script runs (through DevTools, so the page's CSP does not apply to it). The
# page counts the violations it reports, so that the test knows how many reports are on their way.
REPORT_CSP = """window.__briefingCspSent = 0;
document.addEventListener('securitypolicyviolation', event => {
  window.__briefingCspSent += 1;
  window.__briefingCsp({uri: event.blockedURI, directive: event.effectiveDirective, source: event.sourceFile || ''});
}, true);"""
REPORTS_WAIT = 5.0  # seconds for the reports of a page's CSP violations to arrive

TABLES = """() => {
  const column = document.querySelector('.md-content') || document.body;
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const named = table => (table.caption || table.rows[0] || table).textContent
    .trim().replace(/\\s+/g, ' ').slice(0, 60);
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
    && el.scrollWidth > el.clientWidth + 1;
  const problems = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > page.clientWidth + 1)
    problems.push(`the page scrolls sideways: ${page.scrollWidth}px in ${page.clientWidth}px`);
  for (const table of column.querySelectorAll('table')) {
    if (!table.getClientRects().length) continue;  // not shown
    const width = table.scrollWidth, room = Math.min(table.parentElement.clientWidth, column.clientWidth);
    if (width <= room + 1) continue;
    const where = `table "${named(table)}" is ${width}px wide in ${room}px`;
    let holder = table;  // the first box that does not let the table spill out and is narrower than it
    while (holder !== column && (getComputedStyle(holder).overflowX === 'visible' || holder.clientWidth >= width))
      holder = holder.parentElement;
    const style = getComputedStyle(holder);
    let outer = holder.parentElement;
    while (outer && outer !== column.parentElement && !scrolls(outer)) outer = outer.parentElement;
    if (!['auto', 'scroll'].includes(style.overflowX))
      problems.push(`${where}; nothing up to the content column scrolls it (overflow-x: ${style.overflowX})`);
    else if (holder.clientWidth > column.clientWidth + 1)
      problems.push(`${where}; its scroller is wider than the content column`);
    else if (!scrolls(holder))
      problems.push(`${where}; its scroller does not scroll`);
    else if (style.scrollbarWidth === 'none')
      problems.push(`${where}; its scroller hides its scrollbar`);
    else if (holder.tabIndex < 0 && !holder.querySelector(focusable))
      problems.push(`${where}; its scroller cannot be reached by keyboard (no tabindex, nothing focusable in it)`);
    else if (outer && outer !== column.parentElement)
      problems.push(`${where}; its scroller sits in another that scrolls too (${outer.className || outer.tagName})`);
  }
  return problems;
}"""

IN_FIRST_VIEW = """(selectors) => selectors.map(selector => {
  const el = document.querySelector(selector);
  if (!el) return `${selector}: not on the page`;
  const box = el.getBoundingClientRect();
  if (!box.width || !box.height) return `${selector}: not shown`;
  if (box.top < 0 || box.bottom > innerHeight || window.scrollY !== 0)
    return `${selector}: at ${Math.round(box.top)}–${Math.round(box.bottom)} px;`
      + ` the first view ends at ${innerHeight} px`;
  return null;
}).filter(Boolean)"""


@dataclass
class Visit:
    """What one page did while it loaded and was read."""
    status: int = 0
    scheme: str = ""
    requests: list[str] = field(default_factory=list, repr=False)
    blocked: list[str] = field(default_factory=list)   # requests the CSP stopped
    csp: list[str] = field(default_factory=list)       # securitypolicyviolation events
    errors: list[str] = field(default_factory=list)    # console errors, exceptions, failed requests
    axe: list[dict] = field(default_factory=list, repr=False)
    tables: list[str] = field(default_factory=list)
    first_view: list[str] = field(default_factory=list)


class Visits:
    """One context per (device, scheme), made when first needed; each page visited once."""

    def __init__(self, browser, base: str):
        self.browser, self.base = browser, base
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        self.contexts: dict[tuple[str, str], tuple[object, object]] = {}
        self.done: dict[tuple[str, str, str], Visit] = {}
        self.current = Visit()

    def page(self, device: str, scheme: str):
        if (device, scheme) not in self.contexts:
            context = self.browser.new_context(color_scheme=scheme, **DEVICES[device])
            context.expose_function("__briefingCsp", self._csp_violation)
            context.add_init_script(REPORT_CSP)
            context.on("request", lambda request: self.current.requests.append(request.url))
            context.on("requestfailed", self._failed)
            context.on("response", lambda response: response.status >= 400 and self.current.errors.append(
                f"{response.status} {response.url}"))
            page = context.new_page()
            page.on("console", self._console)
            page.on("pageerror", lambda error: self.current.errors.append(f"exception: {error}"))
            page.set_default_timeout(15_000)
            self.contexts[device, scheme] = (context, page)
        return self.contexts[device, scheme][1]

    def _csp_violation(self, violation: dict) -> None:
        self.current.csp.append(f"{violation['directive']} refused {violation['uri']} {violation['source']}")
        if violation["uri"].split(":")[0] in ("http", "https", "ws", "wss"):
            self.current.blocked.append(violation["uri"])

    def _console(self, message) -> None:
        if message.type == "error" or (message.type == "warning" and "Content Security Policy" in message.text):
            self.current.errors.append(f"console {message.type}: {message.text} ({message.location.get('url', '')})")

    def _failed(self, request) -> None:
        if request.failure == "csp":
            self.current.blocked.append(request.url)
        self.current.errors.append(f"request failed ({request.failure}): {request.url}")

    def visit(self, kind: str, device: str, scheme: str) -> Visit:
        if (kind, device, scheme) not in self.done:
            page = self.page(device, scheme)
            self.current = visit = Visit()
            response = page.goto(self.base + PAGES[kind], wait_until="networkidle")
            visit.status = response.status if response else 0
            if kind.endswith("404"):  # the page itself: a made-up address is not found, rightly
                visit.errors = [error for error in visit.errors if not error.endswith(
                    (f"404 {page.url}", f"status of 404 (Not Found) ({page.url})"))]
            visit.scheme = page.evaluate("document.body.dataset.mdColorScheme")
            if kind.endswith("home"):
                visit.first_view = page.evaluate(IN_FIRST_VIEW, FIRST_VIEW)
            visit.tables = page.evaluate(TABLES)
            visit.axe = axe_violations(page)
            self.wait_for_csp_reports(page, visit)
            self.done[kind, device, scheme] = visit
        return self.done[kind, device, scheme]

    def wait_for_csp_reports(self, page, visit: Visit) -> None:
        """Wait until every CSP violation the page has reported so far is in `visit`: each report
        is a call from the page that arrives on its own, and Playwright delivers it only while
        it is asked something (not during a time.sleep), so one still on its way would land in
        the next page's Visit. Fails if they do not all arrive within REPORTS_WAIT."""
        sent, deadline = page.evaluate("window.__briefingCspSent"), time.monotonic() + REPORTS_WAIT
        while len(visit.csp) < sent:
            assert time.monotonic() < deadline, (
                f"{page.url}: {sent - len(visit.csp)} of {sent} CSP violation reports did not arrive "
                f"within {REPORTS_WAIT} s")
            page.wait_for_timeout(20)  # Playwright delivers the calls that have come while it waits

    def foreign(self, visit: Visit) -> list[str]:
        """Requests made or attempted to anywhere but the site's own origin (data:, blob: and
        about: never leave the page)."""
        urls = [*visit.requests, *visit.blocked]
        return sorted({url for url in urls if urlsplit(url).scheme not in ("data", "blob", "about")
                       and "{0.scheme}://{0.netloc}".format(urlsplit(url)) != self.origin})

    def close(self) -> None:
        for context, _page in self.contexts.values():
            context.close()


@pytest.fixture(scope="module")
def visits(browser, site_url):
    visits = Visits(browser, site_url)
    yield visits
    visits.close()


# Defects these checks found on the site as it was when they were written. Strict: once fixed, the
# test fails (XPASS) until its line here is removed.
KNOWN: dict = {}


def every_page(check: str):
    """Parametrize over every page kind, device and scheme, with KNOWN's defects marked."""
    def param(kind: str, device: str, scheme: str):
        reason = KNOWN.get((check, kind, device))
        return pytest.param(kind, device, scheme, marks=[pytest.mark.xfail(strict=True, reason=reason)] * bool(reason))
    return pytest.mark.parametrize("kind, device, scheme", [
        param(kind, device, scheme) for device in DEVICES for scheme in SCHEMES for kind in PAGES])


@every_page("requests")
def test_no_request_leaves_the_site_not_even_one_the_csp_blocks(visits, kind, device, scheme):
    visit = visits.visit(kind, device, scheme)
    assert visit.requests, "no request was recorded at all"
    foreign = visits.foreign(visit)
    assert not foreign, (f"{len(foreign)} request(s) to other hosts ({len(set(visit.blocked))} blocked by the CSP) "
                         f"from {PAGES[kind] or 'the home page'}:\n" + "\n".join(foreign))


@every_page("errors")
def test_pages_answer_and_load_without_errors_or_csp_violations(visits, kind, device, scheme):
    visit = visits.visit(kind, device, scheme)
    assert visit.status == (404 if kind.endswith("404") else 200), f"{PAGES[kind]!r} answered {visit.status}"
    problems = [f"CSP violation: {violation}" for violation in visit.csp] + visit.errors
    assert not problems, "\n".join(problems)


@every_page("axe")
def test_axe_finds_nothing(visits, kind, device, scheme):
    visit = visits.visit(kind, device, scheme)
    assert visit.scheme == SCHEMES[scheme], f"Material shows {visit.scheme!r} to a {scheme} reader"
    if visit.axe:
        pytest.fail(describe_violations(visit.axe, f"the {kind} page, {device}, {scheme}"), pytrace=False)


@every_page("tables")
def test_tables_fit_or_scroll_where_the_reader_sees_it(visits, kind, device, scheme):
    visit = visits.visit(kind, device, scheme)
    assert not visit.tables, "\n".join(visit.tables)


@pytest.mark.parametrize("home", ["home", "es-home"])
@pytest.mark.parametrize("device", DEVICES)
def test_the_home_pages_first_view_shows_the_as_of_line_and_the_key_figures(visits, device, home):
    visit = visits.visit(home, device, "light")
    assert not visit.first_view, "\n".join(visit.first_view)
