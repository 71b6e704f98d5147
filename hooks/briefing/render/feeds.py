"""Atom and JSON Feed 1.1: the whole site, one per topic, and corrections.

Times are derived from the entries' dates (never from the clock), so two builds
of the same commit write the same feeds. An entry's `updates` move its `updated`
time; ids are the entries' permalinks, which never change. An item's content is
the entry as a reader of the feed alone needs it: summary, body, claims, sources.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ..model.claims import PlacedClaim
from ..model.site import Entry
from .claim_views import claim_view
from .context import RenderContext
from .outputs import GeneratedFile, LaterFile, json_text, xml_text
from .paths import absolute, entry_url, feed_path, topic_feed_name, topic_url
from .texts import entry_text
from .views import english_url, source_view

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ITEMS_GO_HERE = "\x00items\x00"  # where a feed's head takes its items' texts


def offset(moment: dt.datetime) -> dt.timedelta:
    """The UTC offset of an aware time (zoneinfo always gives one; the type allows None)."""
    return moment.utcoffset() or dt.timedelta(0)


def day_start(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """Midnight of `day` in `zone`; on a day whose midnight a clock change skips, the moment the
    day really starts (the wall clock moved forward by the gap, e.g. 01:00)."""
    midnight = dt.datetime.combine(day, dt.time(), zone)
    skipped = offset(midnight.replace(fold=1)) - offset(midnight)
    return midnight + skipped if skipped > dt.timedelta(0) else midnight


def timestamp(day: dt.date, zone: ZoneInfo) -> str:
    """RFC 3339 at the start of `day` in the site's zone, with its offset: entries have days, feeds
    want times, and midnight UTC would show a 14 January entry as 13 January west of Greenwich.
    RFC 3339 offsets are hours and minutes, so a zone's old local mean time is rounded to the minute."""
    start = day_start(day, zone)
    minutes = round(offset(start).total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"{start.replace(tzinfo=None).isoformat()}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def entry_content(ctx: RenderContext, entry: Entry) -> str:
    """The HTML of an entry's item: summary paragraph, body, claims in words, sources (or, in
    another language's feed, without a translation: that it is not translated, and where the
    English is)."""
    here, text = entry_url(entry.id), entry_text(ctx, entry)
    return ctx.render("feed_entry.html.j2", translated=text["translated"],
                      english_url=english_url(ctx, here),
                      summary_html=Markup(ctx.markdown.inline(text["summary"])),
                      body_html=Markup(ctx.markdown.block(text["body"])),
                      claims=[claim_view(ctx, PlacedClaim(claim, entry), here) for claim in entry.claims],
                      sources=[source_view(ctx, source) for source in entry.sources])


@dataclass(frozen=True)
class FeedItem:
    """One item: its fields (JSON Feed's shape), and its text in each format, made once (a feed
    is then its head and its items' texts, joined: 40 MB at 10,000 entries)."""
    fields: dict
    atom: str
    json: str

    @classmethod
    def of(cls, ctx: RenderContext, fields: dict) -> FeedItem:
        return cls(fields, xml_text(ctx.render("feed_item.atom.xml.j2", item=fields)), json_text(fields))

    @property
    def order(self) -> tuple:
        return (self.fields["date_modified"], self.fields["id"])


def feed_item(ctx: RenderContext, entry: Entry, zone: ZoneInfo) -> FeedItem:
    """One entry as a feed item; every feed format is rendered from this."""
    url, text = absolute(ctx.base_url, entry_url(entry.id)), entry_text(ctx, entry)
    title = text["title"] if text["translated"] else ctx._("{title} (in English)").format(title=entry.title)
    summary = ctx.markdown.plain(text["summary"]) if text["translated"] else ctx._("This entry is not translated yet.")
    return FeedItem.of(ctx, {"id": url, "url": url, "title": title, "summary": summary,
                             "content_html": entry_content(ctx, entry),
                             "date_published": timestamp(entry.date, zone),
                             "date_modified": timestamp(entry.updated, zone),
                             "tags": list(entry.topics) + list(entry.tags)})


def correction_item(ctx: RenderContext, entry: Entry, index: int, zone: ZoneInfo) -> FeedItem:
    """One dated update as an item: its note, and a link back to the entry it changed."""
    update = entry.updates[index]
    url = absolute(ctx.base_url, entry_url(entry.id))
    note, title = ctx.text(update, "note"), entry_text(ctx, entry)["title"]
    content = ctx.render("feed_update.html.j2", note_html=Markup(ctx.markdown.inline(note)),
                         date_words=ctx.words.date(update.date), entry_title=title, entry_url=url)
    return FeedItem.of(ctx, {"id": f"{url}#update-{index + 1}", "url": url,
                             "title": ctx._("Update: {title}").format(title=title),
                             "summary": ctx.markdown.plain(note), "content_html": content,
                             "date_published": timestamp(update.date, zone),
                             "date_modified": timestamp(update.date, zone), "tags": list(entry.topics)})


def feed_files(ctx: RenderContext, zone: ZoneInfo, name: str, title: str, home: str, items: list) -> list[LaterFile]:
    """The Atom and JSON versions of one feed, made when asked from items made now. (Every time is
    in the same zone and starts with its date, so the texts sort as the times do.)"""
    base_url = ctx.base_url
    meta = {"title": title, "home_page_url": absolute(base_url, home),
            "atom_url": absolute(base_url, feed_path(name, "atom")),
            "json_url": absolute(base_url, feed_path(name, "json")),
            "updated": timestamp(ctx.settings.build_date, zone)}

    def newest_first() -> list[FeedItem]:
        return sorted(items, key=lambda item: item.order, reverse=True)

    def atom() -> str:
        ordered = newest_first()
        updated = ordered[0].fields["date_modified"] if ordered else meta["updated"]
        head = ctx.render("feed.atom.xml.j2", feed={**meta, "updated": updated}, entries=Markup(ITEMS_GO_HERE))
        before, _, after = head.rpartition(ITEMS_GO_HERE)  # no text holds it: xml_text would replace it
        return xml_text(before) + "".join(item.atom for item in ordered) + xml_text(after)

    def json_feed() -> str:
        head = json_text({"version": JSON_FEED_VERSION, "title": title, "home_page_url": meta["home_page_url"],
                          "feed_url": meta["json_url"], "language": ctx.language})
        return head[:-1] + ',"items":[' + ",".join(item.json for item in newest_first()) + "]}"
    return [LaterFile(feed_path(name, "atom"), atom), LaterFile(feed_path(name, "json"), json_feed)]


def site_feeds(ctx: RenderContext, zone: ZoneInfo) -> list[GeneratedFile]:
    """Every feed, its times in `zone` (the site's, Settings.zone)."""
    return [later.made() for later in later_feeds(ctx, zone)]


def later_feeds(ctx: RenderContext, zone: ZoneInfo) -> list[LaterFile]:
    """Every feed; each entry's item is made now (and kept for the next build, reuse.py), each
    feed's text when asked."""
    site, site_name, reuse = ctx.site, ctx.site_name, ctx.reuse
    items_by_id = {e.id: reuse.get(f"feed:{e.id}", e, partial(feed_item, ctx, e, zone))  # in several feeds
                   for e in site.entries}
    files = feed_files(ctx, zone, "all", site_name, "", list(items_by_id.values()))
    for topic in site.topics.values():
        items = [items_by_id[e.id] for e in site.entries_on(topic.id)]
        title = ctx._("{site}: {topic}").format(site=site_name, topic=ctx.text(topic, "title"))
        files += feed_files(ctx, zone, topic_feed_name(topic.id), title, topic_url(topic.id), items)
    corrections = [reuse.get(f"correction:{e.id}:{i}", e, partial(correction_item, ctx, e, i, zone))
                   for e in site.entries for i in range(len(e.updates))]
    files += feed_files(ctx, zone, "corrections", ctx._("{site}: corrections and updates").format(site=site_name),
                        "", corrections)
    return files
