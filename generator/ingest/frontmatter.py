"""Front matter: YAML between `---` lines or TOML between `+++` lines, as Hugo reads it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError
from .text import parse_toml


@dataclass
class FrontMatter:
    fields: dict[str, Any]
    body: str
    body_start: int  # character offset of the body in the file's text
    key_lines: dict[str, int]  # top-level key → line number in the file, for error messages

    def line(self, key: str) -> int | None:
        return self.key_lines.get(key)


_FENCES = {"---": "yaml", "+++": "toml"}


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, with three things front matter never needs refused or kept as text.

    - `2025-11-06` stays text: PyYAML turns it into a date itself and dies on `2025-13-01` with no
      line number; as text it reaches our own date parser, which names the field and the line.
    - Anchors and aliases (`&a`, `*a`) are refused: ten nested aliases make a billion values.
    - Explicit tags (`!!bool maybe`, `!!python/object`) are refused: they either fail to build
      with no line or build what no field takes.
    """

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark, "anchors and aliases (*name) are not read in front matter")
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        if node.tag.startswith("!") and not node.tag.startswith("tag:yaml.org,2002:"):
            raise _Refused(node.start_mark, f"the tag {_shown(node.tag)} is not read in front matter")
        if isinstance(node, yaml.ScalarNode) and _explicit_tag(node):
            raise _Refused(node.start_mark, f"the tag {_shown(node.tag)} is not read in front matter")
        return super().construct_object(node, deep)


def _explicit_tag(node: yaml.ScalarNode) -> bool:
    """Whether the scalar's tag was written (`!!int x`) rather than resolved from its look."""
    resolved = _FrontMatterLoader.resolve(_RESOLVER, yaml.ScalarNode, node.value, (True, False))
    return node.tag != resolved and node.tag != "tag:yaml.org,2002:str"


def _shown(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


class _Refused(yaml.MarkedYAMLError):
    def __init__(self, mark, problem: str):  # type: ignore[no-untyped-def]
        super().__init__(problem=problem, problem_mark=mark)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RESOLVER = _FrontMatterLoader("")


def split_front_matter(path: Path, text: str) -> FrontMatter | None:
    """Return the parsed front matter, or None when the file has none."""
    first_line_end = text.find("\n")
    first = (text if first_line_end < 0 else text[:first_line_end]).strip()
    if first not in _FENCES:
        return None
    fence = first
    closing = re.compile(rf"^{re.escape(fence)}[ \t]*\r?$", re.MULTILINE)
    match = closing.search(text, first_line_end + 1)
    if not match:
        raise ContentError(
            path,
            1,
            f"front matter opened with {fence} is never closed",
            f"add a line with {fence} after the last field",
        )
    raw = text[first_line_end + 1 : match.start()]
    fields = _parse(path, raw, _FENCES[fence])
    if not isinstance(fields, dict):
        raise ContentError(
            path,
            2,
            "front matter must be a set of `key: value` fields",
            "write fields such as `title: …` and `date: 2025-11-06`",
        )
    body_start = match.end() + 1 if match.end() < len(text) else match.end()
    key_lines = _key_lines(raw)
    return FrontMatter(fields, text[body_start:], body_start, key_lines)


def _parse(path: Path, raw: str, syntax: str) -> Any:
    if syntax == "toml":
        try:
            return parse_toml(path, raw, first_line=2)
        except ContentError as error:
            error.message = f"front matter: {error.message}"
            error.fix = 'check quotes and `key = value` syntax (strings in "…")'
            raise
    try:
        return yaml.load(raw, Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(
            path,
            line,
            f"front matter is not valid YAML: {problem}",
            "write plain `key: value` fields; quote values that contain ': '",
        ) from None
    except RecursionError:
        raise ContentError(
            path, 2, "front matter is nested too deeply to read", "write plain `key: value` fields"
        ) from None


def _key_lines(raw: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    table = None
    for number, line in enumerate(raw.splitlines(), start=2):
        header = re.match(r"^\[([A-Za-z_][\w-]*)\]", line)
        if header:
            table = header.group(1)
            lines.setdefault(table, number)
            continue
        key = re.match(r"^([A-Za-z_][\w-]*)\s*[:=]", line)
        if key and table is None:
            lines.setdefault(key.group(1), number)
    return lines


def as_date_text(value: Any) -> str:
    """YAML and TOML turn `2025-11-06` into a date and `2025` into a number; we want the text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
