"""Engine adapter, the theme: what Material for MkDocs expects of the pages it is handed.

- Material prints `page.meta.title` and `page.meta.description`, and our overrides print the
  feed links' and the untranslated title's words, without escaping them: the core's meta is
  text, and `theme_meta` HTML-escapes those values once, here, on their way to the theme;
  `text_meta` reads them back as text (a hand-written page's front matter is written for the
  theme, so it is escaped already).
- The engine builds a page's table of contents from the Markdown it converts; the core's pages
  are HTML already, and the home page gets its sections after conversion, so their tables come
  from their finished HTML (`toc_tokens`, shaped as Python-Markdown's toc tokens).
- The engine makes the theme's Jinja environment afresh for every build and lists the theme's
  files to copy its assets: compiled templates are kept from build to build (TemplateBytecode),
  and the listing skips hidden files (VisibleTemplates: Material keeps 14,000 icons in .icons/).
  A published build compiles the templates that lay out pages before it forks the other
  languages' builds (`compile_theme`), so that they do not compile them again.
- The pages' policy allows only the inline scripts the site writes (briefing/publish/csp.py):
  the theme's own, in its partials/javascripts/ templates, are read from there (`theme_scripts`).
- The theme lays out the same menu, header and footer around every page of a language: the parts
  that differ from page to page only by the addresses they link are laid out once for each set
  of links, and copied (`LayoutOnce`; overrides/partials/nav.html, header.html and main.html ask).
"""
from __future__ import annotations

import functools
import html
import os
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, meta, pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
PRINTED_AS_IS = ("title", "description")  # the meta values the theme prints without escaping


def escape_text(text: str) -> str:
    """Safe in element content and in double-quoted attributes; apostrophes stay readable."""
    return text.translate(_HTML_ESCAPES)


def theme_meta(meta: dict) -> dict:
    """The core's page meta as the theme prints it: its text escaped where the theme does not."""
    shown = {key: escape_text(value) if key in PRINTED_AS_IS and isinstance(value, str) else value
             for key, value in meta.items()}
    if "briefing_feeds" in meta:
        shown["briefing_feeds"] = [{**feed, "title": escape_text(feed["title"])} for feed in meta["briefing_feeds"]]
    if "briefing_title_in" in meta:
        title_in = meta["briefing_title_in"]
        shown["briefing_title_in"] = {**title_in, "title": escape_text(title_in["title"]),
                                      "note": escape_text(title_in["note"])}
    return shown


def text_meta(meta: dict) -> dict:
    """A page's meta as the theme has it, its printed values read back as text."""
    return {key: html.unescape(value) if key in PRINTED_AS_IS and isinstance(value, str) else value
            for key, value in meta.items()}


_THEME_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.S)
# What the theme prints into its scripts (the scope's address: "../..", "/briefing/"): only the
# characters of a path, none that could end the script's string.
_PRINTED_ADDRESS = r"[A-Za-z0-9._~%/:-]*"


@functools.cache
def theme_scripts() -> tuple[re.Pattern, ...]:
    """The inline scripts the theme writes, as patterns of their exact text with an address
    wherever the template prints a value; scripts the template makes with its own logic ({% ... %}
    inside) are left out, so that if the theme ever writes one, its page says so (the build stops)."""
    folder = resources.files("material").joinpath("templates", "partials", "javascripts")
    patterns = []
    for template in sorted(folder.iterdir(), key=lambda entry: entry.name):
        for body in _THEME_SCRIPT.findall(template.read_text(encoding="utf-8")):
            if "{%" not in body:
                parts = _TEMPLATE_VALUE.split(body)
                patterns.append(re.compile(_PRINTED_ADDRESS.join(map(re.escape, parts)), re.S))
    return tuple(patterns)


_HEADING = re.compile(r"<h([1-3])\b([^>]*)\bid=\"([^\"]+)\"([^>]*)>(.*?)</h\1>", re.S)
_LANG = re.compile(r"\blang=\"([^\"]+)\"")


def toc_tokens(page_html: str) -> list[dict]:
    """The h1-h3 headings with an id, nested by level, as Python-Markdown's toc tokens (level, id,
    name, children). Names stay HTML-escaped, as they are in the page: themes print them as they are
    (and so print the language marks heading_text keeps, and that of a heading in another language)."""
    root: list[dict] = []
    open_levels: list[tuple[int, list]] = [(0, root)]
    for level_text, before, anchor, after, inner in _HEADING.findall(page_html):
        level, lang = int(level_text), _LANG.search(before + after)
        name = " ".join(heading_text(inner).split())
        name = f'<span lang="{lang.group(1)}">{name}</span>' if lang else name
        token = {"level": level, "id": anchor, "name": name, "children": []}
        while open_levels[-1][0] >= level:
            open_levels.pop()
        open_levels[-1][1].append(token)
        open_levels.append((level, token["children"]))
    return root


_TAG_OR_LANG_SPAN = re.compile(r"<span\b[^>]*?\blang=\"([^\"]+)\"[^>]*>|<(/?)(\w+)[^>]*>")


def heading_text(inner: str) -> str:
    """A heading's text without its tags, but for the language marks of its parts: a span with a
    lang attribute (a name not yet translated) stays a span with that attribute alone, and code (a
    file's name) stays <code>, so the table of contents marks them as the heading does."""
    out, open_spans = [], []  # for each open <span>: whether it is kept
    position = 0
    for match in _TAG_OR_LANG_SPAN.finditer(inner):
        out.append(inner[position:match.start()])
        position = match.end()
        lang, closing, tag = match.groups()
        if lang:
            out.append(f'<span lang="{lang}">')
            open_spans.append(True)
        elif tag == "span" and not closing:
            open_spans.append(False)
        elif tag == "span" and open_spans and open_spans.pop():
            out.append("</span>")
        elif tag == "code":
            out.append(f"<{closing}code>")
    out.append(inner[position:])
    return "".join(out)


