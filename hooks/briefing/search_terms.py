"""Accent-free spellings for search.

Material's search stems English and Spanish but does not fold accents, so a
reader typing "Rodriguez" would not find "Rodríguez". Each page gets, after its
content, a hidden paragraph with the folded spelling of every accented word it
holds: search indexes it, readers and screen readers never see it. (The query
side is folded by docs/assets/search-fold.js, so "Rodríguez" also finds
"Rodriguez".)
"""
from __future__ import annotations

import html as html_module
import re
import unicodedata

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_words(page_html: str) -> list[str]:
    """The accent-free form of each word that has accents, once each, in order of appearance."""
    text = html_module.unescape(_TAG.sub(" ", page_html))
    folded = (fold(word) for word in _WORD.findall(text) if not word.isascii())
    return list(dict.fromkeys(word for word in folded if word.isascii()))


def search_variants(page_html: str) -> str:
    words = folded_words(page_html)
    if not words:
        return ""
    return f'\n<p class="briefing-search-variants" hidden>{html_module.escape(" ".join(words))}</p>\n'
