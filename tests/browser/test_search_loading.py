"""When the search runtime loads (docs/assets/search.js): never with the page, and as soon as the
reader moves towards the box (a pointer over it, keyboard focus on the search button), before
the dialog opens; then once only, without Pagefind's worker, and with the WebAssembly asked for
early taken by Pagefind (no second fetch of it). A search typed at once after the box is focused
still finds an entry: the runtime may still be arriving while the reader types."""
from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ENTRY = "entries/bloomberg-reports-us-citizen-released/"
BLOOMBERG = "Bloomberg News reports at least one US citizen released from a Venezuelan prison"
RUNTIME = ("/pagefind/pagefind.js", "/pagefind/wasm.en.pagefind")
PATIENCE_SECONDS = 15
SLOW_ROUND_TRIP_MS = 400


def search_requests(reader) -> list[str]:
    return [url for url in reader.requests if "/pagefind/" in url]


def wait_for_runtime(reader) -> None:
    """Wait until the page has asked for Pagefind's script and WebAssembly; fail if it never does."""
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not all(any(url.endswith(part) for url in reader.requests) for part in RUNTIME):
        if time.monotonic() > deadline:
            pytest.fail(f"the search runtime was not fetched within {PATIENCE_SECONDS} s: {search_requests(reader)}")
        reader.page.wait_for_timeout(50)


def dialog_open(reader) -> bool:
    return bool(reader.page.locator("#__search").is_checked())


@pytest.mark.parametrize("path", ["", ENTRY])
def test_nothing_of_the_search_loads_with_the_page(reader, path):
    reader.goto(path)
    reader.page.wait_for_timeout(500)
    assert search_requests(reader) == []


def test_a_pointer_over_the_box_loads_the_runtime_before_the_dialog_opens(reader):
    reader.goto("")
    reader.page.locator("input.md-search__input").hover()
    wait_for_runtime(reader)
    assert not dialog_open(reader), "a pointer passing over the box opened the dialog"
    assert not [url for url in reader.requests if "pagefind-worker" in url]


def test_keyboard_focus_on_the_phone_search_button_loads_the_runtime(open_reader):
    reader = open_reader(**PHONE)
    reader.goto("")
    reader.page.locator("header button[data-briefing-search-open]").focus()
    wait_for_runtime(reader)
    assert not dialog_open(reader)


def test_a_search_typed_at_once_after_focus_finds_an_entry_and_fetches_the_runtime_once(reader):
    reader.goto("")
    # A slow link's round trips (CDP's emulation): the whole query is typed before the runtime is in.
    link = reader.page.context.new_cdp_session(reader.page)
    link.send("Network.enable")
    link.send("Network.emulateNetworkConditions", {"offline": False, "latency": SLOW_ROUND_TRIP_MS,
                                                   "downloadThroughput": -1, "uploadThroughput": -1})
    box = reader.page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially("Bloomberg citizen")
    result = reader.page.locator("a.md-search-result__link", has_text=BLOOMBERG).first
    result.wait_for(state="visible")
    assert ENTRY in (result.get_attribute("href") or "")
    for part in RUNTIME:
        assert len([url for url in reader.requests if url.endswith(part)]) == 1, (part, search_requests(reader))
    assert reader.failures == [] and reader.errors == []
