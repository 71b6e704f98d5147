"""Every page carries a Content-Security-Policy that allows its own scripts and nothing injected."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from briefing.publish.csp import inline_script_hashes, with_content_security_policy

OURS = (re.compile(re.escape("var a=1")),)  # the one inline script this page's site writes
PAGE = ('<html><head><meta charset="utf-8"><script>var a=1</script>'
        '<script type="application/ld+json">{"a": 1}</script><script src="x.js"></script></head><body></body></html>')


def test_the_policy_is_the_first_thing_in_head_and_hashes_inline_scripts_only():
    html = with_content_security_policy(PAGE, known=OURS)
    assert html.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\';')
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert inline_script_hashes(PAGE) == [f"'sha256-{expected}'"]
    assert "'unsafe-inline'" not in re.search(r"script-src[^;]*", html).group(0)


def test_an_injected_script_gets_no_hash():
    """The policy is computed from the theme's page; a script that was not there is not allowed."""
    policy = re.search(r'content="([^"]*)"', with_content_security_policy(PAGE, known=OURS)).group(1)
    injected = inline_script_hashes("<script>alert(1)</script>")[0]
    assert injected not in policy


def test_a_script_in_the_pages_content_gets_no_hash_even_if_it_got_past_the_sanitiser():
    content = "<p>Text</p><script>alert(1)</script>"
    page = PAGE.replace("<body></body>", f"<body><article>{content}</article></body>")
    policy = re.search(r'content="([^"]*)"', with_content_security_policy(page, content, OURS)).group(1)
    assert inline_script_hashes("<script>alert(1)</script>")[0] not in policy
    assert inline_script_hashes(PAGE)[0] in policy  # the theme's own script still runs


def test_every_page_allows_exactly_its_inline_scripts(real_site: Path):
    pages = list(real_site.rglob("*.html"))
    for page in pages:
        html = page.read_text()
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy, page
        allowed = set(re.findall(r"'sha256-[^']+'", policy.group(1)))
        assert allowed == set(inline_script_hashes(html)) and allowed, page
