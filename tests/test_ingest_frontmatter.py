"""Front matter that is not plain fields is refused at its line: aliases, tags, deep nesting."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.ingest.frontmatter import split_front_matter
from generator.ingest.text import decode


def _refusal(front: str, fence: str = "---") -> ContentError:
    with pytest.raises(ContentError) as failure:
        split_front_matter(Path("note.md"), f"{fence}\n{front}{fence}\nТекст.\n")
    return failure.value


def test_plain_fields_are_read_and_dates_stay_text():
    front = split_front_matter(Path("n.md"), "---\ntitle: Встреча\ndate: 2025-11-06\ntags: [a, b]\n---\n")
    assert front is not None and front.fields == {
        "title": "Встреча",
        "date": "2025-11-06",
        "tags": ["a", "b"],
    }


def test_an_alias_bomb_is_refused_at_the_first_alias():
    bomb = 'a: &a ["x", "x"]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'
    error = _refusal(bomb)
    assert error.line == 3 and "aliases" in error.message


@pytest.mark.parametrize(
    "value", ["!!bool maybe", "!!int x", "!!timestamp 2026-13-45", "!!python/object:os.system x"]
)
def test_a_tagged_value_is_refused_at_its_line(value):
    error = _refusal(f"title: Встреча\nkind: {value}\n")
    assert error.line == 3 and "tag" in error.message


@pytest.mark.parametrize("fence, line", [("---", "d: "), ("+++", "d = ")])
def test_nesting_5000_levels_deep_is_refused(fence, line):
    error = _refusal(line + "[" * 5000 + "]" * 5000 + "\n", fence)
    assert "nested too deeply" in error.message and error.line == 2


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_a_byte_order_mark_is_decoded(encoding):
    text = "Министры встретились 5 мая 2025 года в Астане.\nТекст статьи."
    assert decode(Path("a.txt"), text.encode(encoding)) == (text, encoding)


def test_binary_content_is_refused():
    with pytest.raises(ContentError) as failure:
        decode(Path("a.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert "NUL bytes" in failure.value.message
