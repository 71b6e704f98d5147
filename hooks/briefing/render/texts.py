"""A record's text in the build's language, for the views of entries and of claims alike."""
from __future__ import annotations

from ..format.translations import SOURCE_LANGUAGE
from ..model.site import Entry
from .context import RenderContext


def entry_text(ctx: RenderContext, entry: Entry) -> dict:
    """An entry's words in the build's language. Without a translation, on another language's
    site: its English title only, marked as English (its summary and body are not shown there:
    an English text under another language would read, and be searched, as that language)."""
    if ctx.language == SOURCE_LANGUAGE:
        return {"title": entry.title, "summary": entry.summary, "body": entry.body, "lang": SOURCE_LANGUAGE,
                "translated": True, "translated_on": None, "outdated": False, "untranslated_body": False}
    translation = entry.translation(ctx.language)
    if translation is None:
        return {"title": entry.title, "summary": None, "body": None, "lang": SOURCE_LANGUAGE, "translated": False,
                "translated_on": None, "outdated": False, "untranslated_body": False}
    translated_on = translation.get("translated_on")
    return {"title": translation.get("title"), "summary": translation.get("summary"),
            "body": translation.get("body"), "lang": ctx.language, "translated": True,
            "translated_on": translated_on, "outdated": translated_on < entry.updated,
            "untranslated_body": bool(entry.body and not translation.get("body"))}
