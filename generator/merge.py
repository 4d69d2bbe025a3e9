"""Merge: documents' event mentions and editors' notes become one chronology of events.

This first cut does what needs no clustering: each note is an event, and claims the articles it
names as sources (their headline mention joins the note's event instead of standing alone); an
article no note names contributes its headline as an event of its own, dated by publication.
Cross-article clustering comes with the merge stage proper.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import ContentError, ContentErrors
from .extract import EventMention, Extraction
from .model import Actor, Document, Event, Note, Page, SourceRef, Timeline


def merge(
    documents: list[Document],
    extractions: dict[str, Extraction],
    notes: list[Note],
    actors: dict[str, Actor],
    pages: list[Page],
    languages: list[str],
) -> Timeline:
    # Downstream, a source's publication date is what extraction settled (header, or inferred).
    resolved = {
        doc.id: replace(
            doc,
            published=extractions[doc.id].published,
            published_from=extractions[doc.id].published_from,
        )
        for doc in documents
    }
    events = [_note_event(note, resolved) for note in notes]
    claimed = {source for note in notes for source in note.sources}
    warnings = []
    for document in resolved.values():
        headline = extractions[document.id].headline
        if document.id in claimed:
            continue
        if headline is None:
            warnings.append(
                f"{document.path}: no publication date found and no note names this article, "
                "so it has no event (add a ` date YYYY-MM-DD` first line or cite it from a note)"
            )
            continue
        events.append(_article_event(document, headline))
    _check_unique_ids(events, notes, resolved)
    events.sort(key=Event.sort_key)
    return Timeline(languages, events, actors, resolved, pages, warnings)


def _note_event(note: Note, documents: dict[str, Document]) -> Event:
    return Event(
        id=note.id,
        span=note.span,
        kind=note.kind,
        title=note.title,
        summary=note.summary,
        body=note.body,
        actors=note.actors,
        sources=[_cited_source(documents[source], note.id) for source in note.sources],
        tags=note.tags,
        origin="note",
    )


def _article_event(document: Document, mention: EventMention) -> Event:
    return Event(
        # The source id never changes when the headline is edited, so neither does the URL.
        id=document.id,
        span=mention.when,
        kind=mention.kind,
        title={document.language: document.title},
        summary={},
        body={},
        actors=mention.actors,
        sources=[
            SourceRef(
                document.id,
                document.language,
                document.published,
                mention.text,
                mention.span,
                mention.date_text,
                mention.rule,
            )
        ],
        tags=[],
        origin="article",
    )


def _cited_source(document: Document, note_id: str) -> SourceRef:
    # The note, not the article, dates the event: no words of the article are offered as the date.
    return SourceRef(
        source=document.id,
        language=document.language,
        published=document.published,
        evidence=document.title,
        evidence_span=document.title_span,
        date_text=None,
        rule=f"cited by note {note_id}",
    )


def _check_unique_ids(events: list[Event], notes: list[Note], documents: dict[str, Document]) -> None:
    """An article named like a note would write two events to one page: refuse it."""
    note_paths = {note.id: note.paths[0] for note in notes}
    seen: set[str] = set()
    errors = []
    for event in events:
        if event.id in seen:
            errors.append(
                ContentError(
                    documents[event.id].path,
                    None,
                    f"this article's event id {event.id!r} is also the id of note {note_paths[event.id]}",
                    "rename the note (or set its `id:`), or cite this article in the note's `sources:`",
                )
            )
        seen.add(event.id)
    if errors:
        raise ContentErrors(errors)
