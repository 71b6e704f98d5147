"""The search dialog, by keyboard and by what its results say, in a real browser: while it is open,
Tab and Shift+Tab stay inside it; Down and Up move from the box through the results and back;
Escape closes it and gives focus back to what opened it; each result shows the page's type, and an
entry's date and first topic; excerpts never run a table's cells together."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .test_reader import PHONE, assert_stays_on_site, search

pytestmark = pytest.mark.browser

DIALOG = "[data-briefing-search]"
HEADER_BUTTON = "header button[data-briefing-search-open]"
ACTIVE = """() => {
  const el = document.activeElement;
  return {inDialog: !!el.closest('[data-briefing-search]'), tag: el.tagName,
          href: el.getAttribute('href') || '', isInput: el.matches('input.md-search__input')};
}"""


def active(page) -> dict:
    return page.evaluate(ACTIVE)


def has_focus(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def wait_until(page, check, what: str) -> None:
    """Poll from here: page.wait_for_function uses eval(), which the site's CSP refuses."""
    for _attempt in range(100):
        if check():
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"never happened: {what}")


def is_open(page) -> bool:
    return page.locator("#__search").is_checked()


def result_links(page):
    return page.locator(f"{DIALOG} .md-search-result__list a.md-search-result__link")


def last_focusable(page):
    """The last thing Tab reaches in the dialog: "more results" if shown, else the last result."""
    more = page.locator(f"{DIALOG} .briefing-search-more")
    return more if more.is_visible() else result_links(page).last


# --- Tab stays inside the open dialog ------------------------------------------------------------

@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_tab_and_shift_tab_cycle_inside_the_open_dialog(open_reader, device):
    reader = open_reader(**(PHONE if device == "phone" else {}))
    reader.goto("")
    page = reader.page
    items = search(reader, "released", phone=device == "phone")
    count = items.count()
    assert count > 1
    for press in ["Tab"] * (count + 4) + ["Shift+Tab"] * (count + 4):
        page.keyboard.press(press)
        where = active(page)
        assert where["inDialog"], f"after {press}, focus left the open dialog for a {where['tag']}"
    last_focusable(page).focus()
    page.keyboard.press("Tab")
    assert active(page)["isInput"], "Tab from the last result did not return to the search box"
    page.keyboard.press("Shift+Tab")
    assert has_focus(last_focusable(page)), "Shift+Tab from the search box did not go to the last result"
    assert is_open(page)


# --- Down and Up move through the results -------------------------------------------------------

def test_down_and_up_move_between_the_box_and_the_results_and_enter_opens_one(reader):
    reader.goto("")
    page = reader.page
    search(reader, "released")
    links = result_links(page)
    assert links.count() > 2
    page.keyboard.press("ArrowDown")
    assert has_focus(links.nth(0)), "Down from the box did not reach the first result"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert has_focus(links.nth(2)), "Down did not move to the next result"
    page.keyboard.press("ArrowUp")
    assert has_focus(links.nth(1)), "Up did not move to the result before"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert active(page)["isInput"], "Up from the first result did not return to the search box"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    href = links.nth(1).get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert_stays_on_site(reader)


# --- Escape gives focus back to what opened the dialog -------------------------------------------

