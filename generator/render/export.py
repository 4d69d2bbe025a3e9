"""`data/timeline.json`: the whole model, in the shape DESIGN.md's output contract fixes."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Event, Timeline


def timeline_json(timeline: Timeline, root: Path) -> bytes:
    data = {
        "languages": timeline.languages,
        "events": [_event(event) for event in timeline.events],
        "actors": [
            {
                "id": actor.id,
                "type": actor.type,
                "names": actor.names,
                "aliases": {lang: forms for lang, forms in actor.aliases.items() if forms},
                **({"country": actor.country} if actor.country else {}),
            }
            for actor in sorted(timeline.actors.values(), key=lambda a: a.id)
        ],
        "sources": [
            {
                "id": doc.id,
                "language": doc.language,
                "published": doc.published.edtf if doc.published else None,
                "published_from": doc.published_from,
                "title": doc.title,
                "path": doc.path.relative_to(root).as_posix()
                if doc.path.is_relative_to(root)
                else str(doc.path),
            }
            for doc in sorted(timeline.documents.values(), key=lambda d: d.id)
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _event(event: Event) -> dict:
    return {
        "id": event.id,
        "date": event.span.to_json(),
        "kind": event.kind,
        "title": event.title,
        "title_from": event.title_from,
        "summary": event.summary,
        "actors": event.actors,
        "tags": event.tags,
        "origin": event.origin,
        "sources": [
            {
                "source": ref.source,
                "language": ref.language,
                "evidence": ref.evidence,
                "evidence_span": list(ref.evidence_span) if ref.evidence_span else None,
                "date_text": ref.date_text,
                "rule": ref.rule,
                "published": ref.published.edtf if ref.published else None,
            }
            for ref in event.sources
        ],
        "date_reason": event.date_reason,
        "reported_dates": [
            {
                "source": reported.source,
                "date": reported.span.to_json(),
                "date_text": reported.date_text,
                "rule": reported.rule,
                "consistent": reported.consistent,
            }
            for reported in event.reported_dates
        ],
    }
