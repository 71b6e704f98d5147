"""Browser fixtures: the real site built once, served on 127.0.0.1, read by a real Chromium.

- `site_url`: builds the real site with `mkdocs build --strict` as CI publishes it (once per
  session; tools/published_site.py) and serves it at http://127.0.0.1:<port>/briefing/ as GitHub
  Pages would; the server is stopped by its pid at the end.
- `open_reader`: a new browser context and page (light or dark colour scheme) that records every
  request it makes, so a test can assert nothing leaves the site's own origin. `Reader.goto`
  takes paths relative to the site's address (with its prefix).
- `axe_violations` / `describe_violations` / `assert_axe_clean`: run axe-core (default rules: WCAG 2
  A/AA and best practices) in the page, under the page's own Content-Security-Policy, and say
  readably what failed.

Chromium is Debian's (`CHROMIUM_PATH`, default /usr/bin/chromium); no browser is ever downloaded.
Without it the browser tests are skipped locally and fail when CI is "true".
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import published_site

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ON_CI = os.environ.get("CI") == "true"


def missing(what: str) -> None:
    """A tool the browser tests need is missing: skip locally, fail on CI."""
    if ON_CI:
        pytest.fail(f"{what} (CI is 'true': the browser tests must run)", pytrace=False)
    pytest.skip(what)


# --- The site, built and served as CI publishes it ----------------------------------------------------

# `published` (the real site built as CI publishes it, and served) is in tests/conftest.py: the
# offline link check (tests/site/test_links.py) reads the same build.

@pytest.fixture(scope="session")
def built_site(published) -> Path:
    return published[0]


@pytest.fixture(scope="session")
def site_url(published) -> str:
    """http://127.0.0.1:<port>/briefing/, for the whole session."""
    return published[1]


@contextmanager
def serving(folder: Path, prefix: str = "/"):
    """http://127.0.0.1:<port><prefix> serving `folder` as GitHub Pages would, stopped by its pid."""
    for _attempt in range(3):  # another process may take the free port before the server binds it
        with published_site.serving(folder, published_site.free_port(), prefix) as url:
            if url is not None:
                yield url
                return
    pytest.fail("could not start a server on 127.0.0.1")


# --- Chromium ---------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    if not (shutil.which(CHROMIUM) or (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK))):
        missing(f"no Chromium at {CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed (pip install -r requirements-dev.txt)")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@dataclass
class Reader:
    """One browser context and its page, with every request it made."""
    page: object
    base: str  # the site's address, with its path prefix
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # responses >= 400, requests that failed
    errors: list[str] = field(default_factory=list)  # console errors, uncaught exceptions

    def goto(self, path: str):
        """Open a page of the site (path relative to the site root) and wait until it is quiet."""
        response = self.page.goto(self.base + path.lstrip("/"), wait_until="networkidle")
        assert response is not None and response.ok, (path, response and response.status)
        return response

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base)
        return f"{parts.scheme}://{parts.netloc}"

    def foreign_requests(self) -> list[str]:
        """Requests that left the site's own origin (data: and blob: URLs never leave the page)."""
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                foreign.append(url)
        return foreign


@pytest.fixture
def open_reader(browser, site_url):
    """open_reader(color_scheme="light"|"dark") -> Reader on a fresh context; closed after the test."""
    contexts = []

    def open_(color_scheme: str = "light", **options) -> Reader:
        context = browser.new_context(color_scheme=color_scheme, **options)
        contexts.append(context)
        reader = Reader(page=None, base=site_url)
        # On the context, not only the page: it also sees what the page's workers (search) fetch.
        context.on("request", lambda request: reader.requests.append(request.url))
        context.on("response", lambda response: response.status >= 400 and reader.failures.append(
            f"{response.status} {response.url}"))
        context.on("requestfailed", lambda request: reader.failures.append(
            f"{request.failure} {request.url}"))
        reader.page = context.new_page()
        reader.page.on("console", lambda message: message.type == "error" and reader.errors.append(
            f"console: {message.text} ({message.location.get('url', '')})"))
        reader.page.on("pageerror", lambda error: reader.errors.append(f"exception: {error}"))
        reader.page.set_default_timeout(15_000)
        return reader

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def reader(open_reader) -> Reader:
    return open_reader()


# --- axe-core ---------------------------------------------------------------------------------------

AXE_RUN = """async () => {
  const results = await axe.run(document);
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 160), summary: n.failureSummary})),
  }));
}"""


def axe_violations(page) -> list[dict]:
    """axe-core's violations for the page as it is now, with the default rules (none disabled)."""
    if not AXE.is_file():
        missing(f"no {AXE.relative_to(REPO)} (run `npm ci`)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Not page.add_script_tag(path=...): that adds an inline <script>, which the site's
        # Content-Security-Policy refuses (as it should). Evaluating the file through the
        # DevTools protocol runs it in the page's main world without weakening the policy.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    # Let transitions finish (menus, the search dialog) so colours are measured at rest. Polled
    # from here: page.wait_for_function(<expression>) uses eval(), which the site's CSP refuses.
    deadline = time.monotonic() + 10
    while not page.evaluate("() => document.getAnimations().every(a => a.playState !== 'running')"):
        if time.monotonic() > deadline:
            break  # an endless animation: check the page as it is
        time.sleep(0.05)
    return page.evaluate(AXE_RUN)


def describe_violations(violations: list[dict], where: str = "") -> str:
    """One readable block per violation: rule id, impact, what it checks, and each failing node."""
    lines = [f"{len(violations)} axe violation(s){' on ' + where if where else ''}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    at {' > '.join(map(str, node['target']))}: {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.fixture
def assert_axe_clean():
    """assert_axe_clean(page, where): fails with every violation, readably, if axe finds any."""
    def check(page, where: str = "") -> None:
        violations = axe_violations(page)
        if violations:
            pytest.fail(describe_violations(violations, where or page.url), pytrace=False)
    return check


def listed_results(page):
    """The search's result items once their first page is whole: search.js shows each result as it
    arrives and keeps the list aria-busy until the page is complete (expect fails when its time is up)."""
    from playwright.sync_api import expect
    expect(page.locator(".md-search-result__list")).to_have_attribute("aria-busy", "false")
    return page.locator(".md-search-result__item")
