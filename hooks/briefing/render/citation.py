"""Cite this: a citation of an entry or a figure page, in three forms that say the same thing.

A citation names the site as the corporate author (the format names no authors of entries), the
page's title, the site, the date the page was first published, the date of the version cited (the
day it last changed) and its permanent address: the page's canonical address under the site's
published address. Readers copy it as plain text from the page (templates/_citation.html.j2,
which lays it out in the page's language) or take it as BibTeX (cite.bib) or CSL-JSON (cite.json)
files beside the page.

CSL-JSON's item type is "webpage", not "article-newspaper": the site is not a periodical with
issues, its entries are changed after they are published (a newspaper article is cited as
printed), and a figure's page is no article at all. CSL styles print a webpage with its site's
name and address, which is what a reader needs to find the version cited.

BibTeX files are UTF-8: accents and other letters are kept as written (biber, and BibTeX 0.99 on
UTF-8 input, read them; a note at the top of the file says so). Everything BibTeX or LaTeX would
read as markup (braces, backslash, % & # _ $ ^ ~) is written as a LaTeX command, so no title can
unbalance an entry's braces or end it early (BibTeX counts even an escaped brace, so braces are written
as the commands textbraceleft and textbraceright).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

CITE_FILES = {"bibtex": "cite.bib", "csl": "cite.json"}  # beside the page, in its folder
BIBTEX_LANGUAGES = {"en": "english", "es": "spanish"}  # biblatex's langid for each site language
BIBTEX_NOTE = "% UTF-8: letters with accents are kept as written; read with biber or a UTF-8 aware BibTeX.\n"
_LATEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
                   "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_LATEX_SPECIAL = re.compile(r"[\\{}%&#_$^~]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Citation:
    """What every form of a page's citation says. `key` is the BibTeX key and the CSL-JSON id."""
    key: str
    title: str
    author: str      # the site's name: the site is the corporate author
    site_name: str
    url: str         # the page's permanent address
    language: str    # the language of the title ("en", "es")
    dates: tuple[dt.date, dt.date] | None  # (published, changed), None if the page has none yet


def one_line(text: str) -> str:
    """Text on one line: a citation field holds no line breaks or tabs."""
    return _SPACES.sub(" ", text).strip()


def latex_text(text: str) -> str:
    """Text BibTeX and LaTeX print as it is written, whatever it holds."""
    return _LATEX_SPECIAL.sub(lambda found: _LATEX_SPECIALS[found.group()], one_line(text))


def latex_url(url: str) -> str:
    """An address in a BibTeX field: characters that would unbalance its braces are percent-encoded
    (published addresses are checked and have none; this keeps the file well formed if one did)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex(citation: Citation) -> str:
    """A biblatex @online entry; the author in double braces is a corporate name, never split into
    first and last names, and the title's too, so no style changes its case."""
    fields = [("author", "{" + latex_text(citation.author) + "}"), ("title", "{" + latex_text(citation.title) + "}"),
              ("organization", latex_text(citation.site_name))]
    if citation.dates:
        published, changed = citation.dates
        fields += [("date", published.isoformat()), ("year", str(published.year)),
                   ("note", f"Last changed {changed.isoformat()}")]
    fields += [("url", latex_url(citation.url)), ("langid", BIBTEX_LANGUAGES.get(citation.language, "english"))]
    lines = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"{BIBTEX_NOTE}@online{{{citation.key},\n{lines}\n}}\n"


def date_parts(day: dt.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_json(citation: Citation) -> str:
    """A CSL-JSON list of one item (what reference managers import). CSL has no variable for the
    day a web page changed: the version cited is said in `note`, as in the BibTeX entry."""
    item: dict = {"id": citation.key, "type": "webpage", "title": one_line(citation.title),
                  "author": [{"literal": one_line(citation.author)}], "container-title": one_line(citation.site_name),
                  "URL": citation.url, "language": citation.language}
    if citation.dates:
        published, changed = citation.dates
        item |= {"issued": date_parts(published), "note": f"Last changed {changed.isoformat()}"}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
