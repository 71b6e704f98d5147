"""Keyboard navigation as a reader meets it (issue 13): a skip link first, the headline and the
sources a few presses away, and on a phone a closed menu that takes no focus."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ENTRY = "entries/assembly-president-says-more-than-400-freed/"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
FOCUSED = """() => { const el = document.activeElement; return {
  tag: el.tagName, text: (el.innerText || el.value || '').trim().slice(0, 60), href: el.getAttribute('href') || '',
  inDrawer: !!el.closest('.md-sidebar--primary'), inContent: !!el.closest('article') }; }"""


def tab(page, times: int = 1) -> dict:
    for _ in range(times):
        page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def test_the_skip_link_comes_first_and_lands_on_the_headline(reader):
    reader.goto(ENTRY)
    page = reader.page
    first = tab(page)
    assert first["text"] == "Skip to content" and first["href"] == "#headline", first
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#headline"


def test_the_first_source_is_a_few_presses_after_the_skip_link(reader):
    """From the skip link, Tab goes through the entry itself, not through the site's menus."""
    reader.goto(ENTRY)
    page = reader.page
    tab(page)
    page.keyboard.press("Enter")
    for presses in range(1, 40):
        focused = tab(page)
        assert focused["inContent"], f"press {presses} left the entry: {focused}"
        if "Micah Jonah" in page.evaluate("document.activeElement.closest('li')?.innerText || ''"):
            break
        if focused["href"].startswith("#source-"):
            break
    assert presses <= 12, f"{presses} presses from the skip link to the first source link"


def test_on_a_phone_the_closed_menu_takes_no_focus(open_reader):
    reader = open_reader(**PHONE)
    reader.goto(ENTRY)
    page = reader.page
    seen = [tab(page) for _ in range(45)]
    assert not [focused for focused in seen if focused["inDrawer"]], "Tab went into the closed menu"
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)  # the drawer slides in
    opened = [tab(page) for _ in range(10)]
    assert [focused for focused in opened if focused["inDrawer"]], "the open menu's links cannot be reached"
