"""Marks for the translation catalogs (render/locale/): N_() and NP_() tag an English text of the
format (a field's meaning, a type's words, a record's name) or of the interface, so that
`make translations` extracts it. They return the text unchanged: the validator, the JSON Schema and
the English pages read it as written, and a page in another language looks it up in that
language's catalog when it is made. This module imports nothing, so every module can mark texts.
"""
from __future__ import annotations


def N_(message: str) -> str:
    """Marks an English text for the catalogs; also the "translation" into English (the text itself)."""
    return message


def NP_(context: str, message: str) -> str:
    """Marks a text whose translation depends on `context` (the grammatical gender of a unit)."""
    return message
