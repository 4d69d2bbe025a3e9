"""From a cluster of reports to an event: its id, date, kind, titles, actors and sources.

The date is the most precise one the reports agree on; every report's own date is kept with it,
marked when it does not fit (a date conflict). Titles stay in the language they were written in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..model import DateSpan, Document, Event, ReportedDate, SourceRef
from .candidates import REPORT_LAG, Candidate
from .cluster import Cluster
from .titles import event_titles


def event_of(cluster: Cluster, event_id: str, documents: dict[str, Document]) -> Event:
    members = sorted(cluster.members, key=Candidate.order)
    note = cluster.note
    if note is not None:
        span, reason = note.span, f"fixed by the note {note.id}"
    else:
        # Reports that only nearly fit (a day off, a preview of a day since moved) never date it.
        span, reason = _chosen_date([m for m in members if id(m) not in cluster.near] or members)
    low, high = _days(span)
    reported = [
        ReportedDate(
            m.source,
            m.mention.when,
            m.mention.date_text,
            m.mention.rule,
            consistent=m.low <= high and low <= m.high,
        )
        for m in sorted(members, key=Candidate.report_order)
    ]
    sources = _sources(members, documents)
    if note is not None:
        reporting = {ref.source for ref in sources}
        sources += [
            _cited(documents[s], note.id) for s in note.sources if s not in reporting and s in documents
        ]
        sources.sort(key=_publication_order)
        return Event(
            id=note.id,
            span=note.span,
            kind=note.kind,
            title=note.title,
            summary=note.summary,
            body=note.body,
            actors=note.actors,
            sources=sources,
            tags=note.tags,
            aliases=list(note.aliases),
            happening=_happening(members),
            image=note.image,
            image_path=note.image_path,
            image_alt=dict(note.image_alt),
            origin="note",
            title_from={language: "note" for language in note.title},
            reported_dates=reported,
            date_reason=reason,
        )
    titles = event_titles(members)
    return Event(
        id=event_id,
        span=span,
        kind=_kind(members),
        title={language: text for language, (text, _) in titles.items()},
        summary={},
        body={},
        actors=_actors(members),
        sources=sources,
        tags=[],
        origin="article",
        title_from={language: origin for language, (_, origin) in titles.items()},
        reported_dates=reported,
        date_reason=reason,
        happening=_happening(members),
    )


def _happening(members: list[Candidate]) -> str | None:
    """The kind of happening most reports name, the narrowest first on a tie: what a title
    built in a language no report is written in names (generator/render/built_titles.py)."""
    votes = Counter(kind for member in members for kind in member.specific)
    if not votes:
        return None
    return min(votes, key=lambda kind: (-votes[kind], kind))


def first_report(cluster: Cluster) -> Candidate:
    """The earliest report that dates the happening (undated ones only when none does)."""
    dated = [m for m in cluster.members if m.mention.anchor != "undated"] or cluster.members
    return min(dated, key=Candidate.report_order)


def _chosen_date(members: list[Candidate]) -> tuple[DateSpan, str]:
    """The narrowest days any report gives; among reports equally precise, the date most of the
    reports fit, then the first report's."""
    best = members[0]  # members come most precise first
    if best.mention.anchor == "publication":
        reported = [m for m in members if m.mention.anchor == "publication"]
        first = min(reported, key=lambda m: (m.mention.when.sort_key(), *m.report_order()))
        published = first.mention.when
        reporters = ", ".join(sorted({m.source for m in reported}))
        if published.precision != "day":  # known only to the month or year: so is the event
            return published, f"no report names a date; reported in {published.edtf} by {reporters}"
        return (
            DateSpan(published.start, qualifier="approximate"),
            f"no report names the day; reported on {published.edtf} by {reporters}, "
            f"so it happened that day or up to {REPORT_LAG.days} days before",
        )
    precise = [m for m in members if m.days == best.days and m.mention.anchor == "text"]
    windows = {(m.low, m.high) for m in precise}  # few: they all overlap the event's days
    support = {w: sum(o.low <= w[0] and w[1] <= o.high for o in members) for w in windows}
    best = min(precise, key=lambda m: (-support[(m.low, m.high)], *m.report_order()))
    words = f"«{best.mention.date_text}»" if best.mention.date_text else best.mention.when.edtf
    return best.mention.when, f"the most precise date given: {words} in {best.source}"


def _days(span: DateSpan) -> tuple[dt.date, dt.date]:
    low, high = span.first_day(), span.last_day()
    if span.qualifier == "approximate" and span.precision == "day":
        low -= REPORT_LAG
    return low, high


def _kind(members: list[Candidate]) -> str:
    kinds = {m.mention.kind for m in members}
    if "target" in kinds:
        return "target"
    if "occurred" in kinds:
        return "occurred"
    # A plan some report says was called off, and none that it took place: cancelled.
    return "cancelled" if "cancelled" in kinds else "planned"


def _actors(members: list[Candidate]) -> list[str]:
    """Those named by most reports first; ties in the order the first report names them."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for member in sorted(members, key=Candidate.report_order):
        for actor in member.mention.actors:
            counts[actor] = counts.get(actor, 0) + 1
            first_seen.setdefault(actor, len(first_seen))
    return sorted(counts, key=lambda a: (-counts[a], first_seen[a]))


def _sources(members: list[Candidate], documents: dict[str, Document]) -> list[SourceRef]:
    """One entry per article: its most precise report of the happening."""
    chosen: dict[str, Candidate] = {}
    for member in members:  # already most precise first
        chosen.setdefault(member.source, member)
    refs = []
    for source, member in chosen.items():
        document = documents[source]
        mention = member.mention
        refs.append(
            SourceRef(
                source,
                document.language,
                document.published,
                mention.text,
                mention.span,
                mention.date_text,
                mention.rule,
            )
        )
    refs.sort(key=_publication_order)
    return refs


def _publication_order(ref: SourceRef) -> tuple:
    return (ref.published.sort_key() if ref.published else (9999,), ref.source)


def _cited(document: Document, note_id: str) -> SourceRef:
    # Nothing in the article fits the note's date: it is cited, and its words date nothing.
    return SourceRef(
        source=document.id,
        language=document.language,
        published=document.published,
        evidence=document.title,
        evidence_span=document.title_span,
        date_text=None,
        rule=f"cited by note {note_id}",
    )
