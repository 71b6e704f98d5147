"""Everything the site publishes, made from the model in one pass: pages, feeds, data."""
from __future__ import annotations

from dataclasses import dataclass

from ..format.problems import Problem, ProblemsFound
from ..format.spec import registry_path
from ..format.translations import SOURCE_LANGUAGE
from ..model.history import EntryVersions
from ..model.ledger import Ledger
from ..model.site import Site
from .context import RenderContext
from .i18n import Language
from .jinja import CompiledTemplates, Templates
from .markup import MarkdownFailed, SafeMarkdown
from .outputs import Content, GeneratedFile, GeneratedPage
from .plan import SitePlan
from .reuse import Rendered
from .settings import Settings
from .words import Words


@dataclass(frozen=True)
class RenderedSite:
    """One language's site, rendered: the plan, each page (an HTML body and its head data), the
    home page's sections, the files' contents to write (made when called), and which outputs were
    made afresh rather than kept from the last build by their key (reuse.py)."""
    plan: SitePlan
    pages: list[GeneratedPage]
    home_html: str
    contents: dict[str, Content]  # a file's path -> its content, made when called
    made: frozenset[str]          # the names made afresh: outputs' addresses, and shared parts' ("feed:<id>")

    def files(self) -> list[GeneratedFile]:
        """Every file made now (tests and tools; a build writes them one at a time)."""
        return [GeneratedFile(path, content()) for path, content in self.contents.items()]


def shared_inputs(ctx: RenderContext) -> tuple:
    """What every output is made from besides what its key says (reuse.py)."""
    site = ctx.site
    return (tuple(site.topics.values()), tuple(site.actors.values()), tuple(site.figures.values()),
            ctx.settings, ctx.templates.fingerprint())


class SiteRenderer:
    """Renders one language's site from its plan, remembering between builds what can be reused (reuse.py)."""

    def __init__(self, templates: Templates | None = None, language: str = SOURCE_LANGUAGE,
                 compiled: CompiledTemplates | None = None) -> None:
        self.language = templates.language if templates else Language(language)
        self.templates = templates or Templates(language=self.language, compiled=compiled)
        self.words = Words(self.language)
        self.markdown = SafeMarkdown()
        self.reuse = Rendered()

    def context(self, site: Site, settings: Settings, ledger: Ledger | None = None,
                histories: EntryVersions | None = None) -> RenderContext:
        return RenderContext(site, ledger or Ledger(site), settings, self.templates, self.markdown, self.words,
                             self.reuse, histories)

    def plan(self, site: Site, settings: Settings, ledger: Ledger | None = None, kinds=None) -> SitePlan:
        """Every output of the site, planned and not made (the review lists pages from it)."""
        return SitePlan(self.context(site, settings, ledger), kinds)

    def render(self, site: Site, settings: Settings, ledger: Ledger | None = None,
               texts_checked: bool = False, kinds=None, histories: EntryVersions | None = None) -> RenderedSite:
        """Every page and file; ProblemsFound, naming the file and field, if a text cannot be rendered
        or a publishing setting is not one the site can use (found before any page is made). `ledger`: the
        site's, if the caller has it already (each language's build reads the same one);
        `texts_checked`: another language's build has rendered every text of this site; `histories`:
        each entry's versions from git (model/history.py), if the build has them."""
        settings.check()
        self.markdown.new_build()
        self.templates.new_build()
        if not texts_checked:
            self.check_texts(site)
        ctx = self.context(site, settings, ledger, histories)
        self.reuse.new_build(shared_inputs(ctx))
        plan = SitePlan(ctx, kinds)
        pages = [self.reuse.get(planned.address, planned.key, planned.make) for planned in plan.pages]
        home = "".join(self.reuse.get(planned.address, planned.key, planned.make) for planned in plan.sections)
        contents = {planned.address: self.reuse.get(planned.address, planned.key, planned.make)
                    for planned in plan.files}
        self.reuse.end_build()
        return RenderedSite(plan, pages, home, contents, frozenset(self.reuse.made))

    def check_texts(self, site: Site) -> None:
        """Render every Markdown text of the site once (its pages then reuse the HTML, this build or
        the next: SafeMarkdown keeps the last build's); ProblemsFound naming each that fails."""
        failed = unrenderable_texts(site, self.markdown)
        if failed:
            raise ProblemsFound(failed)


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
