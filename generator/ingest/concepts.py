"""A site's own key terms: `content/concepts.toml`, extending or overriding the built-in table.

Same format as `generator/data/concepts.toml` (see its header and the README): one table per
concept with `class`, optional `broader` and `bilateral`, forms per language (`ru`, `kk`, `en`)
and `not` phrases. Every mistake is named with its line and the fix.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..errors import ContentError, raise_all, unknown_keys
from ..extract.concepts import CLASSES, concepts_file_bytes
from ..site_files import exists
from .text import key_line, read_toml, table_lines

_KEYS = {"class", "broader", "bilateral", "ru", "kk", "en", "not"}
_FORM_KEYS = ("ru", "kk", "en", "not")


def read_concepts(path: Path) -> str:
    """The file's text once it is valid; "" when the site has none."""
    if not exists(path):
        return ""
    text, data = read_toml(path)
    lines = table_lines(text)
    built_in = tomllib.loads(concepts_file_bytes().decode("utf-8"))
    known = set(built_in) | set(data)
    errors: list[ContentError] = []
    for concept_id, entry in data.items():
        line = lines.get(concept_id)
        if isinstance(entry, dict):
            keys = sorted(_KEYS)
            at = lambda key, start=line: key_line(text, key, start)  # noqa: E731
            errors += unknown_keys(path, entry, tuple(keys), at, f"[{concept_id}]")
        try:
            _check(path, line, concept_id, entry, known)
        except ContentError as error:
            errors.append(error)
    raise_all(errors)
    return text


def _check(path: Path, line: int | None, concept_id: str, entry: object, known: set[str]) -> None:
    def fail(message: str, fix: str) -> ContentError:
        return ContentError(path, line, f"[{concept_id}]: {message}", fix)

    if not isinstance(entry, dict):
        raise fail("is not a table", f'write it as [{concept_id}] with class = "…" and its forms')
    if entry.get("class") not in CLASSES:
        raise fail(f"class {entry.get('class')!r} is unknown", f"use one of {', '.join(CLASSES)}")
    broader = entry.get("broader")
    if broader is not None and broader not in known:
        raise fail(
            f"broader {broader!r} is no concept", "name a concept of this file or of the built-in table"
        )
    if not isinstance(entry.get("bilateral", False), bool):
        raise fail("bilateral is not true or false", "write bilateral = true or leave it out")
    for key in _FORM_KEYS:
        forms = entry.get(key, [])
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise fail(f"{key} is not a list of words", f'write {key} = ["word", "stem"]')
    if not any(entry.get(key) for key in ("ru", "kk", "en")):
        raise fail("has no forms", "give at least one of ru = […], kk = […], en = […]")
