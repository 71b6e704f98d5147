"""text_problem's quick test for Latin-1 text must refuse exactly what the careful one refuses."""
from __future__ import annotations

import random

from briefing.format.text import careful_text_problem, text_problem

# Every Latin-1 character, and some beyond it: Greek and Cyrillic letters, invisible and bidi
# characters, a line separator, a lone surrogate, a private-use character.
ALPHABET = [chr(code) for code in range(256)] + list("αоаЖ\u200b\u202e\u2028\ud800\ue000—’«»")


def test_every_latin1_character_alone_and_between_letters():
    for code in range(256):
        for text in (chr(code), f"Caracas {chr(code)} dijo", f"{chr(code)}\n\tx"):
            assert text_problem(text) == careful_text_problem(text), (code, text)


def test_random_texts_get_the_careful_answer():
    rng = random.Random(26)
    for _ in range(40_000):
        text = "".join(rng.choice(ALPHABET) if rng.random() < 0.2 else rng.choice("abc ñé\n")
                       for _ in range(rng.randrange(1, 12)))
        assert text_problem(text) == careful_text_problem(text), repr(text)
