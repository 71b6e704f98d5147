"""What text the format accepts: characters that show what they say.

Contributor text reaches titles, headings, feeds and spreadsheets. Control characters break
XML and CSV; bidi controls and invisible characters make text display other than it reads
("Jorge Rodríguez" with a zero-width space is another name that looks the same); a word that
mixes Latin and Cyrillic letters is the usual way to forge a look-alike. So text is kept in
NFC, and a field holding any of these is refused with the character named.
"""
from __future__ import annotations

import re
import unicodedata

ALLOWED_CONTROLS = frozenset("\t\n")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters of other scripts that look like Latin ones (lowercase, after NFKD and casefold),
# and digits and signs that pass for letters: for telling whether two names display alike.
LOOK_ALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "і": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ӏ": "l", "α": "a", "β": "b", "γ": "y", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "η": "n", "ı": "i", "ɡ": "g", "ℓ": "l",
    "0": "o", "1": "l", "|": "l",
})
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_WORD = re.compile(r"\w+")
# The Latin-1 characters (U+0000..U+00FF) that str.isprintable() refuses, but tab and newline: made
# from isprintable itself, so that the quick test below refuses exactly what the careful one does.
_UNPRINTABLE_LATIN1 = bytes(code for code in range(256) if not chr(code).isprintable() and chr(code) not in "\t\n")
_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f]")


def normalized(text: str) -> str:
    """Text as kept: NFC, so that 'í' is one character however it was typed."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def text_problem(text: str) -> str | None:
    """Why `text` cannot be published as it is, or None."""
    return None if _printable_latin1(text) else careful_text_problem(text)


def careful_text_problem(text: str) -> str | None:
    """text_problem for any text, character by character where it must."""
    if text.isascii():
        control = _ASCII_CONTROL.search(text)
        return _control_problem(text, control.start()) if control else None
    if not text.replace("\n", "").replace("\t", "").isprintable():  # in C: the usual text skips the loop
        for index, char in enumerate(text):
            problem = _char_problem(char)
            if problem:
                return f"holds {problem} at character {index + 1}; {_remedy(char)}"
    return _mixed_script_problem(text) if _GREEK_OR_CYRILLIC.search(text) else None


def _printable_latin1(text: str) -> bool:
    """Whether `text` holds only printable Latin-1 characters, tabs and newlines: then it holds no
    control or invisible character, and no Greek or Cyrillic letter (all above U+0370), so
    text_problem finds nothing. Two passes in C over the text as bytes (most text, English and
    Spanish, is Latin-1: the encoding copies it), where the careful test's searches cost 5-10 times
    more; text with other characters takes the careful test."""
    latin1 = text.encode("latin-1", "ignore")
    return len(latin1) == len(text) and len(latin1.translate(None, _UNPRINTABLE_LATIN1)) == len(text)


def _control_problem(text: str, index: int) -> str:
    return f"holds a control character ({_code(text[index])}) at character {index + 1}; remove it"


def _char_problem(char: str) -> str | None:
    category = unicodedata.category(char)
    if char in ALLOWED_CONTROLS:
        return None
    if category == "Cc":
        return f"a control character ({_code(char)})"
    if char in _BIDI:
        return f"a character that reorders text ({_named(char)})"
    if category == "Cf":
        return f"an invisible character ({_named(char)})"
    if category in ("Zl", "Zp"):
        return f"a {_named(char)}"
    if category in ("Cs", "Co", "Cn"):
        kind = {"Cs": "half of a surrogate pair", "Co": "a private-use character"}.get(category, "not a character")
        return f"{_code(char)} ({kind})"
    return None


def _remedy(char: str) -> str:
    return "use an ordinary line break" if unicodedata.category(char) in ("Zl", "Zp") else "delete it"


def _mixed_script_problem(text: str) -> str | None:
    """A word of Latin letters with a Cyrillic or Greek one among them (or the other way round)."""
    for word in _WORD.finditer(text):
        scripts: dict[str, str] = {}
        for char in word.group():
            script = _script(char) if char.isalpha() else None
            if script:
                scripts.setdefault(script, char)
        if len(scripts) > 1:
            odd = next(char for script, char in scripts.items() if script != "LATIN")
            where = word.start() + word.group().index(odd) + 1
            return (f"mixes {' and '.join(s.title() for s in sorted(scripts, key=_SCRIPTS.index))} letters in "
                    f"{word.group()!r}: {odd!r} (character {where}) is {unicodedata.name(odd, '?')}; retype it")
    return None


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script for script in _SCRIPTS if name.startswith(script)), None)


def display_key(text: str) -> str:
    """What a name looks like to a reader: the same key for names that display alike (case,
    accents, compatibility forms, look-alike letters of other scripts, spacing)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(letters.translate(LOOK_ALIKES).split())


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _named(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"{_code(char)} {name}" if name else _code(char)
