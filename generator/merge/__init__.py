"""Merge: every document's event mentions and every editor's note become one chronology.

The same happening reported by three outlets in two languages becomes one event with three
sources; two happenings on one day stay two. The stages, one module each:

- `candidates`: each mention with the days it may fall on;
- `notes`: notes become events first and claim the reports of the sources they name;
- `cluster`: the other reports join the event they fit best, found through an index;
- `assemble`: each cluster becomes an `Event` with a chosen date, the date every source gave,
  titles in their own languages, and a stable id.

Event ids: a note's event has the note's id. An event found in articles takes the id of its
first report (the earliest published source, ties broken by file name): the source's id if the
report is its headline, else the source's id and the date the report gives
(`004_d853599c384533a9-2023-03`), with `-2`, `-3` for the second and third report of that source
starting on that date. Editing a headline or adding later reports changes neither; adding a
report published before the first makes that one the first report.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from functools import wraps
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..extract import Extraction
from ..ingest.translations import Translations
from ..model import Actor, Decision, Document, Event, Note, Page, Timeline
from .anchored import date_anchored
from .assemble import event_of, first_report
from .candidates import Candidate, candidates_of
from .cluster import Cluster, Decisions, Scorer, cluster_candidates
from .editorial import Proposed, shape_events, worded
from .highlights import highlights_of
from .named import named_of
from .notes import NoteClaims, claim_for_notes
from .translated import translated
from .vague import join_vague_reports

__all__ = ["Grouping", "event_id", "group_reports", "merge"]


def _cycle_collection_paused(function):
    """Merging makes hundreds of thousands of small objects and frees few before it ends; the
    cycle collector would rescan all of them again and again (measured: a third of the time at
    10 000 articles, growing with the corpus). Reference counting still frees what goes."""

    @wraps(function)
    def paused(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


@dataclass
class Grouping:
    """Reports grouped into clusters: everything merge knows before it makes events."""

    documents: dict[str, Document]  # with the publication date extraction settled
    by_source: dict[str, list[Candidate]]
    claims: NoteClaims
    clusters: list[Cluster]


def group_reports(
    documents: list[Document],
    extractions: dict[str, Extraction],
    notes: list[Note],
    actors: dict[str, Actor],
    log: Decisions | None = None,
) -> Grouping:
    # Downstream, a source's publication date is what extraction settled (header, or inferred).
    resolved = {
        doc.id: replace(
            doc,
            published=extractions[doc.id].published,
            published_from=extractions[doc.id].published_from,
        )
        for doc in documents
    }
    candidates = candidates_of(resolved, extractions)
    by_source: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_source.setdefault(candidate.source, []).append(candidate)
    scorer = Scorer(actors)
    scorer.stories.read(candidates)
    claims = claim_for_notes(notes, by_source, scorer)
    # Background (since when, a plan's old day) may be what a note cites; it is no event alone.
    free = [c for c in candidates if id(c) not in claims.claimed and c.clustered]
    placed = [c for c in free if not c.anchored]
    clusters = cluster_candidates(placed, scorer, claims.clusters, log)
    clusters = join_vague_reports(placed, clusters, scorer, log)
    dated = date_anchored([c for c in free if c.anchored], clusters, scorer)
    if dated:
        for source, reports in by_source.items():
            by_source[source] = [dated.get(id(c), c) for c in reports]
        clusters = cluster_candidates(list(dated.values()), scorer, clusters, log)
    return Grouping(resolved, by_source, claims, clusters)


@_cycle_collection_paused
def merge(
    documents: list[Document],
    extractions: dict[str, Extraction],
    notes: list[Note],
    actors: dict[str, Actor],
    pages: list[Page],
    languages: list[str],
    decisions: list[Decision] | None = None,
    translations: Translations | None = None,
) -> Timeline:
    grouping = group_reports(documents, extractions, notes, actors)
    resolved, by_source = grouping.documents, grouping.by_source
    proposed = [Proposed(event_id(c, by_source), c) for c in grouping.clusters]
    _check_unique_ids(proposed, notes, resolved)
    shaped = shape_events(proposed, decisions or [], lambda cluster: event_id(cluster, by_source))
    events = [worded(event_of(p.cluster, p.id, resolved), p.decisions) for p in shaped.events]
    events, stale = translated(events, translations or {})
    _check_aliases(events, notes)
    events.sort(key=Event.sort_key)
    warnings = _warnings(resolved, extractions, grouping.claims.unmatched) + stale
    highlights = highlights_of(events, extractions)
    named_of(events, extractions)
    dropped = [(d.id, d.sources, d.decision) for d in shaped.dropped]
    return Timeline(
        languages, events, actors, resolved, pages, warnings, highlights=highlights, dropped=dropped
    )


def event_id(cluster: Cluster, by_source: dict[str, list[Candidate]]) -> str:
    """The note's id, else one made of the first report alone (its source and what it says), so
    no other event's reports can change it."""
    if cluster.note is not None:
        return cluster.note.id
    first = first_report(cluster)
    if first.mention.headline:
        return first.source
    day = first.mention.when.start.edtf
    same_day = [
        c for c in by_source[first.source] if not c.mention.headline and c.mention.when.start.edtf == day
    ]
    rank = same_day.index(first) + 1
    return f"{first.source}-{day}" if rank == 1 else f"{first.source}-{day}-{rank}"


def _warnings(
    documents: dict[str, Document], extractions: dict[str, Extraction], unmatched: list[tuple[Note, str]]
) -> list[str]:
    warnings = []
    for document in documents.values():
        if not extractions[document.id].mentions:
            warnings.append(
                f"{document.path}: no publication date and no dated sentence, so it reports no event "
                "(add a ` date YYYY-MM-DD` first line or a `date:` in its front matter)"
            )
    for note, source in unmatched:
        warnings.append(
            f"{note.paths[0]}: names {source}, but no report in it fits the note's date "
            f"({note.span.edtf}); it is cited without a date of its own"
        )
    return warnings


def _check_aliases(events: list[Event], notes: list[Note]) -> None:
    """An old address leads to one event, and never hides a page that exists."""
    note_paths = {note.id: note.paths[0] for note in notes}
    ids = {event.id for event in events}
    claimed: dict[str, str] = {}
    errors = []
    for event in events:
        for alias in event.aliases:
            other = alias if alias in ids else claimed.get(alias)
            if other is not None:
                errors.append(
                    ContentError(
                        note_paths.get(event.id, "content/decisions.toml"),
                        None,
                        f"alias {alias!r} of event {event.id} is also the address of event {other}",
                        "an alias is an id no event has now: take it out of `aliases:`",
                    )
                )
            claimed[alias] = event.id
    if errors:
        raise ContentErrors(errors)


def _check_unique_ids(proposed: list[Proposed], notes: list[Note], documents: dict[str, Document]) -> None:
    """An article named like a note would write two events to one page: refuse it."""
    note_paths = {note.id: note.paths[0] for note in notes}
    seen: set[str] = set()
    errors = []
    for event in proposed:
        if event.id in seen:
            if event.id in documents:
                path = documents[event.id].path
            elif event.cluster.members:
                path = documents[first_report(event.cluster).source].path
            else:
                path = note_paths.get(event.id, Path(event.id))
            errors.append(
                ContentError(
                    path,
                    None,
                    f"an event of this article has the id {event.id!r}, which is also the id of "
                    f"note {note_paths.get(event.id, '?')}",
                    "rename the note, or set its `id:` to another name",
                )
            )
        seen.add(event.id)
    if errors:
        raise ContentErrors(errors)
