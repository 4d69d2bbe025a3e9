"""Notes: an editor's events, which claim what the articles report about them.

A note claims, in each source it names, the report that fits it best: the one with most in
common with the note among those whose days meet the note's date or that clearly speak of the
same happening but date it otherwise (that difference is then a date conflict, shown with the
event). Other reports join a note's event as
they would join any event, by date, actors and key terms. Nothing a note says is replaced by what
extraction found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.concepts import concept_table, find_concepts
from ..model import Note
from .candidates import Candidate
from .cluster import THRESHOLD, Cluster, Scorer


@dataclass
class NoteClaims:
    clusters: list[Cluster]
    claimed: set[int] = field(default_factory=set)  # id() of claimed candidates
    unmatched: list[tuple[Note, str]] = field(default_factory=list)  # (note, source) with no fitting report


def claim_for_notes(notes: list[Note], by_source: dict[str, list[Candidate]], scorer: Scorer) -> NoteClaims:
    """Each note claims one report in each source it names. When two notes name one source, the
    report goes to the note it fits best, whichever note comes first by name."""
    result = NoteClaims([])
    options = []
    for note in sorted(notes, key=lambda n: n.id):
        cluster = Cluster(
            len(result.clusters),
            note.span.first_day(),
            note.span.last_day(),
            note.kind == "target",
            actors=set(note.actors),
            concepts=set(note_concepts(note)),
            note=note,
        )
        result.clusters.append(cluster)
        for source in note.sources:
            for candidate in by_source.get(source, []):
                fit = _fit(candidate, cluster, scorer)
                if fit is not None:
                    options.append((fit, cluster.number, source, candidate))
    satisfied: set[tuple[int, str]] = set()
    for _, number, source, candidate in sorted(options, key=lambda o: (o[0], o[1], o[3].position)):
        if (number, source) in satisfied or id(candidate) in result.claimed:
            continue
        satisfied.add((number, source))
        result.claimed.add(id(candidate))
        result.clusters[number].add(candidate)
    for cluster in result.clusters:
        note = cluster.note
        result.unmatched.extend((note, s) for s in note.sources if (cluster.number, s) not in satisfied)
    return result


def note_concepts(note: Note) -> tuple[str, ...]:
    """What kind of happening the note is about: from its titles and summaries in every language,
    and from tags that are concept ids («memorandum», «summit»)."""
    found: set[str] = {tag for tag in note.tags if tag in concept_table()}
    for language in set(note.title) | set(note.summary):
        text = f"{note.title.get(language, '')}. {note.summary.get(language, '')}"
        found.update(find_concepts(text, language))
    return tuple(sorted(found))


def _fit(candidate: Candidate, cluster: Cluster, scorer: Scorer) -> tuple | None:
    """How well a report fits a note, best first when sorted; None if it cannot be the note's."""
    if candidate.target != cluster.target:
        return None
    if not scorer.compatible(candidate.actors, candidate.specific, cluster.actors, cluster.specific):
        return None
    gap = max((candidate.low - cluster.high).days, (cluster.low - candidate.high).days, 0)
    evidence = scorer.evidence(candidate.actors, candidate.concepts, cluster.actors, cluster.concepts)
    if gap == 0 or evidence >= THRESHOLD:
        return (gap > 0, -evidence, gap)  # a report whose days meet the note's first
    return None
