"""`timeline translate`: event titles and summaries a language lacks, to and from a translator.

`--export kk FILE` writes a gettext catalog of every title and summary with no Kazakh text, each
with its source text, the source's language and the event it belongs to; any PO editor (Poedit,
Lokalize, Weblate) opens it. `--import kk FILE` takes the translated entries back into
`content/translations/kk.po`, which every build applies (generator/merge/translated.py): the
event's pages then show the translation as the editor's own words. Entries already imported
stay unless the new file translates the same text again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from .build import read_chronology
from .errors import ContentError
from .ingest.translations import TRANSLATIONS_DIR, Field, read_catalog
from .model import LANGUAGES, Event, Timeline


@dataclass(frozen=True)
class Untranslated:
    event: Event
    field: Field
    source_language: str
    text: str


def untranslated(timeline: Timeline, language: str) -> list[Untranslated]:
    """Titles and summaries the events have in some language but not in `language`."""
    found = []
    for event in timeline.events:
        for field, texts in ((Field.TITLE, event.title), (Field.SUMMARY, event.summary)):
            if texts and not texts.get(language):
                source = next(lang for lang in (*timeline.languages, *LANGUAGES) if texts.get(lang))
                found.append(Untranslated(event, field, source, texts[source]))
    return found


def export_catalog(root: Path, language: str, target: Path) -> int:
    chronology = read_chronology(root)
    _check_language(language, chronology.timeline.languages)
    catalog = Catalog(locale=language, project=chronology.config.title.get(language, ""), fuzzy=False)
    missing = untranslated(chronology.timeline, language)
    for item in missing:
        event = item.event
        sources = ", ".join(ref.source for ref in event.sources) or "a note"
        catalog.add(
            item.text,
            "",
            context=f"{event.id} {item.field}",
            auto_comments=[
                f"{item.field} of event {event.id} ({event.span.edtf}), written in "
                f"{item.source_language}; sources: {sources}"
            ],
        )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False)
    target.write_bytes(buffer.getvalue())
    return len(missing)


@dataclass(frozen=True)
class Imported:
    path: Path
    added: int
    updated: int
    kept: int
    unknown_events: list[str]


def import_catalog(root: Path, language: str, source: Path) -> Imported:
    """Merges the translated entries of `source` into content/translations/<language>.po."""
    chronology = read_chronology(root)
    _check_language(language, chronology.timeline.languages)
    if not source.is_file():
        raise ContentError(source, None, "no such file", "give the .po file the translator sent back")
    incoming = read_catalog(source)
    target = chronology.config.content_dir / TRANSLATIONS_DIR / f"{language}.po"
    current = read_catalog(target) if target.is_file() else {}
    ids = {event.id for event in chronology.timeline.events}
    added = sum(key not in current for key in incoming)
    updated = sum(key in current and current[key].text != entry.text for key, entry in incoming.items())
    merged = {**current, **incoming}
    catalog = Catalog(locale=language, fuzzy=False)
    for (event, field), entry in sorted(merged.items()):
        catalog.add(entry.source, entry.text, context=f"{event} {field}")
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    target.write_bytes(buffer.getvalue())
    unknown = sorted({event for event, _ in incoming if event not in ids})
    return Imported(target, added, updated, len(current) - updated, unknown)


def _check_language(language: str, languages: list[str]) -> None:
    if language not in languages:
        raise ContentError(
            "timeline translate",
            None,
            f"{language!r} is not a language of this site",
            f"use one of {', '.join(languages)} (site.toml: languages)",
        )
