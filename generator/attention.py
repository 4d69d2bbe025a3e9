"""What an editor must look at in a chronology built from articles: `timeline check` lists it.

None of it stops a build. Each finding names its kind, the event or article, and what to do:
titles that are no headline, one article giving several events on one day, a year read far
from what the verb's tense implies, names several articles give that the registry lacks (with
the table to paste), and plans whose day has passed with no report that they happened.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from .extract import Extraction
from .extract.discovered import name_keys, skeleton
from .merge.editorial import EDITORS_TITLES
from .merge.titles import TITLE_LIMIT
from .model import Timeline

_STUB = '[{id}]\ntype = "person"  # or org, place, country\nnames = {{ ru = "…", kk = "…", en = "…" }}'
_FAR_DAYS = 183  # a year guessed for «6 ноября» lands this far from the report: look at it
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b|^\W*\d{1,2}[./]\d{1,2}[./]\d{2,4}\W*$")


class Attention(StrEnum):
    TITLE = "title"
    SAME_DAY = "same day"
    YEAR = "year"
    NAME = "name"
    PLAN_PASSED = "plan passed"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: Attention
    subject: str  # an event id, a source id or a name
    message: str
    events: tuple[str, ...] = ()  # the events it is about, when several


def findings(timeline: Timeline, extractions: dict[str, Extraction], today: dt.date) -> list[Finding]:
    return [
        *_titles(timeline),
        *_same_day(timeline),
        *_far_years(timeline, extractions),
        *_names(timeline, extractions),
        *_passed_plans(timeline, today),
    ]


def _titles(timeline: Timeline) -> list[Finding]:
    found = []
    for event in timeline.events:
        for language, title in sorted(event.title.items()):
            if event.title_from.get(language) in EDITORS_TITLES:
                continue
            fault = _title_fault(title)
            if fault:
                found.append(
                    Finding(
                        Attention.TITLE,
                        event.id,
                        f"event {event.id}: the {language} title {fault}: «{title}» "
                        f'(add a [[retitle]] with event = "{event.id}" and title = {{ {language} = "…" }} '
                        "to content/decisions.toml)",
                    )
                )
    return found


def _title_fault(title: str) -> str | None:
    if title.endswith("…") or len(title) > TITLE_LIMIT:
        return "is a cut sentence, not a headline"
    if _TIMESTAMP.search(title):
        return "holds a time of day"
    if title[:1].islower() or len(title.split()) < 3:
        return "is a fragment"
    return None


def _same_day(timeline: Timeline) -> list[Finding]:
    by_day: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in timeline.events:
        if event.origin == "article" and event.span.precision == "day" and event.span.end is None:
            for ref in event.sources:
                by_day[(ref.source, event.span.edtf)].append(event.id)
    return [
        Finding(
            Attention.SAME_DAY,
            source,
            f"{source}: {len(events)} events on {day} ({', '.join(events)}): if they are one "
            f"happening, add a [[merge]] with events = {json.dumps(events)} to content/decisions.toml",
            tuple(events),
        )
        for (source, day), events in sorted(by_day.items())
        if len(events) > 1
    ]


def _far_years(timeline: Timeline, extractions: dict[str, Extraction]) -> list[Finding]:
    found = []
    for source, extraction in sorted(extractions.items()):
        published = extraction.published.first_day() if extraction.published else None
        if published is None or extraction.published.day is None:
            continue
        for date in extraction.dates:
            if "year:" in date.rule and abs((date.start - published).days) > _FAR_DAYS:
                found.append(
                    Finding(
                        Attention.YEAR,
                        source,
                        f"{source}: «{date.text}» is read as {date.start.isoformat()}, "
                        f"{abs((date.start - published).days)} days from the report ({date.rule}); "
                        "if the year is wrong, add a [[redate]] of its event to content/decisions.toml",
                    )
                )
    return found


def _names(timeline: Timeline, extractions: dict[str, Extraction]) -> list[Finding]:
    seen: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, list[str]] = defaultdict(list)
    for source, extraction in sorted(extractions.items()):
        for name in extraction.unknown_names:
            if not name.media and len(name.key.split()) <= 4:
                # One name in every script: «Ертіс Жол» and "Ertis Zhol" are one proposal.
                key = " ".join(name_keys(name.key)) or name.key.lower()
                seen[key].add(source)
                if name.key not in forms[key]:
                    forms[key].append(name.key)
    found = []
    for name, sources in sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(sources) < 2:
            continue
        written = forms[name]
        latin = [f for f in written if f.isascii()]
        stub = _STUB.format(id=_stub_id(latin[0] if latin else written[0]))
        name = " = ".join(f"«{f}»" for f in written[:4])
        found.append(
            Finding(
                Attention.NAME,
                name,
                f"{name} is named in {len(sources)} articles ({', '.join(sorted(sources))}) and is not in "
                f"content/actors.toml; to give it names in every language, paste:\n{stub}",
            )
        )
    return found


def _stub_id(name: str) -> str:
    """A registry id to start from: the name's Latin letters, or its consonant key."""
    latin = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return latin if latin and latin.isascii() else "-".join(skeleton(w) for w in name.split()) or "name"


def _passed_plans(timeline: Timeline, today: dt.date) -> list[Finding]:
    return [
        Finding(
            Attention.PLAN_PASSED,
            event.id,
            f"event {event.id}: planned for {event.span.edtf}, which has passed, and no source says "
            "it happened (add the report, or a note with `kind: occurred`)",
        )
        for event in timeline.events
        if event.kind == "planned" and event.span.last_day() < today
    ]
