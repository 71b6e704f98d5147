"""The YAML reader: what it refuses, and what it keeps exactly as written."""
from __future__ import annotations

from briefing.format.nodes import node_at
from briefing.read.yamlsafe import MAX_BYTES, parse_yaml

BOMB = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(8))


def problems_of(data: bytes) -> list[str]:
    return [str(problem) for problem in parse_yaml("f.yaml", data)[1]]


def test_scalars_stay_text_whatever_yaml_1_1_would_guess():
    root, problems = parse_yaml("f.yaml", b"a: no\nb: 0755\nc: 1:30\nd: 2026-01-13\ne: '2026-01-13'\n")
    assert problems == []
    assert {key: node.value for key, node in root.value.items()} == {
        "a": "no", "b": "0755", "c": "1:30", "d": "2026-01-13", "e": "2026-01-13"}
    assert root.value["d"].plain and not root.value["e"].plain


def test_nulls_are_none_but_quoted_empty_text_is_not():
    root, _ = parse_yaml("f.yaml", b"a:\nb: ~\nc: ''\nd: null\n")
    assert [root.value[key].value for key in "abcd"] == [None, None, "", None]


def test_positions_count_from_one():
    root, _ = parse_yaml("f.yaml", b"a:\n  - x\n  - y\n")
    item = node_at(root, "a", 1)
    assert (item.value, item.line, item.col) == ("y", 3, 5)


def test_alias_bomb_is_refused_at_its_first_anchor():
    assert problems_of(BOMB) == ["f.yaml:1:4: (file): anchors ('&a') are not allowed; write the value out"]


def test_duplicate_keys_name_the_first_one():
    assert problems_of(b"a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: (file): duplicate key 'a' (first at line 1); keep one"]


def test_tags_are_refused():
    assert problems_of(b"a: !!python/object/apply:os.system ['true']\n") == [
        "f.yaml:1:4: (file): YAML tags ('!!python/object/apply:os.system') are not allowed; remove the tag"]


def test_a_second_document_is_refused():
    assert problems_of(b"a: 1\n---\nb: 2\n") == [
        "f.yaml:2:1: (file): more than one YAML document ('---'); one entry per file"]


def test_a_bom_is_accepted():
    root, problems = parse_yaml("f.yaml", b"\xef\xbb\xbfa: 1\n")
    assert problems == [] and root.value["a"].value == "1"


def test_files_over_the_cap_are_refused_before_parsing():
    data = b"a: " + b"x" * MAX_BYTES
    assert problems_of(data) == ["f.yaml: (file): file is larger than 256 KiB; split it or shorten it"]


def test_deep_nesting_is_refused():
    assert problems_of(b"a: " + b"[" * 40 + b"]" * 40) == ["f.yaml:1:35: (file): nested more than 32 levels deep"]


def test_non_utf8_is_refused_with_its_offset():
    assert problems_of(b"title: caf\xe9\n") == [
        "f.yaml:1:11: (file): file is not UTF-8 (bad byte at offset 10); save it as UTF-8"]


def test_utf16_is_named():
    assert problems_of("a: 1\n".encode("utf-16")) == ["f.yaml: (file): file is saved as UTF-16; save it as UTF-8"]


def test_tabs_get_a_hint():
    assert problems_of(b"a:\n\t- b\n") == [
        "f.yaml:2:1: (file): not valid YAML: found character that cannot start any token; "
        "indent with spaces, not tabs"]


def tree(node):
    """A node tree as plain data, positions included, to compare the two readers."""
    if node.kind == "scalar":
        return (node.value, node.plain, node.line, node.col)
    if node.kind == "seq":
        return [tree(item) for item in node.value] + [(node.line, node.col)]
    return {key: (tree(value), node.keys[key].line, node.keys[key].col) for key, value in node.value.items()}


def test_the_fast_reader_builds_the_same_tree_as_the_careful_one():
    from briefing.read.yamlsafe import read_careful, read_fast

    from conftest import REPO, TOY
    files = [*(REPO / "briefings").rglob("*.yaml"), *TOY.rglob("*.yaml")]
    compared = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, careful = read_fast(text), read_careful(text)
        if fast is not None:
            assert tree(fast) == tree(careful), path
            compared += 1
    assert compared >= len(files) // 2


def test_block_collections_nested_on_one_line_go_to_the_careful_reader():
    """However the markers and the blanks between them are written ("- - x", "? - x", tabs)."""
    from briefing.read.yamlsafe import read_fast
    for text in ("a: - - x\n", "- - x\n", "? - x\n", "-  ?\tx\n", "a:\n  - -\n", "x:\n  - ? y\n", "- ? - z\n"):
        assert read_fast(text) is None, repr(text)
    assert read_fast("a:\n  - b-c - d\n") is not None  # dashes inside words nest nothing


def test_the_nested_shape_is_found_as_the_one_pattern_it_stands_for_finds_it():
    """The shape is searched as two patterns (each led by one character, for speed); on every short
    text of its characters they find what the one pattern "[-?][ \\t]+[-?][ \\t\\n]" finds."""
    import itertools
    import re

    from briefing.read.yamlfast import _nested_on_one_line
    pattern = re.compile(r"[-?][ \t]+[-?][ \t\n]")
    for size in range(1, 7):
        for letters in itertools.product("-? \ta\n", repeat=size):
            text = "".join(letters)
            assert _nested_on_one_line(text) == bool(pattern.search(text)), repr(text)
