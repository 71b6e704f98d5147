"""Pages print as a briefing (issue 24): printed to PDF in Chromium and read back with pdftotext,
an entry, a figure, a topic and the home page, in both languages, carry no header, drawer, search
box or table of contents; every address a content link leads to is on the paper in full; the
claims table fits the page (no cell cut at its edge); the charts' marks and words are dark enough
to read in black and white. The rules are docs/assets/briefing.css's `@media print`.

The home and topic pages' link to the offline edition is not printed (paper downloads nothing).
The offline edition prints as a briefing too, by its own `@media print` (edition.css): without its
in-page contents line; every address it links to on the paper; nothing wider than the paper; and
its text dark enough for a black-and-white printer."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest

from briefing.render.edition import edition_address

pytestmark = pytest.mark.browser

PAGES = ("", "entries/assembly-president-says-more-than-400-freed/", "figures/prisoners-released/",
         "topics/detentions/")
LANGUAGES = ("", "es/")
CONTENT = "article.md-content__inner"

# Text only the chrome carries: the header's lines, the drawer's and the table of contents' items,
# the search box's placeholder. Read on screen, where the chrome is shown.
CHROME_TEXT = """() => {
  const words = el => (el.innerText || el.textContent || el.getAttribute('placeholder') || '').trim();
  const parts = [...document.querySelectorAll(
    '.md-header__topic, .md-nav--primary .md-nav__link, .md-nav--secondary .md-nav__link, .md-nav__title')]
    .map(words);
  parts.push(...[...document.querySelectorAll('.md-search__input')].map(el => el.getAttribute('placeholder')));
  return parts.flatMap(text => text.split('\\n')).map(line => line.trim()).filter(Boolean);
}"""
CONTENT_LINKS = f"""() => [...document.querySelectorAll('{CONTENT} a[href^="http"]')].map(a => a.href)"""
CLAIM_CELLS = f"""() => [...document.querySelectorAll('{CONTENT} .briefing-claims td')].map(cell => cell.innerText)"""
# Under print media: every table, and every cell, inside the page's content width, none scrolling.
OVERFLOWING = f"""() => {{
  const column = document.querySelector('{CONTENT}').getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const right = Math.min(column.right, width);
  return [...document.querySelectorAll('{CONTENT} table, {CONTENT} td, {CONTENT} th, {CONTENT} .briefing-table')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().width > 1)
    .filter(el => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > right + 1)
    .map(el => `${{el.tagName}} ${{(el.innerText || '').trim().slice(0, 30)}}:`
               + ` scroll ${{el.scrollWidth}}/${{el.clientWidth}},`
               + ` right ${{Math.round(el.getBoundingClientRect().right)}} > ${{Math.round(right)}}`);
}}"""
# Under print media: the grey level (0 black, 255 white, over white paper) of what draws a chart.
CHART_GREYS = """() => {
  const grey = colour => {
    const m = colour.match(/[\\d.]+/g);
    if (!m || colour === 'none') return null;
    const [r, g, b, a = 1] = m.map(Number);
    const level = 0.299 * r + 0.587 * g + 0.114 * b;
    return Math.round(level * a + 255 * (1 - a));
  };
  const out = [];
  const drawn = '.briefing-chart :is(text, .briefing-chart__mark, .briefing-chart__stem, '
    + '.briefing-chart__open, .briefing-chart__axis)';
  for (const el of document.querySelectorAll(drawn)) {
    const style = getComputedStyle(el);
    const paint = el.tagName === 'text' ? style.fill
      : (el.classList.contains('briefing-chart__mark') ? style.fill : style.stroke);
    out.push([el.getAttribute('class') || el.tagName, grey(paint) * Number(style.opacity)
              + 255 * (1 - Number(style.opacity))]);
  }
  return out;
}"""
EDITION_LINK = ".briefing-edition-link"
# The edition (no Material chrome): every element inside the paper's width, none scrolling; and the
# grey level of each element's own text, as above.
EDITION_OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().width > 1)
    .filter(el => el.getBoundingClientRect().right > width + 1
                  || (getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1))
    .map(el => `${el.tagName} ${(el.innerText || '').trim().slice(0, 30)}:`
               + ` right ${Math.round(el.getBoundingClientRect().right)} > ${width}`);
}"""
TEXT_GREYS = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getClientRects().length && [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
  .map(el => {
    const [r, g, b] = getComputedStyle(el).color.match(/[\\d.]+/g).map(Number);
    return [el.tagName + ' ' + el.textContent.trim().slice(0, 30), Math.round(0.299 * r + 0.587 * g + 0.114 * b)];
  })"""
PAPER = {"format": "A4", "margin": dict.fromkeys(("top", "right", "bottom", "left"), "15mm")}
PRINTABLE = {"width": round((210 - 30) / 25.4 * 96), "height": round((297 - 30) / 25.4 * 96)}  # CSS px
DARK = 90  # darker than this grey level reads on any printer: Material's indigo is about 87


@pytest.fixture(scope="module")
def pdftotext() -> str:
    """pdftotext (poppler-utils; .ci/run installs it): without it this test fails, never skips."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/run does)", pytrace=False)
    return tool


