"""Which words of each source a reader's eye is pointed at, and the event each one dates.

Extraction knows where dates and actors are; only merge knows which event a report became.
A word inside the evidence of an event's report belongs to that event (the narrowest evidence
wins where reports nest, as a section inside a lead does); other words are still shown, unlinked
to any event, so an editor sees everything the extractor read.
"""

from __future__ import annotations

from ..extract import Extraction
from ..model import Event, Highlight


def highlights_of(events: list[Event], extractions: dict[str, Extraction]) -> dict[str, list[Highlight]]:
    evidence: dict[str, list[tuple[int, int, str]]] = {}
    for event in events:
        for ref in event.sources:
            if ref.evidence_span is not None:
                evidence.setdefault(ref.source, []).append((*ref.evidence_span, event.id))
    result = {}
    for source, extraction in extractions.items():
        spans = sorted(evidence.get(source, []), key=lambda s: (s[1] - s[0], s[0], s[2]))
        words = [
            Highlight(*found.span, "date", None, _event_at(found.span, spans)) for found in extraction.dates
        ]
        words += [
            Highlight(*mention.span, "actor", mention.actor, _event_at(mention.span, spans))
            for mention in extraction.actors
        ]
        result[source] = _without_overlaps(sorted(words, key=lambda h: (h.start, -h.end)))
    return result


def _event_at(span: tuple[int, int], evidence: list[tuple[int, int, str]]) -> str | None:
    return next((event for start, end, event in evidence if start <= span[0] and span[1] <= end), None)


def _without_overlaps(words: list[Highlight]) -> list[Highlight]:
    """Markup cannot cross: an actor inside a date phrase («к визиту Токаева 6 ноября») keeps the
    longer, earlier phrase."""
    kept: list[Highlight] = []
    for word in words:
        if not kept or word.start >= kept[-1].end:
            kept.append(word)
    return kept
