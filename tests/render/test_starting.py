"""A name heads its page, line or sentence with a capital, whatever case it has mid-sentence."""
from __future__ import annotations

import pytest

from briefing.render.words import starting


@pytest.mark.parametrize(("name", "shown"), [
    ("organizaciones de derechos humanos", "Organizaciones de derechos humanos"),
    ("Gobierno venezolano", "Gobierno venezolano"),
    ("Human rights organizations", "Human rights organizations"),
    ("ñandú", "Ñandú"),
    ("", ""),
])
def test_a_name_starts_with_a_capital(name: str, shown: str):
    assert starting(name) == shown
