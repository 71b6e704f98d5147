"""The open data's description, twice from one source (datapackage.py): data/datapackage.json for
programs, and the codebook page (data/codebook/) for readers, in the build's language.

The descriptions are the package's own text, Markdown as the Data Package standard has them, with
values in `code spans`; the page shows those spans as <code>, and keeps the catalog's marks around
examples a translation leaves in English (<span lang="en">, as the format page prints them), so a
Spanish page never shows English unmarked. Nothing else is markup: all other text is escaped."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial

from markupsafe import Markup, escape

from .context import RenderContext
from .datapackage import column_meaning, data_package
from .outputs import GeneratedPage, Planned
from .pages import FORMAT_DEFINITION, make_page
from .paths import page_source, page_url, relative_file_url, relative_url

PACKAGE_PATH = "data/datapackage.json"
CODEBOOK = page_source("data", "codebook")
_CODE_SPAN = re.compile(r"`([^`]+)`")
# A language mark as the catalog writes it, once escaped (escape() writes " as &#34;).
_LANG_MARK = re.compile(r"&lt;span lang=&#34;([a-z]{2,3})&#34;&gt;(.*?)&lt;/span&gt;")


def plan_data_package(ctx: RenderContext) -> list[Planned]:
    """Made from the format's definition and the settings alone: its key is empty."""
    return [Planned(PACKAGE_PATH, (), partial(package_content, ctx), FORMAT_DEFINITION)]


def package_content(ctx: RenderContext) -> Callable[[], str]:
    text = json.dumps(data_package(ctx._, ctx.site_name, ctx.base_url), ensure_ascii=False, indent=2) + "\n"
    return lambda: text


def code_spans(text: str) -> Markup:
    """A description as HTML: all of it escaped, then each `value` in backticks made a <code> and each
    of the catalog's <span lang="xx"> marks given back, so no text brings any other markup."""
    marked = _LANG_MARK.sub(r'<span lang="\1">\2</span>', str(escape(text)))
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", marked))


def plan_codebook(ctx: RenderContext) -> list[Planned]:
    return [Planned(CODEBOOK, (), partial(codebook_page, ctx), FORMAT_DEFINITION)]


def column_rows(package: dict, gettext: Callable[[str], str]) -> list[dict]:
    """Each column of claims.csv as the codebook's table shows it: its Table Schema type and format
    (names a program reads, shown as code in every language), whether a value is always there, its
    allowed values or pattern, and its meaning with the catalog's language marks."""
    rows = []
    for field in package["resources"][0]["schema"]["fields"]:
        constraints = field.get("constraints", {})
        rows.append({"name": field["name"], "type": field["type"], "format": field.get("format"),
                     "required": constraints.get("required", False), "allowed": constraints.get("enum", ()),
                     "pattern": constraints.get("pattern"),
                     "description": code_spans(column_meaning(field["name"], gettext))})
    return rows


def codebook_page(ctx: RenderContext) -> GeneratedPage:
    here = page_url(CODEBOOK)
    package = data_package(ctx._, ctx.site_name, ctx.base_url)
    claims, briefings = package["resources"]
    return make_page(ctx, CODEBOOK, FORMAT_DEFINITION, ctx._("Codebook"),
                     ctx._("What each column of the open data holds: its type, its allowed values and its meaning."),
                     "codebook.html.j2", claims_description=code_spans(claims["description"]),
                     briefings_description=code_spans(briefings["description"]), columns=column_rows(package, ctx._),
                     claims_url=relative_file_url(here, "data/claims.csv"),
                     briefings_url=relative_file_url(here, "data/briefings.json"),
                     package_url=relative_file_url(here, PACKAGE_PATH),
                     data_url=relative_url(here, "data/"), format_url=relative_url(here, "format/"))
