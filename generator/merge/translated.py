"""Translations (content/translations/<lang>.po) applied to the events that lack the language.

A translation applies while its source text is still the event's text: a title the editor or a
source has since changed makes it stale, which the build names so it is exported again.
"""

from __future__ import annotations

from dataclasses import replace

from ..ingest.translations import Field, Translations
from ..model import Event
from .editorial import TRANSLATOR


def translated(events: list[Event], translations: Translations) -> tuple[list[Event], list[str]]:
    stale: list[str] = []
    result = []
    for event in events:
        for language, entries in sorted(translations.items()):
            event = _in_language(event, language, entries, stale)
        result.append(event)
    return result, stale


def _in_language(event: Event, language: str, entries, stale: list[str]) -> Event:
    for field in Field:
        entry = entries.get((event.id, field))
        texts = event.title if field == Field.TITLE else event.summary
        if entry is None or texts.get(language):
            continue
        if entry.source not in texts.values():
            stale.append(
                f"{entry.path}:{entry.line}: the {field} of event {event.id} is no longer «{entry.source}», "
                f"so its translation is not shown (timeline translate --export {language} gives the new text)"
            )
            continue
        if field == Field.TITLE:
            event = replace(
                event,
                title={**event.title, language: entry.text},
                title_from={**event.title_from, language: TRANSLATOR},
            )
        else:
            event = replace(event, summary={**event.summary, language: entry.text})
    return event
