"""Everything the site publishes, made from the model in one pass: pages, feeds, data."""
from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..format.problems import Problem, ProblemsFound
from ..format.schema import all_schemas
from ..format.spec import registry_path
from ..model.ledger import Ledger
from ..model.site import Entry, Site
from .context import RenderContext
from .feeds import site_feeds
from .i18n import Language
from .jinja import Templates
from .ledger_pages import actor_pages, actors_index, figure_pages, figures_index
from .markup import MarkdownFailed, SafeMarkdown
from .og_image import site_images
from .opendata import briefings_json, claims_csv
from .outputs import GeneratedFile, GeneratedPage
from .pages import entry_page, format_page, home_section, timeline_pages, topic_pages
from .settings import Settings
from .words import Words


@dataclass(frozen=True)
class RenderedSite:
    pages: list          # GeneratedPage, each placed at its own source path
    files: list          # GeneratedFile: feeds, open data, schemas, the site's images
    home_html: str       # appended below the hand-written home page


class EntryPages:
    """The entry pages of the last build, reused while their entry and everything every entry
    page is made from are unchanged: a preview server rebuilds after every edit, and one edit
    should cost one page. An entry page reads its entry and the registries, never another
    entry (views.entry_view), so the entry and `shared_inputs` are the whole key."""

    def __init__(self) -> None:
        self._inputs: tuple | None = None
        self._pages: dict[Entry, GeneratedPage] = {}

    def pages(self, ctx: RenderContext) -> list[GeneratedPage]:
        inputs = shared_inputs(ctx)
        if inputs != self._inputs:
            self._inputs, self._pages = inputs, {}
        last = self._pages
        self._pages = {entry: last.get(entry) or entry_page(ctx, entry) for entry in ctx.site.entries}
        return list(self._pages.values())


def shared_inputs(ctx: RenderContext) -> tuple:
    """What every entry page is made from besides its entry."""
    site = ctx.site
    return (tuple(site.topics.values()), tuple(site.actors.values()), tuple(site.figures.values()),
            ctx.settings, ctx.templates.fingerprint())


class SiteRenderer:
    """Renders the whole site, remembering between builds what can be reused."""

    def __init__(self, templates: Templates | None = None, language: str = "en") -> None:
        self.language = templates.language if templates else Language(language)
        self.templates = templates or Templates(language=self.language)
        self.words = Words(self.language)
        self.markdown = SafeMarkdown()
        self.entry_pages = EntryPages()

    def render(self, site: Site, settings: Settings) -> RenderedSite:
        """Every page and file; ProblemsFound, naming the file and field, if a text cannot be rendered
        or the time zone setting names no zone (found before any page is made)."""
        zone = settings.zone()
        self.markdown.new_build()
        self.templates.new_build()
        failed = unrenderable_texts(site, self.markdown)
        if failed:
            raise ProblemsFound(failed)
        ctx = RenderContext(site, Ledger(site), settings, self.templates, self.markdown, self.words)
        pages: list[GeneratedPage] = self.entry_pages.pages(ctx)
        for topic_id in site.topics:
            pages += topic_pages(ctx, topic_id)
        for figure_id in site.figures:
            pages += figure_pages(ctx, figure_id)
        for actor_id in site.actors:
            pages += actor_pages(ctx, actor_id)
        pages += timeline_pages(ctx)
        pages += [figures_index(ctx), actors_index(ctx), format_page(ctx)]
        return RenderedSite(pages, self._files(ctx, zone), home_section(ctx))

    @staticmethod
    def _files(ctx: RenderContext, zone: ZoneInfo) -> list[GeneratedFile]:
        files = site_feeds(ctx, zone)
        files += [briefings_json(ctx.site, ctx.base_url), claims_csv(ctx.ledger, ctx.base_url)]
        files += [GeneratedFile(f"schema/{name}", text) for name, text in all_schemas().items()]
        return files + site_images(ctx.site_name)


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
