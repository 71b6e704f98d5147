"""Everything the site publishes, made from the model in one pass: pages, feeds, data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from zoneinfo import ZoneInfo

from ..format.problems import Problem, ProblemsFound
from ..format.schema import all_schemas
from ..format.spec import registry_path
from ..format.translations import SOURCE_LANGUAGE
from ..model.ledger import Ledger
from ..model.site import Site
from .context import RenderContext
from .feeds import later_feeds
from .i18n import Language
from .jinja import Templates
from .ledger_pages import actor_pages, actors_index, figure_pages, figures_index
from .markup import MarkdownFailed, SafeMarkdown
from .og_image import site_images
from .opendata import briefings_json, claims_csv, entry_json
from .outputs import GeneratedFile, GeneratedPage, LaterFile
from .pages import entry_page, format_page, home_section, timeline_pages, topic_pages
from .reuse import Rendered
from .settings import Settings
from .words import Words


@dataclass(frozen=True)
class RenderedSite:
    pages: list          # GeneratedPage, each placed at its own source path
    later: list          # LaterFile: feeds, open data, schemas, the site's images, made when asked
    home_html: str       # appended below the hand-written home page

    @cached_property
    def files(self) -> list[GeneratedFile]:
        return [later.made() for later in self.later]


def shared_inputs(ctx: RenderContext) -> tuple:
    """What every page is made from besides what its key says (reuse.py)."""
    site = ctx.site
    return (tuple(site.topics.values()), tuple(site.actors.values()), tuple(site.figures.values()),
            ctx.settings, ctx.templates.fingerprint())


class SiteRenderer:
    """Renders the whole site, remembering between builds what can be reused (reuse.py)."""

    def __init__(self, templates: Templates | None = None, language: str = SOURCE_LANGUAGE) -> None:
        self.language = templates.language if templates else Language(language)
        self.templates = templates or Templates(language=self.language)
        self.words = Words(self.language)
        self.markdown = SafeMarkdown()
        self.reuse = Rendered()

    def render(self, site: Site, settings: Settings, ledger: Ledger | None = None,
               texts_checked: bool = False) -> RenderedSite:
        """Every page and file; ProblemsFound, naming the file and field, if a text cannot be rendered
        or the time zone setting names no zone (found before any page is made). `ledger`: the
        site's, if the caller has it already (each language's build reads the same one);
        `texts_checked`: another language's build has rendered every text of this site."""
        zone = settings.zone()
        self.markdown.new_build()
        self.templates.new_build()
        failed = [] if texts_checked else unrenderable_texts(site, self.markdown)
        if failed:
            raise ProblemsFound(failed)
        ctx = RenderContext(site, ledger or Ledger(site), settings, self.templates, self.markdown, self.words,
                            self.reuse)
        self.reuse.new_build(shared_inputs(ctx))
        pages: list[GeneratedPage] = [self.reuse.get("entry:" + entry.id, entry, partial(entry_page, ctx, entry))
                                      for entry in site.entries]
        for topic_id in site.topics:
            pages += topic_pages(ctx, topic_id)
        for figure_id in site.figures:
            pages += figure_pages(ctx, figure_id)
        for actor_id in site.actors:
            pages += actor_pages(ctx, actor_id)
        pages += timeline_pages(ctx)
        pages += [figures_index(ctx), actors_index(ctx), self.reuse.get("format.md", (), lambda: format_page(ctx))]
        return RenderedSite(pages, self._files(ctx, zone), home_section(ctx))

    @staticmethod
    def _files(ctx: RenderContext, zone: ZoneInfo) -> list[LaterFile]:
        """The feeds, open data, schemas and images; made when asked, from the model (the items of
        the feeds are made now: they need the Markdown renderer, which is this thread's)."""
        site, ledger, base_url = ctx.site, ctx.ledger, ctx.base_url
        files = later_feeds(ctx, zone)
        records = [ctx.reuse.get("record:" + entry.id, entry, partial(entry_json, entry, base_url))
                   for entry in site.entries]
        files += [LaterFile("data/briefings.json", lambda: briefings_json(site, base_url, records).content),
                  LaterFile("data/claims.csv", lambda: claims_csv(ledger, base_url).content)]
        schemas = ctx.reuse.get("schemas", (), all_schemas)
        files += [LaterFile.of(GeneratedFile(f"schema/{name}", text)) for name, text in schemas.items()]
        images = ctx.reuse.get("images", ctx.site_name, lambda: site_images(ctx.site_name))
        return files + [LaterFile.of(image) for image in images]


def site_texts(site: Site):
    """(file, field, text, inline) for every Markdown text of the site."""
    for topic in site.topics.values():
        yield registry_path("topic"), f"{topic.id}.summary", topic.summary, True
    for figure in site.figures.values():
        yield registry_path("figure"), f"{figure.id}.description", figure.description, True
    for entry in site.entries:
        yield entry.path, "summary", entry.summary, True
        yield entry.path, "body", entry.body, False
        for i, update in enumerate(entry.updates):
            yield entry.path, f"updates[{i}].note", update.note, True


def unrenderable_texts(site: Site, markdown: SafeMarkdown) -> list[Problem]:
    """Render every Markdown text once (pages then reuse it); a problem for each that fails."""
    problems = []
    for path, field, text, inline in site_texts(site):
        try:
            (markdown.inline if inline else markdown.block)(text)
        except MarkdownFailed as failure:
            problems.append(Problem(path, 0, 0, field, f"could not be rendered ({failure}); "
                                    "simplify its nesting of lists and quotes"))
    return problems
