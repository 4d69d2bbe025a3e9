"""An extraction as JSON: the `timeline extract --json` contract, and the on-disk cache record.

One format serves both, so what an editor debugs is exactly what the build reuses. The contract
keys of DESIGN.md are all there; the extra keys (kind, rule, spans of sentences and clauses) are
what the cache needs to rebuild the dataclasses without re-reading the text.
"""

from __future__ import annotations

import datetime as dt

from ..model import DateSpan, PartialDate
from . import EventMention, Extraction, date_span
from .actors import ActorMention
from .dates import FoundDate
from .names import UnknownName


def to_json(extraction: Extraction, text: str, sentences: bool = True) -> dict:
    """`sentences=False` leaves out each date's sentence text (its span stays): the cache needs
    only the span, and a long article would otherwise store its text once per date."""
    return {
        "source": extraction.source,
        "language": extraction.language,
        "published": {
            "date": extraction.published.edtf if extraction.published else None,
            "from": extraction.published_from,
            "evidence": _date(extraction.published_evidence, text, sentences)
            if extraction.published_evidence
            else None,
        },
        "dates": [_date(found, text, sentences) for found in extraction.dates],
        "actors": [{"id": m.actor, "text": m.text, "span": list(m.span)} for m in extraction.actors],
        "mentions": [_mention(m) for m in extraction.mentions],
        "unknown_names": [
            {
                "name": u.key,
                "text": u.text,
                "span": list(u.span),
                "sentence_span": list(u.sentence),
                "keys": list(u.keys),
                "media": u.media,
                "role": u.role,
            }
            for u in extraction.unknown_names
        ],
    }


_SENTENCE_CHARS = 600  # an unpunctuated wall of text is shown around the date, not whole


def _date(found: FoundDate, text: str, sentences: bool) -> dict:
    start, end = found.sentence
    record = {
        "text": found.text,
        "span": list(found.span),
        "start": found.start.isoformat(),
        "end": found.end.isoformat(),
        "precision": found.precision,
        "qualifier": found.qualifier,
        "kind": found.kind,
        "rule": found.rule,
        "sentence": _sentence_text(text, found),
        "sentence_span": [start, end],
    }
    if not sentences:
        del record["sentence"]
    return record


def _sentence_text(text: str, found: FoundDate) -> str:
    start, end = found.sentence
    if end - start <= _SENTENCE_CHARS:
        return text[start:end]
    low = max(start, found.span[0] - _SENTENCE_CHARS // 2)
    high = min(end, found.span[1] + _SENTENCE_CHARS // 2)
    return ("…" if low > start else "") + text[low:high] + ("…" if high < end else "")


def _mention(mention: EventMention) -> dict:
    when = mention.when
    return {
        "date": {
            "start": when.first_day().isoformat(),
            "end": when.last_day().isoformat(),
            "precision": when.precision,
            "qualifier": when.qualifier,
            "edtf": when.edtf,
        },
        "kind": mention.kind,
        "actors": mention.actors,
        "text": mention.text,
        "span": list(mention.span),
        "date_text": mention.date_text,
        "rule": mention.rule,
        "role": mention.role,
        "anchor": mention.anchor,
        "concepts": list(mention.concepts),
        "title": mention.title,
        "names": list(mention.names),
        "numbers": list(mention.numbers),
        "kinds": list(mention.kinds),
        "formerly": mention.formerly.edtf if mention.formerly else None,
        "another": mention.another,
        "anchored_to": list(mention.anchored_to) if mention.anchored_to else None,
    }


def from_json(record: dict) -> Extraction:
    published = record["published"]
    evidence = published.get("evidence")
    return Extraction(
        source=record["source"],
        language=record["language"],
        published=PartialDate.parse(published["date"]) if published["date"] else None,
        published_from=published["from"],
        published_evidence=_found(evidence) if evidence else None,
        dates=[_found(d) for d in record["dates"]],
        actors=[ActorMention(a["id"], a["text"], (a["span"][0], a["span"][1])) for a in record["actors"]],
        mentions=[_event_mention(m) for m in record["mentions"]],
        unknown_names=[
            UnknownName(
                u["name"],
                u["text"],
                tuple(u["span"]),  # type: ignore[arg-type]
                tuple(u["sentence_span"]),  # type: ignore[arg-type]
                tuple(u["keys"]),
                u["media"],
                u.get("role", ""),
            )
            for u in record["unknown_names"]
        ],
    )


def _found(d: dict) -> FoundDate:
    return FoundDate(
        d["text"],
        (d["span"][0], d["span"][1]),
        dt.date.fromisoformat(d["start"]),
        dt.date.fromisoformat(d["end"]),
        d["precision"],
        d["qualifier"],
        d["kind"],
        d["rule"],
        (d["sentence_span"][0], d["sentence_span"][1]),
    )


def _event_mention(m: dict) -> EventMention:
    date = m["date"]
    when = date_span(
        dt.date.fromisoformat(date["start"]),
        dt.date.fromisoformat(date["end"]),
        date["precision"],
        date["qualifier"],
    )
    return EventMention(
        when,
        m["kind"],
        list(m["actors"]),
        m["text"],
        (m["span"][0], m["span"][1]),
        m["date_text"],
        m["rule"],
        role=m["role"],
        anchor=m["anchor"],
        concepts=tuple(m["concepts"]),
        title=m["title"],
        names=tuple(m["names"]),
        numbers=tuple(m["numbers"]),
        kinds=tuple(m["kinds"]),
        formerly=DateSpan.parse(m["formerly"]) if m["formerly"] else None,
        another=bool(m.get("another", False)),
        anchored_to=(m["anchored_to"][0], tuple(m["anchored_to"][1])) if m["anchored_to"] else None,
    )
