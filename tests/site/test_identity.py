"""The site's own identity, in the built site: its logo and favicon (never the theme's book, never
the theme's credit), the footer's links, the 404 page's links from any depth, and what a link
preview shows (the home page's name, the card image)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import REPO, mkdocs_build, standalone_html
from png_reader import read_png

SITE_NAME = "Venezuela crisis briefing"
PUBLISHED = "https://example.org/briefing/"  # a project site: one folder below the host's root
REPOSITORY = "https://github.com/example/briefing"
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
BOOK_ICON = "M12 8a3 3 0 0 0 3-3 3 3 0 0 0-3 3 3 3 0 0 0 3 3m0 3.54"  # Material's material/library
MAIN_LINKS = {"": "Home", "topics/detentions/": "Detentions", "topics/oil-control/": "Oil control",
              "topics/diplomacy/": "Diplomacy", "timeline/": "Timeline", "about/": "About and method"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Elements(HTMLParser):
    """Every element with its attributes, the classes of the elements around it, and its text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self._open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        around = {name for element in self._open for name in element["class"]} | {e["tag"] for e in self._open}
        element = {"tag": tag, "attrs": dict(attrs), "class": (dict(attrs).get("class") or "").split(),
                   "around": around, "text": ""}
        self.found.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open and self._open.pop()["tag"] != tag:
            pass

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def select(self, tag: str, inside: str = "", **attrs) -> list[dict]:
        """Elements of a tag, inside an element of that class or tag, with those attribute values
        (None: an attribute written without a value)."""
        return [e for e in self.found if e["tag"] == tag and (not inside or inside in e["around"])
                and all(e["attrs"].get(name, False) == value for name, value in attrs.items())]

    def meta(self, key: str) -> str:
        found = self.select("meta", property=key) or self.select("meta", name=key)
        assert len(found) == 1, (key, found)
        return found[0]["attrs"]["content"]


def read(site: Path, page: str) -> Elements:
    return Elements((site / page).read_text(encoding="utf-8"))


def target(site: Path, site_path: str, page_url: str, href: str) -> Path | None:
    """The file a link on the page at `page_url` (a path on the host) opens, None if it leaves
    the site; fails if it points inside the host but outside the site."""
    url = urlsplit(urljoin(page_url, href))
    if url.netloc:
        return None
    assert url.path.startswith(site_path), f"{href} on {page_url} leaves the site's folder {site_path}"
    path = site / url.path[len(site_path):]
    return path / "index.html" if url.path.endswith("/") else path


