"""A Content-Security-Policy for every page, as a <meta> element (static hosts set no headers).

Scripts run only from the site itself, plus the theme's few inline scripts, each allowed
by the SHA-256 of its exact text: a script injected into a page would have no matching
hash and would not run, even if some other defence failed. JSON blocks (JSON-LD, the
theme's config) are data and need no hash. 'wasm-unsafe-eval' lets the search run
Pagefind's WebAssembly (it compiles WebAssembly only; JavaScript eval stays refused).
"""
from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = ("application/ld+json", "application/json")
_HEAD = re.compile(r"<head[^>]*>", re.I)
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES) or not body.strip():
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def with_content_security_policy(html: str, content: str = "") -> str:
    """The page with its policy as the first element of <head>, before any script. `content` is
    the part of the page made from contributors' text: a script in it gets no hash, even if it
    got past the sanitiser, so it does not run."""
    head = _HEAD.search(html)
    if head is None:
        return html
    untrusted = set(inline_script_hashes(content))
    allowed = [digest for digest in inline_script_hashes(html) if digest not in untrusted]
    policy = POLICY.format(hashes=" ".join(allowed))
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[:head.end()] + meta + html[head.end():]
