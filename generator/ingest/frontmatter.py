"""Front matter: YAML between `---` lines or TOML between `+++` lines, as Hugo reads it."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, toml_error_line


@dataclass
class FrontMatter:
    fields: dict[str, Any]
    body: str
    body_start: int  # character offset of the body in the file's text
    key_lines: dict[str, int]  # top-level key → line number in the file, for error messages

    def line(self, key: str) -> int | None:
        return self.key_lines.get(key)


_FENCES = {"---": "yaml", "+++": "toml"}


class _TextDatesLoader(yaml.SafeLoader):
    """YAML's safe loader, except that `2025-11-06` stays text.

    PyYAML turns it into a date itself and dies on `2025-13-01` with no line number; as text it
    reaches our own date parser, which says which field on which line is wrong.
    """


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
            return tomllib.loads(raw)
        except tomllib.TOMLDecodeError as error:
            line = toml_error_line(error)
            raise ContentError(
                path,
                line + 1 if line else None,
                f"front matter is not valid TOML: {error}",
                'check quotes and `key = value` syntax (strings in "…")',
            ) from None
    try:
        return yaml.load(raw, Loader=_TextDatesLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(
            path,
            line,
            f"front matter is not valid YAML: {problem}",
            "check indentation and quote values that contain ': '",
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
