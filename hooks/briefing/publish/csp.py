"""A Content-Security-Policy for every page, as a <meta> element (static hosts set no headers).

Scripts run only from the site itself, plus the few inline scripts the site writes, each allowed
by the SHA-256 of its exact text. Which those are is said, not found: the engine's adapter gives
their texts as patterns (briefing_theme.py: the theme's own, read from its templates), and an
inline script that matches none gets no hash, wherever it came from (a setting, a template, a
plugin, contributor text past the sanitiser), so it does not run even if some other defence
failed; `foreign_scripts` names them, for the build to refuse. JSON blocks (JSON-LD, the theme's
config) are data and need no hash. 'wasm-unsafe-eval' lets the search run Pagefind's
WebAssembly (it compiles WebAssembly only; JavaScript eval stays refused).
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = ("application/ld+json", "application/json")
_HEAD = re.compile(r"<head[^>]*>", re.I)
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in `html` that a browser would run (not data, not empty)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES) or not body.strip():
            continue
        scripts.append(body)
    return scripts


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    return list(dict.fromkeys(script_hash(body) for body in inline_scripts(html)))


def foreign_scripts(html: str, known: Iterable[re.Pattern]) -> list[str]:
    """The inline scripts of `html` that the site does not write: they get no hash."""
    return _sorted_scripts(html, known)[1]


def with_content_security_policy(html: str, content: str = "", known: Iterable[re.Pattern] = ()) -> str:
    """The page with its policy as the first element of <head>, before any script. Only the
    scripts that match a pattern of `known` (whole) get a hash. `content` is the part of the page
    made from contributors' text: a script in it gets no hash, even one the site writes too."""
    return with_policy_and_foreign_scripts(html, content, known)[0]


def with_policy_and_foreign_scripts(html: str, content: str = "",
                                    known: Iterable[re.Pattern] = ()) -> tuple[str, list[str]]:
    """with_content_security_policy's page, and foreign_scripts' list: the page's scripts read once."""
    ours, foreign = _sorted_scripts(html, known)
    head = _HEAD.search(html)
    if head is None:
        return html, foreign
    untrusted = set(inline_script_hashes(content))
    allowed = [digest for digest in dict.fromkeys(map(script_hash, ours)) if digest not in untrusted]
    policy = POLICY.format(hashes=" ".join(allowed))
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[:head.end()] + meta + html[head.end():], foreign


def _sorted_scripts(html: str, known: Iterable[re.Pattern]) -> tuple[list[str], list[str]]:
    """The page's inline scripts: those a pattern of `known` matches whole, and the others."""
    patterns = tuple(known)
    ours: list[str] = []
    foreign: list[str] = []
    for body in inline_scripts(html):
        (ours if any(pattern.fullmatch(body) for pattern in patterns) else foreign).append(body)
    return ours, foreign
