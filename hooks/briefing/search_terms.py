"""Accent-free spellings for search.

Material's search stems English and Spanish but does not fold accents, so a
reader typing "Rodriguez" would not find "Rodríguez". Entry and actor pages carry,
inside their opening paragraph, a hidden span with the folded spelling of every
accented word of the page's main text (templates: `search_variants`): search
indexes it within the paragraph a result shows, and readers and screen readers
never see it. The query side is folded by docs/assets/search-fold.js, so
"Rodríguez" also finds "Rodriguez".
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


def search_variants(*texts: str | None) -> str:
    """The folded spellings of the accented words in these texts, space-separated."""
    return " ".join(folded_words(" ".join(text for text in texts if text)))