def page_url(site_path: str, page: str) -> str:
    return site_path + page.removesuffix("index.html")


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The real site as CI publishes it: at a project address, with the repository set."""
    site = tmp_path_factory.mktemp("published") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site, env={"SITE_URL": PUBLISHED, "REPO_URL": REPOSITORY})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(params=["local", "published"])
def any_site(request, real_site):
    """(site folder, the site's path on its host): as previewed locally, and as published."""
    if request.param == "local":
        return real_site, "/"
    return request.getfixturevalue("published_site"), urlsplit(PUBLISHED).path


def test_every_page_shows_the_sites_logo_and_favicon_and_nothing_of_the_theme(any_site):
    site, site_path = any_site
    pages = sorted(set(site.rglob("*.html")) - standalone_html(site))  # those fetch nothing: no logo, no icon
    assert len(pages) > 30
    for path in pages:
        page = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        assert BOOK_ICON not in html and "assets/images/favicon.png" not in html, page
        assert "Made with" not in html and "squidfunk" not in html, page
        elements = Elements(html)
        logos = elements.select("img", inside="md-logo")
        assert len(logos) == 2, page  # the header's and the navigation drawer's
        icons = elements.select("link", rel="icon")
        own = site / ("es/" if page.startswith("es/") else "") / "assets/logo.svg"  # each language's site has its copy
        for link in [*(logo["attrs"]["src"] for logo in logos), *(icon["attrs"]["href"] for icon in icons)]:
            assert target(site, site_path, page_url(site_path, page), link) == own, page
        assert len(icons) == 1, page
    for copy in ("assets/logo.svg", "es/assets/logo.svg"):
        assert (site / copy).read_bytes() == (REPO / "docs/assets/logo.svg").read_bytes()


def footer_links(site: Path, page: str) -> dict[str, str]:
    links = read(site, page).select("a", inside="md-footer")
    return {" ".join(link["text"].split()): link["attrs"]["href"] for link in links}


@pytest.mark.parametrize("page", ["index.html", "entries/bloomberg-reports-us-citizen-released/index.html",
                                  "404.html"])
def test_the_footer_links_the_issue_forms_when_the_site_has_a_repository(published_site, page):
    site_path = urlsplit(PUBLISHED).path
    links = footer_links(published_site, page)
    assert links["Suggest a briefing"] == f"{REPOSITORY}/issues/new?template=suggest-a-briefing.yml"
    assert links["Report an error"] == f"{REPOSITORY}/issues/new?template=report-an-error.yml"
    for name in ("Suggest a briefing", "Report an error"):
        assert (FORMS / links[name].rpartition("template=")[2]).is_file(), name
    about = target(published_site, site_path, page_url(site_path, page), links["About and method"])
    assert about == published_site / "about/index.html" and about.is_file()
    assert links["CC BY 4.0"] == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("page", ["index.html", "topics/oil-control/index.html", "404.html"])
def test_without_a_repository_the_footer_sends_readers_to_the_contribute_page(real_site, page):
    links = footer_links(real_site, page)
    for name in ("Suggest a briefing", "Report an error"):
        opened = target(real_site, "/", page_url("/", page), links[name])
        assert opened == real_site / "contribute/index.html" and opened.is_file(), name
    assert "github.com" not in "".join(links.values())


def test_the_404_page_links_every_main_page_and_searches_from_any_depth(any_site):
    site, site_path = any_site
    page = read(site, "404.html")
    assert page.select("h1", inside="md-content")[0]["text"].strip() == "Page not found"
    assert SITE_NAME in page.select("article", inside="md-content")[0]["text"]
    assert page.select("title")[0]["text"].strip() == f"Page not found - {SITE_NAME}"
    shown = {" ".join(a["text"].split()): a["attrs"]["href"] for a in page.select("a", inside="briefing-not-found")}
    assert shown == {title: site_path + path for path, title in MAIN_LINKS.items()}
    assert page.select("input", inside="md-search", name="query")
    assert page.select("button", **{"data-briefing-search-open": None})  # valueless
    assert [s["attrs"]["src"] for s in page.select("script") if "search.js" in s["attrs"].get("src", "")] == [
        site_path + "assets/search.js"]
    deep = site_path + "no/such/page/"  # the host serves this page at addresses like this one
    for element in page.found:
        for name in ("href", "src"):
            link = element["attrs"].get(name)
            if link is None or link.startswith(("#", "data:", "https:", "http:")):
                continue
            assert link.startswith(site_path), f"{element['tag']} {name}={link} is relative"
            opened = target(site, site_path, deep, link)
            assert opened is not None and opened.is_file(), link


def test_link_previews_name_the_site_on_the_home_page_and_show_its_card(published_site):
    home = read(published_site, "index.html")
    assert home.meta("og:title") == home.meta("og:site_name") == home.meta("twitter:title") == SITE_NAME
    about = read(published_site, "about/index.html")
    assert about.meta("og:title") == "About and method"
    entry = read(published_site, "entries/bloomberg-reports-us-citizen-released/index.html")
    assert entry.meta("og:title").startswith("Bloomberg News reports at least one US citizen released")
    for page in (home, about, entry):
        assert page.meta("og:image") == page.meta("twitter:image") == PUBLISHED + "assets/og-image.png"
        assert page.meta("twitter:card") == "summary_large_image"
        assert page.meta("og:image:alt").startswith(SITE_NAME)
    card = read_png((published_site / "assets/og-image.png").read_bytes())
    assert (card.width, card.height) == (int(home.meta("og:image:width")), int(home.meta("og:image:height")))
    assert (card.width, card.height) == (1200, 630)
    icon = home.select("link", rel="apple-touch-icon")[0]["attrs"]["href"]
    touch = read_png(target(published_site, "/briefing/", "/briefing/", icon).read_bytes())
    assert (touch.width, touch.height) == (180, 180)


def test_two_builds_draw_the_same_card(published_site, real_site):
    """Built apart, with other settings: the images depend only on the site's name."""
    for image in ("assets/og-image.png", "assets/apple-touch-icon.png"):
        assert (published_site / image).read_bytes() == (real_site / image).read_bytes(), image
