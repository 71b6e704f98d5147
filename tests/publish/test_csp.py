"""Every page carries a Content-Security-Policy that allows its own scripts and nothing injected."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from briefing.publish.csp import foreign_scripts, inline_script_hashes, script_hash, with_content_security_policy
from briefing_theme import theme_scripts

from conftest import standalone_html

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
    standalone = standalone_html(real_site)
    assert standalone <= set(pages)
    for page in pages:
        html = page.read_text()
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy, page
        if page in standalone:  # whole in itself: nothing may run or be fetched
            assert policy.group(1).startswith("default-src 'none'") and "<script" not in html, page
            continue
        allowed = set(re.findall(r"'sha256-[^']+'", policy.group(1)))
        assert allowed == set(inline_script_hashes(html)) and allowed, page


def test_only_the_scripts_the_site_writes_get_a_hash():
    foreign = "<script>alert(1)</script><script>var a=2</script>"
    page = PAGE.replace("</head>", foreign + "</head>")
    policy = re.search(r'content="([^"]*)"', with_content_security_policy(page, known=OURS)).group(1)
    assert re.findall(r"'sha256-[^']+'", policy) == [script_hash("var a=1")]
    assert foreign_scripts(page, OURS) == ["alert(1)", "var a=2"]
    assert re.findall(r"'sha256-[^']+'", with_content_security_policy(page)) == []  # none known, none run


SCOPE = ('__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
         '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,'
         'a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}')


@pytest.mark.parametrize(("scope", "known"), [("../..", True), (".", True), ("/briefing/es/", True),
                                              ('/x/",alert(1),"', False), ("/x/</script><script>", False),
                                              ("/x/\\u0022", False), ("/x/\n", False)])
def test_the_themes_scripts_are_known_by_their_text_with_only_an_address_where_it_prints_one(scope: str, known: bool):
    body = SCOPE.format(scope=scope)
    assert (foreign_scripts(f"<script>{body}</script>", theme_scripts()) == []) is known


def test_the_themes_scripts_are_read_from_its_templates():
    assert len(theme_scripts()) >= 3  # the scope, the palette, the tab link: every page has these
