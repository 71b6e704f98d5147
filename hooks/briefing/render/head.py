"""What goes in a page's <head>: title, description, Open Graph, JSON-LD, feed links.

Page meta is text: whatever prints it escapes it (the engine's adapter does, for a theme that
prints it as it is). JSON-LD goes inside a <script> element, so it is JSON with <, > and &
written as \\u escapes: no text can close the element.
"""
from __future__ import annotations

import json

from ..format.translations import N_
from ..model.site import Entry, Site
from .i18n import Language
from .paths import absolute, entry_url, feed_path, topic_feed_name


def script_json(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


FEED_TYPES = {"atom": ("application/atom+xml", N_("Atom")), "json": ("application/feed+json", N_("JSON Feed"))}


def feed_links(site: Site | None = None, topic_ids=(), language: Language | None = None) -> list[dict]:
    """Autodiscovery: the site's feeds, then those of the page's topics (paths from the site root),
    titled in the page's language."""
    language = language or Language()
    feeds = [("all", language.gettext("All entries"))]
    feeds += [(topic_feed_name(topic_id), site.topics[topic_id].text_in(language.code, "title"))
              for topic_id in topic_ids if site]
    return [{"type": mime, "href": feed_path(name, kind),
             "title": f"{title} ({language.gettext(words)})"}
            for name, title in feeds for kind, (mime, words) in FEED_TYPES.items()]


def page_meta(site: Site, title: str, description: str, topic_ids=(), jsonld: dict | None = None,
              og_type: str = "website", language: Language | None = None) -> dict:
    """A page's meta: the theme reads title and description; overrides/main.html the rest."""
    meta = {"title": title, "description": description,
            "briefing_og_type": og_type, "briefing_feeds": feed_links(site, topic_ids, language)}
    if jsonld:
        meta["briefing_jsonld"] = script_json(jsonld)
    return meta


def news_article(ctx, entry: Entry, headline: str, description: str) -> dict:
    """schema.org NewsArticle for an entry page, in the page's language."""
    url, site_name = absolute(ctx.base_url, entry_url(entry.id)), ctx.site_name
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline[:110],
            "inLanguage": ctx.language,
            "description": description, "url": url, "mainEntityOfPage": url,
            "datePublished": entry.date.isoformat(), "dateModified": entry.updated.isoformat(),
            "keywords": list(entry.tags), "articleSection": list(entry.topics),
            "publisher": {"@type": "Organization", "name": site_name},
            "isBasedOn": [source.url or source_title(ctx, source) for source in entry.sources]}


def source_title(ctx, source) -> str | dict:
    """A source's title in the page's language, or, not translated, as a work whose language is
    English (JSON-LD can say so; a page's text cannot be marked inside a script)."""
    if ctx.text_lang(source, "title") == ctx.language:
        return ctx.text(source, "title")
    return {"@type": "CreativeWork", "name": source.title, "inLanguage": ctx.text_lang(source, "title")}
