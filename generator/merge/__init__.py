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
(`004_d853599c384533a9-2023-03`). Editing a headline or adding later reports changes neither.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import ContentError, ContentErrors
from ..extract import Extraction
from ..model import Actor, Document, Event, Note, Page, Timeline
from .assemble import event_of, first_report
from .candidates import candidates_of
from .cluster import Cluster, Scorer, cluster_candidates
from .notes import claim_for_notes

__all__ = ["merge"]


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
    candidates = candidates_of(resolved, extractions)
    by_source: dict[str, list] = {}
    for candidate in candidates:
        by_source.setdefault(candidate.source, []).append(candidate)
    scorer = Scorer(actors)
    claims = claim_for_notes(notes, by_source, scorer)
    free = [c for c in candidates if id(c) not in claims.claimed]
    clusters = cluster_candidates(free, scorer, claims.clusters)
    events = _events(clusters, resolved)
    _check_unique_ids(events, notes, resolved)
    events.sort(key=Event.sort_key)
    warnings = _warnings(resolved, extractions, claims.unmatched)
    return Timeline(languages, events, actors, resolved, pages, warnings)


def _events(clusters: list[Cluster], documents: dict[str, Document]) -> list[Event]:
    taken: dict[str, int] = {}
    events = []
    # Ids are handed out in the order of first reports, so a collision's suffix is stable too.
    for cluster in sorted(
        clusters, key=lambda c: (c.note is None, first_report(c).report_order() if c.members else ())
    ):
        events.append(event_of(cluster, _article_event_id(cluster, taken), documents))
    return events


def _article_event_id(cluster: Cluster, taken: dict[str, int]) -> str:
    if cluster.note is not None:
        return cluster.note.id
    first = first_report(cluster)
    base = first.source if first.mention.headline else f"{first.source}-{first.mention.when.start.edtf}"
    taken[base] = taken.get(base, 0) + 1
    return base if taken[base] == 1 else f"{base}-{taken[base]}"


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


def _check_unique_ids(events: list[Event], notes: list[Note], documents: dict[str, Document]) -> None:
    """An article named like a note would write two events to one page: refuse it."""
    note_paths = {note.id: note.paths[0] for note in notes}
    seen: set[str] = set()
    errors = []
    for event in events:
        if event.id in seen:
            source = event.id if event.id in documents else event.sources[0].source
            errors.append(
                ContentError(
                    documents[source].path,
                    None,
                    f"an event of this article has the id {event.id!r}, which is also the id of "
                    f"note {note_paths.get(event.id, '?')}",
                    "rename the note (or set its `id:`), or cite this article in the note's `sources:`",
                )
            )
        seen.add(event.id)
    if errors:
        raise ContentErrors(errors)