def printed_text(page, pdftotext: str, folder) -> str:
    """The page printed to an A4 PDF as Chromium prints it, read back as text in the order it was
    drawn (-raw: a table's cells one after another, and a hyphen at a line's end kept, where the
    default order interleaves columns and drops the hyphen of an address broken after one)."""
    pdf = folder / "page.pdf"
    page.pdf(path=str(pdf), print_background=False, **PAPER)
    result = subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                            text=True, timeout=60, check=True)
    return unicodedata.normalize("NFKC", result.stdout)


def squeezed(text: str) -> str:
    """Without any white space: an address or a cell's words broken over two lines still match."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def has_words_in_order(cell: str, on_paper: str) -> bool:
    """Every word of the cell is on the paper, in order (quotation marks, which a stylesheet adds,
    and line breaks may come between them)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", cell))
    return re.search(r"\W*".join(map(re.escape, words)), on_paper) is not None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_the_page_prints_as_a_briefing(open_reader, pdftotext, tmp_path, language: str, path: str):
    reader = open_reader(viewport={"width": 1280, "height": 900})
    reader.goto(language + path)
    page = reader.page
    content_text = squeezed(page.locator(CONTENT).inner_text())
    chrome = [line for line in page.evaluate(CHROME_TEXT) if squeezed(line) not in content_text]
    assert chrome, "the chrome's text was not found: the selectors need updating"
    links = page.evaluate(CONTENT_LINKS)
    cells = page.evaluate(CLAIM_CELLS)
    edition_link = page.locator(EDITION_LINK).inner_text() if page.locator(EDITION_LINK).count() else "-"

    page.emulate_media(media="print")
    page.set_viewport_size(PRINTABLE)  # as on paper: the layout is the printable area's width
    assert page.evaluate(OVERFLOWING) == []
    greys = page.evaluate(CHART_GREYS)
    assert [entry for entry in greys if entry[1] > DARK] == []
    text = printed_text(page, pdftotext, tmp_path)

    on_paper = squeezed(text)
    lines = {line.strip() for line in text.splitlines()}
    assert [line for line in chrome if line in lines] == [], "header, drawer, search or contents printed"
    assert [href for href in links if squeezed(href) not in on_paper] == [], "addresses missing on paper"
    assert [cell for cell in cells if not has_words_in_order(cell, on_paper)] == [], "claims cells cut"
    if path in ("", PAGES[3]):  # the pages that link the offline edition
        assert squeezed(edition_link) not in on_paper, "the edition's download link printed"


def test_every_checked_kind_of_thing_is_on_the_pages(open_reader):
    """The test above could pass on pages without links, claims or charts: they must be there."""
    reader = open_reader(viewport={"width": 1280, "height": 900})
    for language in LANGUAGES:
        reader.goto(language + PAGES[1])
        assert reader.page.evaluate(CLAIM_CELLS), language
        assert reader.page.evaluate(CONTENT_LINKS), language
        reader.goto(language + PAGES[2])
        assert len(reader.page.evaluate(CHART_GREYS)) > 10, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offline_edition_prints_as_a_briefing(open_reader, pdftotext, tmp_path, language: str):
    reader = open_reader(viewport={"width": 1280, "height": 900})
    reader.goto(language + edition_address(language.rstrip("/") or "en"))
    page = reader.page
    contents = page.locator("body > header nav").inner_text().strip()
    links = page.evaluate("""() => [...document.querySelectorAll('a[href^="http"]')].map(a => a.href)""")
    titles = page.locator("article h3").all_inner_texts()
    assert contents and len(links) > 10 and titles, "the edition's contents line, links or entries are missing"

    page.emulate_media(media="print")
    page.set_viewport_size(PRINTABLE)
    assert page.evaluate(EDITION_OVERFLOWING) == []
    assert [entry for entry in page.evaluate(TEXT_GREYS) if entry[1] > DARK] == []
    text = printed_text(page, pdftotext, tmp_path)

    on_paper = squeezed(text)
    assert squeezed(contents) not in on_paper, "the edition's contents line printed"
    assert [href for href in links if squeezed(href) not in on_paper] == [], "addresses missing on paper"
    assert [title for title in titles if not has_words_in_order(title, text)] == [], "entries missing on paper"