@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_escape_returns_focus_to_the_header_search_button(open_reader, how):
    reader = open_reader(**PHONE)
    reader.goto("")
    page = reader.page
    button = page.locator(HEADER_BUTTON)
    assert button.get_attribute("aria-label"), "the header's search button has no accessible name"
    if how == "click":
        button.click()
    else:
        button.focus()
        page.keyboard.press("Enter")
    wait_until(page, lambda: active(page)["isInput"], "the search box has focus once the dialog opens")
    page.locator("input.md-search__input").press_sequentially("released", delay=20)
    result_links(page).first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")  # from inside the results too
    page.keyboard.press("Escape")
    assert not is_open(page), "Escape did not close the search dialog"
    assert has_focus(button), f"focus went to a {active(page)['tag']}, not back to the search button"


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_escape_returns_focus_to_what_had_it_before_a_shortcut(reader, key):
    reader.goto("entries/bloomberg-reports-us-citizen-released/")
    page = reader.page
    topic = page.locator("article .briefing-kicker a", has_text="Detentions").first
    topic.focus()
    page.keyboard.press(key)
    wait_until(page, lambda: is_open(page) and active(page)["isInput"], f"'{key}' opens the dialog")
    assert page.locator("input.md-search__input").input_value() == "", f"'{key}' was typed into the box"
    page.keyboard.press("Escape")
    assert not is_open(page), "Escape did not close the search dialog"
    assert has_focus(topic), f"focus went to a {active(page)['tag']}, not back to the link that had it"


def test_escape_in_the_header_box_keeps_focus_there_with_the_dialog_closed(reader):
    """On a wide screen the box itself sits in the header: it opened the dialog, so it keeps focus."""
    reader.goto("")
    page = reader.page
    search(reader, "released")
    page.keyboard.press("Escape")
    assert not is_open(page) and active(page)["isInput"]
    page.keyboard.press("ArrowDown")
    assert is_open(page), "Down in the box did not open the dialog again"


# --- What a result says ----------------------------------------------------------------------------

def facts_of(items, href_end: str) -> str:
    link = items.locator(f"a.md-search-result__link[href$='{href_end}']").first
    link.wait_for(state="visible")
    return " ".join(link.locator(".briefing-search-facts").inner_text().split())


@pytest.mark.parametrize("words, href_end, facts", [
    ("Bloomberg", "/entries/bloomberg-reports-us-citizen-released/", "Entry · 13 January 2026 · Detentions"),
    ("method", "/about/", "Page"),
    ("Detentions", "/topics/detentions/", "Topic"),
    ("Prisoners released", "/figures/prisoners-released/", "Figure"),
    ("Bloomberg", "/actors/bloomberg-news/", "Actor"),
])
def test_each_result_shows_its_type_and_an_entry_its_date_and_topic(reader, words, href_end, facts):
    reader.goto("")
    assert facts_of(search(reader, words), href_end) == facts


def excerpts(page, words: str) -> dict[str, str]:
    """Search for `words` at once, wait until the first page of results is listed: the page's address
    within the site (without the site's path prefix) -> excerpt."""
    box, links = page.locator("input.md-search__input"), result_links(page)
    box.fill("")
    wait_until(page, lambda: links.count() == 0, "an emptied box lists no results")
    box.fill(words)

    def listed() -> bool:
        count = re.match(r"\d+", page.locator(".md-search-result__meta").inner_text().strip())
        return count is not None and links.count() == min(int(count.group()), 10) > 0
    wait_until(page, listed, f"the results for {words!r} are listed")
    prefix = urlsplit(page.url).path.split("/")[1]  # the site is at /<prefix>/, as CI publishes it
    return {link.get_attribute("href").removeprefix(f"/{prefix}"):
            " ".join(link.locator(".briefing-search-excerpt").inner_text().split()) for link in links.all()}


def test_excerpts_leave_column_names_out_and_keep_table_cells_apart(reader):
    """The claims tables' header row is not searched: its words find only pages that use them in
    prose, and no excerpt runs them together ("ValueSaid onScopeBasis")."""
    reader.goto("")
    found = excerpts(reader.page, "Said on Scope Basis")
    assert found and not [url for url in found if re.match(r"/(entries|figures|actors)/", url)], list(found)
    assert not [text for text in found.values() if re.search(r"WhoFigure|ValueSaid|onScope|ScopeBasis", text)]
    found = excerpts(reader.page, "not stated")
    figure = found.get("/figures/us-citizens-released/", "")
    cells = "14 January 2026. released from a Venezuelan prison (13 January 2026). not stated."
    assert cells in figure  # cell, cell, cell: never run together
