"""Notes: an editor's events, which claim what the articles report about them.

A note claims, in each source it names, the report that fits it best: the one whose days meet
the note's date, else one that clearly speaks of the same happening but dates it otherwise (that
difference is then a date conflict, shown with the event). Other reports join a note's event as
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
    result = NoteClaims([])
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
            free = [c for c in by_source.get(source, []) if id(c) not in result.claimed]
            best = _best_report(free, cluster, scorer)
            if best is None:
                result.unmatched.append((note, source))
                continue
            result.claimed.add(id(best))
            cluster.add(best)
    return result


def note_concepts(note: Note) -> tuple[str, ...]:
    """What kind of happening the note is about: from its titles and summaries in every language,
    and from tags that are concept ids («memorandum», «summit»)."""
    found: set[str] = {tag for tag in note.tags if tag in concept_table()}
    for language in set(note.title) | set(note.summary):
        text = f"{note.title.get(language, '')}. {note.summary.get(language, '')}"
        found.update(find_concepts(text, language))
    return tuple(sorted(found))


def _best_report(candidates: list[Candidate], cluster: Cluster, scorer: Scorer) -> Candidate | None:
    ranked = []
    for candidate in candidates:
        if candidate.target != cluster.target:
            continue
        if not scorer.compatible(candidate.actors, candidate.specific, cluster.actors, cluster.specific):
            continue
        gap = max((candidate.low - cluster.high).days, (cluster.low - candidate.high).days, 0)
        evidence = scorer.evidence(candidate.actors, candidate.concepts, cluster.actors, cluster.concepts)
        if gap == 0 or evidence >= THRESHOLD:
            ranked.append(((gap == 0, -gap, evidence, -candidate.position), candidate))
    return max(ranked, key=lambda pair: pair[0])[1] if ranked else None
