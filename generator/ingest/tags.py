"""The tag registry: `content/tags.toml`, a reader's name per language for each tag notes use.

Notes tag events with short ids (`memorandum`); pages and URLs need a name in the page's
language and an id that is safe in a path. The registry is optional: a tag missing from it is
shown by its id, and `timeline check` says which names to add.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, raise_all, unknown_keys
from ..ids import URL_ID, URL_ID_RULE
from ..model import LANGUAGES, Tag
from ..site_files import exists
from .text import key_line, read_toml, table_lines


def read_tags(path: Path) -> dict[str, Tag]:
    if not exists(path):
        return {}
    text, data = read_toml(path)
    lines = table_lines(text)
    tags = {}
    errors: list[ContentError] = []
    for tag_id, entry in data.items():
        line = lines.get(tag_id)
        if isinstance(entry, dict):
            errors += unknown_keys(
                path, entry, ("names",), lambda key, at=line: key_line(text, key, at), f"[{tag_id}]"
            )
        try:
            tags[tag_id] = _tag(path, line, tag_id, entry)
        except ContentError as error:
            errors.append(error)
    raise_all(errors)
    return tags


def _tag(path: Path, line: int | None, tag_id: str, entry: object) -> Tag:
    if not URL_ID.match(tag_id):
        raise ContentError(
            path,
            line,
            f"[{tag_id}]: a tag id is {URL_ID_RULE} (it is part of a URL)",
            "rename the table",
        )
    names = entry.get("names") if isinstance(entry, dict) else None
    if (
        not isinstance(names, dict)
        or not names
        or not all(
            lang in LANGUAGES and isinstance(name, str) and name.strip() for lang, name in names.items()
        )
    ):
        raise ContentError(
            path,
            line,
            f"[{tag_id}]: names must be a table of non-empty texts per language",
            f'write names = {{ ru = "…", kk = "…", en = "…" }} under [{tag_id}]',
        )
    return Tag(tag_id, {lang: name.strip() for lang, name in names.items()})
