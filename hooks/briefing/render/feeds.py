"""Atom and JSON Feed 1.1: the whole site, one per topic, and corrections.

Times are derived from the entries' dates (never from the clock), so two builds
of the same commit write the same feeds. An entry's `updates` move its `updated`
time; ids are the entries' permalinks, which never change.
"""
from __future__ import annotations

from ..model.site import Entry, Site
from .markup import SafeMarkdown
from .outputs import GeneratedFile, json_text, xml_text
from .paths import absolute, entry_url, feed_path, topic_feed_name, topic_url

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def timestamp(day) -> str:
    """RFC 3339 at midnight UTC: the format has days, feeds want times."""
    return f"{day.isoformat()}T00:00:00Z"


def feed_item(entry: Entry, base_url: str, markdown: SafeMarkdown) -> dict:
    """One entry as a feed item; every feed format is rendered from this."""
    body = markdown.inline(entry.summary) + markdown.block(entry.body)
    return {"id": absolute(base_url, entry_url(entry.id)), "url": absolute(base_url, entry_url(entry.id)),
            "title": entry.title, "summary": markdown.plain(entry.summary), "content_html": body,
            "date_published": timestamp(entry.date), "date_modified": timestamp(entry.updated),
            "tags": list(entry.topics) + list(entry.tags)}


def correction_item(entry: Entry, index: int, base_url: str, markdown: SafeMarkdown) -> dict:
    update = entry.updates[index]
    url = absolute(base_url, entry_url(entry.id))
    return {"id": f"{url}#update-{index + 1}", "url": url, "title": f"Update: {entry.title}",
            "summary": markdown.plain(update.note), "content_html": markdown.inline(update.note),
            "date_published": timestamp(update.date), "date_modified": timestamp(update.date),
            "tags": list(entry.topics)}


def feed(name: str, title: str, home: str, items: list, base_url: str, render) -> list[GeneratedFile]:
    """The Atom and JSON versions of one feed, at feeds/<name>.atom.xml and feeds/<name>.json."""
    items = sorted(items, key=lambda item: (item["date_modified"], item["id"]), reverse=True)
    meta = {"title": title, "home_page_url": absolute(base_url, home),
            "atom_url": absolute(base_url, feed_path(name, "atom")),
            "json_url": absolute(base_url, feed_path(name, "json")),
            "updated": items[0]["date_modified"] if items else "1970-01-01T00:00:00Z"}
    json_feed = {"version": JSON_FEED_VERSION, "title": title, "home_page_url": meta["home_page_url"],
                 "feed_url": meta["json_url"], "language": "en", "items": items}
    return [GeneratedFile(feed_path(name, "atom"), xml_text(render("feed.atom.xml.j2", feed=meta, items=items))),
            GeneratedFile(feed_path(name, "json"), json_text(json_feed))]


def site_feeds(site: Site, site_name: str, base_url: str, render, markdown: SafeMarkdown) -> list[GeneratedFile]:
    items_by_id = {e.id: feed_item(e, base_url, markdown) for e in site.entries}  # each entry is in several feeds
    files = feed("all", site_name, "", list(items_by_id.values()), base_url, render)
    for topic in site.topics.values():
        items = [items_by_id[e.id] for e in site.entries_on(topic.id)]
        files += feed(topic_feed_name(topic.id), f"{site_name}: {topic.title}", topic_url(topic.id), items,
                      base_url, render)
    corrections = [correction_item(e, i, base_url, markdown) for e in site.entries for i in range(len(e.updates))]
    files += feed("corrections", f"{site_name}: corrections and updates", "", corrections, base_url, render)
    return files

