"""Merge: documents' event mentions and editors' notes become one chronology of events.

This first cut does what needs no clustering: each note is an event, and claims the articles it
names as sources (their headline mention joins the note's event instead of standing alone); an
article no note names contributes its headline as an event of its own, dated by publication.
Cross-article clustering comes with the merge stage proper.
"""

from __future__ import annotations

from .extract import EventMention, Extraction
from .model import Actor, DateSpan, Document, Event, Note, Page, SourceRef, Timeline


def merge(
    documents: list[Document],
    extractions: dict[str, Extraction],
    notes: list[Note],
    actors: dict[str, Actor],
    pages: list[Page],
    languages: list[str],
) -> Timeline:
    by_id = {doc.id: doc for doc in documents}
    events = [_note_event(note, by_id, extractions) for note in notes]
    claimed = {source for note in notes for source in note.sources}
    warnings = []
    for document in documents:
        extraction = extractions[document.id]
        if document.id in claimed:
            continue
        if not extraction.mentions:
            warnings.append(
                f"{document.path}: no publication date found and no note names this article, "
                "so it has no event (add a ` date YYYY-MM-DD` first line or cite it from a note)"
            )
            continue
        events.append(_article_event(document, extraction.mentions[0]))
    events.sort(key=Event.sort_key)
    return Timeline(languages, events, actors, by_id, pages, warnings)


def _note_event(note: Note, documents: dict[str, Document], extractions: dict[str, Extraction]) -> Event:
    return Event(
        id=note.id,
        span=note.span,
        kind=note.kind,
        title=note.title,
        summary=note.summary,
        body=note.body,
        actors=note.actors,
        sources=[
            _source_ref(documents[source], extractions[source], f"cited by note {note.id}")
            for source in note.sources
        ],
        tags=note.tags,
        origin="note",
    )


def _article_event(document: Document, mention: EventMention) -> Event:
    return Event(
        # The source id never changes when the headline is edited, so neither does the URL.
        id=document.id,
        span=DateSpan(mention.date),
        kind="occurred",
        title={document.language: document.title},
        summary={},
        body={},
        actors=mention.actors,
        sources=[
            SourceRef(
                document.id,
                document.language,
                document.published or mention.date,
                mention.text,
                mention.span,
                mention.date_text,
                mention.rule,
            )
        ],
        tags=[],
        origin="article",
    )


def _source_ref(document: Document, extraction: Extraction, rule: str) -> SourceRef:
    evidence = extraction.published_evidence
    return SourceRef(
        source=document.id,
        language=document.language,
        published=extraction.published,
        evidence=document.title,
        evidence_span=document.title_span,
        date_text=evidence.text if evidence else None,
        rule=rule,
    )
