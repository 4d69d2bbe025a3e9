"""Translations of event titles and summaries: `content/translations/<lang>.po`.

`timeline translate --export kk FILE` writes what has no Kazakh text as a gettext catalog any PO
editor opens; `--import` merges the translator's work into `content/translations/kk.po`, which
every build reads. Each entry is addressed by its context, `<event id> title` or
`<event id> summary`, and keeps the source text it translates as its msgid: when the source
changes, the translation no longer applies, and `timeline check` says so.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po

from ..errors import ContentError, raise_all
from ..model import LANGUAGES
from ..site_files import is_folder, list_folder, read_site_text

TRANSLATIONS_DIR = "translations"


class Field(StrEnum):
    TITLE = "title"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Translation:
    event: str
    field: Field
    source: str  # the text translated, as it was when exported
    text: str  # the translation
    path: Path
    line: int | None


Translations = dict[str, dict[tuple[str, Field], Translation]]  # language → (event, field) → entry


def read_translations(content_dir: Path) -> Translations:
    folder = content_dir / TRANSLATIONS_DIR
    found: Translations = {}
    errors: list[ContentError] = []
    for path in [p for p in list_folder(folder) if p.suffix == ".po"] if is_folder(folder) else []:
        if path.stem not in LANGUAGES:
            errors.append(
                ContentError(
                    path, None, f"{path.name}: no such language", f"name it {', '.join(LANGUAGES)}.po"
                )
            )
            continue
        try:
            found[path.stem] = read_catalog(path)
        except ContentError as error:
            errors.append(error)
    raise_all(errors)
    return found


def read_catalog(path: Path) -> dict[tuple[str, Field], Translation]:
    """The translated, non-fuzzy entries of one catalog, by (event id, field)."""
    try:
        catalog = read_po(io.StringIO(read_site_text(path)), abort_invalid=True)
    except (PoFileError, ValueError) as error:
        raise ContentError(
            path, getattr(error, "lineno", None), f"not a valid .po catalog: {error}", "fix it in a PO editor"
        ) from None
    entries = {}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        # Babel gives the msgid's line; an entry starts at its msgctxt, the line above.
        line = message.lineno - 1 if message.context and message.lineno else message.lineno
        event, _, name = (message.context or "").rpartition(" ")
        if not event or name not in Field.__members__.values():
            raise ContentError(
                path,
                line,
                f"msgctxt {message.context!r} names no event title or summary",
                'keep the msgctxt timeline translate wrote ("<event id> title" or "<event id> summary")',
            )
        entries[(event, Field(name))] = Translation(
            event, Field(name), str(message.id), str(message.string).strip(), path, line
        )
    return entries
