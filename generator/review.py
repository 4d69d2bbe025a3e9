"""`timeline review`: what an editor should look at, with its evidence and the decision to add.

Three kinds of item: events found in the articles since the last review (`--mark` records
which events have been reviewed, in `.timeline-reviewed.json` beside site.toml), reports that
joined an event on little evidence (generator/merge/explain.py: `weak_joins`), and what
`timeline check` warns about (generator/attention.py). Each item ends with the lines to paste
into content/decisions.toml if the editor disagrees.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .attention import Attention, Finding, findings
from .build import read_chronology
from .errors import ContentError
from .ingest.decisions import DECISIONS_FILE
from .merge.explain import weak_joins
from .model import Event

REVIEWED_FILE = ".timeline-reviewed.json"


class Look(StrEnum):
    NEW = "new event"
    WEAK_JOIN = "weak join"
    WARNING = "warning"


@dataclass(frozen=True)
class ReviewItem:
    look: Look
    subject: str  # an event id, a source id or a name
    evidence: tuple[str, ...]
    decision: str  # TOML for content/decisions.toml; "" when a decision is not the fix


@dataclass
class Review:
    items: list[ReviewItem]
    event_ids: list[str]
    first_review: bool  # no review was marked before: every event is new
    decisions_file: Path = field(default_factory=Path)


def review_site(root: Path, today: dt.date | None = None) -> Review:
    chronology = read_chronology(root)
    timeline = chronology.timeline
    language = chronology.config.default_language
    reviewed = read_reviewed(root)
    by_id = {event.id: event for event in timeline.events}
    items = [_new(event, language) for event in timeline.events if _is_new(event, reviewed)]
    for join in weak_joins(chronology.documents, chronology.extractions, chronology.notes, timeline.actors):
        event = by_id.get(join.event)
        if event is None or join.source not in {ref.source for ref in event.sources}:
            continue  # a decision already dropped, split or moved it
        how = "undated: it took the event's date" if join.undated else join.rule.value
        items.append(
            ReviewItem(
                Look.WEAK_JOIN,
                join.event,
                (
                    f"{join.source} joined event {join.event} «{_title(event, language)}»",
                    f"its report: {join.text}",
                    f"{how} (evidence {join.evidence:.1f}, needed {join.needed:.1f})",
                ),
                _split_off(join.event, join.source),
            )
        )
    items += [
        _warning(finding) for finding in findings(timeline, chronology.extractions, today or dt.date.today())
    ]
    return Review(items, sorted(by_id), reviewed is None, chronology.config.content_dir / DECISIONS_FILE)


def read_reviewed(root: Path) -> set[str] | None:
    path = root / REVIEWED_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        return set(data["events"])
    except (ValueError, KeyError, TypeError):
        raise ContentError(
            path,
            None,
            "not a review record",
            f"delete {REVIEWED_FILE}; timeline review --mark writes it again",
        ) from None


def mark_reviewed(root: Path, review: Review) -> Path:
    path = root / REVIEWED_FILE
    record = {"events": review.event_ids, "note": "written by timeline review --mark"}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return path


def format_review(review: Review) -> str:
    if not review.items:
        return "nothing to review: no new events, no weak joins, no warnings"
    lines = []
    for number, item in enumerate(review.items, 1):
        lines.append(f"{number}. {item.look}: {item.subject}")
        lines.extend(f"   {line}" for line in item.evidence)
        if item.decision:
            lines.append(f"   if it is wrong, add to {review.decisions_file.name}:")
            lines.extend(f"     {line}" for line in item.decision.splitlines())
        lines.append("")
    counts = {look: sum(item.look == look for item in review.items) for look in Look}
    lines.append(", ".join(f"{count} {look}(s)" for look, count in counts.items()))
    if review.first_review:
        lines.append("every event counts as new until a review is marked: timeline review --mark")
    return "\n".join(lines)


def _is_new(event: Event, reviewed: set[str] | None) -> bool:
    return event.origin == "article" and (reviewed is None or event.id not in reviewed)


def _new(event: Event, language: str) -> ReviewItem:
    sources = ", ".join(ref.source for ref in event.sources)
    return ReviewItem(
        Look.NEW,
        event.id,
        (
            f"{event.span.edtf} {event.kind}: «{_title(event, language)}»",
            f"sources: {sources}",
            f"date: {event.date_reason}",
        ),
        f'[[drop]]\nevent = "{event.id}"\nwhy = "…"',
    )


def _warning(finding: Finding) -> ReviewItem:
    decision = ""
    if finding.kind == Attention.TITLE:
        decision = f'[[retitle]]\nevent = "{finding.subject}"\ntitle = {{ ru = "…", kk = "…" }}'
    elif finding.kind == Attention.SAME_DAY:
        decision = f"[[merge]]\nevents = {json.dumps(list(finding.events))}"
    elif finding.kind == Attention.PLAN_PASSED:
        decision = f'[[drop]]\nevent = "{finding.subject}"\nwhy = "did not take place"'
    return ReviewItem(Look.WARNING, finding.subject, tuple(finding.message.splitlines()), decision)


def _split_off(event: str, source: str) -> str:
    apart = f"{event}-{source}"
    return (
        f'[[split]]\nevent = "{event}"\nsources = ["{source}"]\nid = "{apart}"\n'
        f'# and if what it reports is no event of this chronology:\n# [[drop]]\n# event = "{apart}"'
    )


def _title(event: Event, language: str) -> str:
    return event.title.get(language) or next(iter(event.title.values()), "")