class TemplateBytecode(BytecodeCache):
    """Compiled templates kept in memory, for an environment made afresh for every build
    (compiling the theme's templates is a third of a second a build). Jinja checks each
    template's source against the checksum it was compiled from, so an edited one is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


THEME_PAGES = ("main.html", "404.html")  # what the engine lays out: every page, and the 404 page


def compile_theme(environment: Environment, compiled: TemplateBytecode, names=THEME_PAGES) -> None:
    """Compile into `compiled` the theme's templates that lay out pages: these, and each template
    they name as text ({% extends %}, {% include %}, {% import %}), in turn. One named by an
    expression (Material's language partial) is compiled where it is first used; one named but
    not used (a partial for a feature the site leaves off) is compiled for nothing, a few ms."""
    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source, filename, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
        tree = environment.parse(source, name, filename)
        todo.extend(found for found in meta.find_referenced_templates(tree) if found)
        bucket = compiled.get_bucket(environment, name, filename, source)
        if bucket.code is None:  # as Jinja's loader compiles it, from the tree parsed once
            bucket.code = environment.compile(tree, name, filename)
            compiled.set_bucket(bucket)


class VisibleTemplates(FileSystemLoader):
    """A FileSystemLoader that lists no file in a hidden folder and no hidden file (it still loads
    them). The engine lists the theme's files to copy its assets, and drops every hidden path from
    the list; walking and filtering Material's hidden icons cost a fifth of a second a build."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                inside = folder[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                found.update(f"{inside}/{name}" if inside else name for name in names if not name.startswith("."))
        return sorted(found)


def listing_visible_templates(environment: Environment) -> Environment:
    """The environment, its file loader (if it has a plain one) made a VisibleTemplates."""
    loader = environment.loader
    if type(loader) is FileSystemLoader:
        environment.loader = VisibleTemplates(loader.searchpath, loader.encoding, loader.followlinks)
    return environment


class LayoutOnce:
    """Parts of the theme's layout, each laid out once for every set of links it prints, for one
    build of one language (it lives in that build's Jinja environment: a preview's next build, or
    the other language, makes a new one, and so a menu made from another nav is never reused).

    A part is kept under its name and the links it printed. What it may depend on, and why the
    key holds it or not:
    - the addresses it links: the engine's `url` filter makes each relative to the page (entries/x/
      and entries/y/ link ../../about/ alike; topics/x/ links ../detentions/). They are recorded
      while the part is laid out, and the key is what `url` makes of the same addresses for the
      page at hand: the same links, the same part, without a list of the addresses kept by hand;
    - other values of the page that a part prints without `url` (the __config script's
      `base_url`): the template names them in its call, and they are in the key;
    - the settings, the nav, the language's words: one build's, so the same for every page;
    - anything else of the page (its title, its place in the nav, its table of contents): the
      template does not ask for a part that shows any of it (the menu and the footer are asked
      for only on pages outside the nav: no item of the nav is active there, and MkDocs gives
      them no previous or next page). A part that links other addresses for another page shows
      that it does, and the build stops rather than guess.
    """

    def __init__(self, url_filter: Callable[[Any, str], str]) -> None:
        self._url = url_filter  # the engine's, which makes an address relative to the page
        # for each part: the addresses it links, and its HTML for each (links, other values printed)
        self._parts: dict[str, tuple[tuple[str, ...], dict[tuple[tuple[str, ...], tuple[str, ...]], Markup]]] = {}
        self._recording: list[tuple[str, str]] | None = None

    def install(self, env: Environment) -> Environment:
        """The environment, its `url` filter recording the addresses a part links, and the
        templates' `briefing_layout_once`."""
        env.filters["url"] = self.recorded_url
        env.globals["briefing_layout_once"] = self.part
        return env

    @pass_context
    def recorded_url(self, context: Context, address: str) -> str:
        link = self._url(context, address)
        if self._recording is not None:
            self._recording.append((address, link))
        return link

    @pass_context
    def part(self, context: Context, name: str, *printed: str, caller: Callable[[], str]) -> Markup:
        """`{% call briefing_layout_once(name, *printed) %}...{% endcall %}`: the part, laid out
        once for every set of links and of the other values of the page it prints, which the
        template names (`base_url`, printed without `url`). A part inside another is laid out
        once too, and its links are the enclosing part's as well."""
        kept = self._parts.get(name)
        if kept is not None:
            addresses, laid_out = kept
            links = tuple(self._url(context, address) for address in addresses)
            if (links, printed) in laid_out:
                self._note(list(zip(addresses, links, strict=True)))
                return laid_out[links, printed]
        html, recorded = self._laid_out(caller)
        addresses, links = tuple(address for address, _ in recorded), tuple(link for _, link in recorded)
        if kept is not None and kept[0] != addresses:
            raise RuntimeError(f"the theme's {name} links other addresses on other pages: it cannot be laid out "
                               f"once (briefing_theme.LayoutOnce); take it out of briefing_layout_once")
        self._parts.setdefault(name, (addresses, {}))[1][links, printed] = html
        self._note(recorded)
        return html

    def _laid_out(self, caller: Callable[[], str]) -> tuple[Markup, list[tuple[str, str]]]:
        """The part as the template lays it out, and the addresses it linked."""
        enclosing, self._recording = self._recording, []
        try:
            html = Markup(caller())
        finally:
            recorded, self._recording = self._recording, enclosing
        return html, recorded

    def _note(self, recorded: list[tuple[str, str]]) -> None:
        if self._recording is not None:
            self._recording.extend(recorded)
