"""Url.problem's quick match for the usual address must accept only what the careful checks accept."""
from __future__ import annotations

import random

from briefing.format.types import Url

PIECES = ["http", "https", "HTTPS", "ftp", "javascript", ":", "//", "/", "?", "#", "@", ":80", ":99999", "[", "]",
          "\\", " ", "\t", "\n", "\x00", "\x1f", "\x7f", "\xa0", "\u2028", "é", "xn--", "ex", "ample", ".", "-",
          "org", "a=b", "%20", "user:pw@", "раypal", "_", "~"]


def test_random_addresses_get_the_careful_answer():
    rng = random.Random(26)
    for schemes in (("http", "https"), ("https",)):
        url = Url(schemes=schemes)
        for _ in range(60_000):
            value = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 9)))
            if rng.random() < 0.5:
                value = rng.choice(["http://", "https://", "HTTP://"]) + value
            assert url.problem(value) == url.careful_problem(value), repr(value)


def test_the_usual_address_passes():
    assert Url().problem("https://www.example.org/news/2026/01/13/story?id=4#top") is None
