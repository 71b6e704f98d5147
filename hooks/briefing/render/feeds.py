"""Atom and JSON Feed 1.1: the whole site, one per topic, and corrections.

Times are derived from the entries' dates (never from the clock), so two builds
of the same commit write the same feeds. An entry's `updates` move its `updated`
time; ids are the entries' permalinks, which never change. An item's content is
the entry as a reader of the feed alone needs it: summary, body, claims, sources.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ..model.claims import PlacedClaim
from ..model.site import Entry
from .claim_views import claim_view
from .context import RenderContext
from .outputs import GeneratedFile, Planned, json_text, xml_text
from .paths import FEED_SUFFIXES, absolute, entry_url, feed_path, topic_feed_name, topic_url
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
    """One item: its text in each format, made once from its fields (JSON Feed's shape), and the
    fields it is sorted by (a feed is then its head and its items' texts, joined: 40 MB at 10,000
    entries). The fields are not kept: their HTML would be a third copy of what the texts hold."""
    order: tuple  # (date_modified, id): newest first, then by id
    atom: str
    json: str

    @classmethod
    def of(cls, ctx: RenderContext, fields: dict) -> FeedItem:
        return cls((fields["date_modified"], fields["id"]), xml_text(ctx.render("feed_item.atom.xml.j2", item=fields)),
                   json_text(fields))

    @property
    def date_modified(self) -> str:
        return self.order[0]


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
    note, text = ctx.text(update, "note"), entry_text(ctx, entry)
    title = text["title"]
    content = ctx.render("feed_update.html.j2", note_html=Markup(ctx.markdown.inline(note)),
                         note_lang=ctx.text_lang(update, "note"), date_words=ctx.words.date(update.date),
                         entry_title=title, entry_lang=text["lang"], entry_url=url)
    return FeedItem.of(ctx, {"id": f"{url}#update-{index + 1}", "url": url,
                             "title": ctx._("Update: {title}").format(title=title),
                             "summary": ctx.markdown.plain(note), "content_html": content,
                             "date_published": timestamp(update.date, zone),
                             "date_modified": timestamp(update.date, zone), "tags": list(entry.topics)})


def feed_contents(ctx: RenderContext, zone: ZoneInfo, name: str, title: str, home: str,
                  items: list[FeedItem]) -> dict[str, Callable[[], str]]:
    """The Atom and JSON versions of one feed by path, each made when called from items made now.
    (Every time is in the same zone and starts with its date, so the texts sort as the times do.)"""
    base_url = ctx.base_url
    meta = {"title": title, "home_page_url": absolute(base_url, home),
            "atom_url": absolute(base_url, feed_path(name, "atom")),
            "json_url": absolute(base_url, feed_path(name, "json")),
            "updated": timestamp(ctx.settings.build_date, zone)}

    def newest_first() -> list[FeedItem]:
        return sorted(items, key=lambda item: item.order, reverse=True)

    def atom() -> str:
        ordered = newest_first()
        updated = ordered[0].date_modified if ordered else meta["updated"]
        head = ctx.render("feed.atom.xml.j2", feed={**meta, "updated": updated}, entries=Markup(ITEMS_GO_HERE))
        before, _, after = head.rpartition(ITEMS_GO_HERE)  # no text holds it: xml_text would replace it
        return xml_text(before) + "".join(item.atom for item in ordered) + xml_text(after)

    def json_feed() -> str:
        head = json_text({"version": JSON_FEED_VERSION, "title": title, "home_page_url": meta["home_page_url"],
                          "feed_url": meta["json_url"], "language": ctx.language})
        return head[:-1] + ',"items":[' + ",".join(item.json for item in newest_first()) + "]}"
    return {feed_path(name, "atom"): atom, feed_path(name, "json"): json_feed}


class FeedItems:
    """The items of one build's feeds, made when a feed first asks for them, in the build's thread
    (they need its Markdown renderer); an entry's item is kept for the next build while the entry
    is unchanged (reuse.py). An entry's item is in several feeds: it is made once."""

    def __init__(self, ctx: RenderContext, zone: ZoneInfo) -> None:
        self.ctx, self.zone = ctx, zone

    @cached_property
    def by_entry(self) -> dict[str, FeedItem]:
        ctx, reuse = self.ctx, self.ctx.reuse
        return {e.id: reuse.get(f"feed:{e.id}", (e,), partial(feed_item, ctx, e, self.zone)) for e in ctx.site.entries}

    @cached_property
    def corrections(self) -> list[FeedItem]:
        ctx, reuse = self.ctx, self.ctx.reuse
        return [reuse.get(f"correction:{e.id}:{i}", (e,), partial(correction_item, ctx, e, i, self.zone))
                for e in ctx.site.entries for i in range(len(e.updates))]


def plan_feeds(ctx: RenderContext) -> list[Planned]:
    """Every feed, its times in the site's zone: all entries, each topic's, and the corrections.
    A feed is made from its entries (its key) and what every output shares."""
    site, site_name, zone = ctx.site, ctx.site_name, ctx.settings.zone()
    items = FeedItems(ctx, zone)
    planned = feed_plan(ctx, zone, ("all", site_name, ""), site.entries, lambda: list(items.by_entry.values()))
    for topic in site.topics.values():
        entries = site.entries_on(topic.id)
        title = ctx._("{site}: {topic}").format(site=site_name, topic=ctx.text(topic, "title"))
        planned += feed_plan(ctx, zone, (topic_feed_name(topic.id), title, topic_url(topic.id)), entries,
                             partial(items_of, items, entries))
    corrected = tuple(entry for entry in site.entries if entry.updates)
    title = ctx._("{site}: corrections and updates").format(site=site_name)
    return planned + feed_plan(ctx, zone, ("corrections", title, ""), corrected, lambda: items.corrections)


def items_of(items: FeedItems, entries: tuple) -> list[FeedItem]:
    return [items.by_entry[entry.id] for entry in entries]


def feed_plan(ctx: RenderContext, zone: ZoneInfo, feed: tuple[str, str, str], entries: tuple,
              items: Callable[[], list[FeedItem]]) -> list[Planned]:
    """The Atom and JSON files of one feed (name, title, home page), each made from `entries`."""
    return [Planned(feed_path(feed[0], kind), (entries,), partial(feed_content, ctx, zone, feed, kind, items))
            for kind in FEED_SUFFIXES]


def feed_content(ctx: RenderContext, zone: ZoneInfo, feed: tuple[str, str, str], kind: str,
                 items: Callable[[], list[FeedItem]]) -> Callable[[], str]:
    """One format of one feed: its items made now, in the build's thread; its text when called."""
    return feed_contents(ctx, zone, *feed, items())[feed_path(feed[0], kind)]


def site_feeds(ctx: RenderContext) -> list[GeneratedFile]:
    """Every feed, made at once (for tests and tools)."""
    return [GeneratedFile(planned.address, planned.make()()) for planned in plan_feeds(ctx)]
