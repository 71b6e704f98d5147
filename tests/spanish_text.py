"""What a reader of a Spanish page reads that is meant to be in Spanish, and the English interface
texts that must never be part of it.

`spanish_text(html)` is the page's text and the attributes a reader or a screen reader meets
(aria-label, title, alt, placeholder, and the description and link-preview meta), leaving out
addresses written as text, whatever is marked as another language (an element with lang="en"
and all inside it: an entry's English title where no translation exists) and code (<code>,
<pre>, scripts, styles). The page's <title> and title meta are left out too: an untranslated
entry's title is its English one, marked "(en inglés)", and the <h1> that every page has says
the same in the page's text.

`english_interface_phrases()` are the interface's English texts: every msgid of the Spanish
catalog cut at its placeholders and markup (fragments of at least two words, or one word of four
letters or more; SAME_IN_SPANISH and file names aside), and the theme's own English strings.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from babel.messages.pofile import read_po

from briefing.render.i18n import LOCALE_FOLDER

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CODE = {"code", "pre", "script", "style", "template", "title"}
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
READ_META = {"description", "og:description", "og:image:alt", "twitter:description"}
# Material's own strings (its English), and the site's navigation, as an English page shows them.
THEME_ENGLISH = ("Skip to content", "Back to top", "Table of contents", "Initializing search",
                 "Type to start searching", "Switch to dark mode", "Switch to light mode", "Search",
                 "Previous", "Next", "Home", "Topics", "Open data", "How to contribute", "January",
                 "February", "March", "April", "June", "July", "August", "September", "October",
                 "November", "December")
# Texts Spanish writes as English does: names of formats, and placeholders alone. Any other msgstr
# equal to its msgid is an English text left untranslated (tests/render/test_catalogs.py).
SAME_IN_SPANISH = {"Atom", "JSON Feed", "BibTeX", "CSL-JSON", "HTML", "Actor", "actor", "id", "no", "{amount}",
                   "{name}, {role}", "{site}: {topic}"}
FILE_NAME = re.compile(r"[\w-]+\.(csv|json|xml|bib|html|yaml)")
ADDRESS = re.compile(r"\bhttps?://\S+")  # an address shown as text (a citation's) is in no language
PLACEHOLDER_OR_TAG = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|<[^>]+>|%%")


class SpanishText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, left out)
        self.parts: list[str] = []

    def left_out(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = tag in CODE or (attributes.get("lang") or "es").split("-")[0] not in ("es", "")
        if not self.left_out() and not skip:
            self.parts += [attributes[name] or "" for name in READ_ATTRIBUTES if name in attributes]
            if tag == "meta" and (attributes.get("name") or attributes.get("property")) in READ_META:
                self.parts.append(attributes.get("content") or "")
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.left_out():
            self.parts.append(data)


def spanish_text(html: str) -> str:
    parser = SpanishText()
    parser.feed(html)
    return " ".join(ADDRESS.sub(" ", " ".join(parser.parts)).split())


def english_interface_phrases() -> set[str]:
    with open(LOCALE_FOLDER / "es" / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po, locale="es")
    phrases = set(THEME_ENGLISH)
    for message in catalog:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for msgid in ids:
            if not msgid or msgid in SAME_IN_SPANISH:
                continue  # the header, or a text Spanish writes the same
            for fragment in PLACEHOLDER_OR_TAG.split(msgid):
                fragment = fragment.strip(" .,;:()\"'–-")
                if fragment in SAME_IN_SPANISH or FILE_NAME.fullmatch(fragment):
                    continue  # a format's name (BibTeX), a file's (claims.csv): the same in Spanish
                if len(fragment.split()) >= 2 or len(fragment) >= 4:
                    phrases.add(fragment)
    return phrases


def english_phrases_in(text: str, phrases: set[str]) -> list[str]:
    """Each phrase found as whole words (a file name such as claims.csv is not the word "claims")."""
    return sorted(p for p in phrases if re.search(r"(?<![\w.])" + re.escape(p) + r"(?!\w|\.\w)", text))
