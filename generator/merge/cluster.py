"""Clustering: which candidates report the same happening.

One pass, most precise candidates first. Each candidate looks up the clusters it could belong
to through an index keyed by (week or month, actor) and (week or month, kind of happening),
never by comparing all pairs; it joins the best-scoring compatible cluster, or starts a new one.

Compatible means: the days overlap (or, on strong evidence, miss by `NEAR_DAYS`, which is then
recorded as a date conflict); they name an actor in common (a report naming no registry actor
stays on its own); they do not name different kinds of gathering or document (a conference is
not talks) nor places in different countries; targets only meet targets; for meetings between
named people neither side names a person or a country the other does not (meeting Landau is not
meeting Rubio), and for documents neither names a country the other does not. Evidence is what
they share: actors, weighted by type, and key terms, weighted by class.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..extract.concepts import Concept, clashing, concept_table, most_specific
from ..model import Actor, Note
from .candidates import Candidate

THRESHOLD = 3.0  # e.g. a shared kind of document (2) and a shared place (1)
NEAR_DAYS = 1  # a day off (time zones, a slip) may still be the same happening, as a conflict
ACTOR_WEIGHT = {"person": 2.0, "org": 1.5, "place": 1.0, "country": 0.5}
CONCEPT_WEIGHT = {"gathering": 2.0, "document": 2.0, "frame": 1.0, "act": 0.5, "topic": 1.0}
NARROW_DAYS = 14  # clusters known to within two weeks are indexed by week, the rest by month
_BUCKET_LIMIT = 32  # an index bucket this full is too common a key to narrow anything down
_LOOK_LIMIT = 64  # clusters looked at per report, at most (beyond the first bucket)
_INDEXED = ("gathering", "document", "frame")
_MONTH_DAYS = 31


@dataclass(slots=True, eq=False)
class Cluster:
    number: int
    low: dt.date
    high: dt.date
    target: bool
    members: list[Candidate] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    concepts: set[str] = field(default_factory=set)
    note: Note | None = None  # an editor's note fixes this event's date, titles and actors
    specific: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.specific = frozenset(most_specific(self.concepts))

    def add(self, candidate: Candidate, near: bool = False) -> None:
        """A member that only nearly fits (a date conflict) does not narrow the days."""
        self.members.append(candidate)
        self.actors |= candidate.actors
        if not candidate.concepts <= self.concepts:
            self.concepts |= candidate.concepts
            self.specific = frozenset(most_specific(self.concepts))
        if not near and self.note is None:
            self.low, self.high = max(self.low, candidate.low), min(self.high, candidate.high)


class Scorer:
    """Weighs what a candidate and a cluster share, and rules out what cannot be one happening."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        self.table = concept_table()
        self.parties = [
            frozenset(a.id for a in actors.values() if a.type == kind) for kind in ("person", "country")
        ]
        # Venues compare by country: Lancaster House is in London, Almaty is not in Washington.
        # A region with no country (Central Asia) is not a venue.
        self.venue_country = {a.id: a.country for a in actors.values() if a.type == "place" and a.country}
        self.actor_weight = {a.id: ACTOR_WEIGHT[a.type] for a in actors.values()}

    def score(self, candidate: Candidate, cluster: Cluster) -> tuple[float, bool] | None:
        """(evidence, near) if the candidate may join the cluster, else None."""
        if candidate.target != cluster.target:
            return None
        gap = max((candidate.low - cluster.high).days, (cluster.low - candidate.high).days, 0)
        if gap > NEAR_DAYS:
            return None
        if candidate.actors.isdisjoint(cluster.actors):
            return None  # reports of one happening name someone or somewhere in common
        if not self.compatible(candidate.actors, candidate.specific, cluster.actors, cluster.specific):
            return None
        evidence = self.evidence(candidate.actors, candidate.concepts, cluster.actors, cluster.concepts)
        needed = THRESHOLD if gap == 0 else 2 * THRESHOLD
        if candidate.days <= _MONTH_DAYS < (cluster.high - cluster.low).days + 1:
            # Within a month or a year known only as such, many things of one kind happen: a
            # report that names its day needs more in common to join it.
            needed += 1
        return (evidence, gap > 0) if evidence >= needed else None

    def compatible(self, actors_a, specific_a: frozenset[str], actors_b, specific_b: frozenset[str]) -> bool:
        """`specific_*` are the most specific kinds of gathering or document each side names."""
        if clashing(specific_a, specific_b, self.table):
            return False
        if self._venues_differ(actors_a, actors_b):
            return False  # a happening takes place in one country
        talks_a, talks_b = _talks(specific_a, self.table), _talks(specific_b, self.table)
        wider = _wider_gathering(specific_a, self.table) or _wider_gathering(specific_b, self.table)
        if wider and not (talks_a or talks_b):
            return True  # a conference: each report names some of its many participants
        either_gathers = _gatherings(specific_a, self.table) or _gatherings(specific_b, self.table)
        both_documents = _documents(specific_a, self.table) and _documents(specific_b, self.table)
        if not either_gathers and not both_documents:
            return True
        # Between named parties: each side naming someone the other does not are two happenings.
        # A document is between countries; who signed it for them varies from report to report.
        persons, countries = self.parties
        if either_gathers and _different(actors_a, actors_b, persons):
            return False
        return not _different(actors_a, actors_b, countries)

    def _venues_differ(self, actors_a, actors_b) -> bool:
        mine = {self.venue_country[a] for a in actors_a if a in self.venue_country}
        theirs = {self.venue_country[a] for a in actors_b if a in self.venue_country}
        return bool(mine - theirs) and bool(theirs - mine)

    def evidence(self, actors_a, concepts_a, actors_b, concepts_b) -> float:
        shared_actors = set(actors_a) & set(actors_b)
        shared_concepts = set(concepts_a) & set(concepts_b)
        return sum(self.actor_weight.get(a, 1.0) for a in shared_actors) + sum(
            CONCEPT_WEIGHT[self.table[c].cls] for c in shared_concepts if c in self.table
        )


class ClusterIndex:
    """Clusters by (period, key): a key is an actor or a kind of happening; the period is a week
    for clusters dated to within `NARROW_DAYS`, else a month. A candidate looks in every week
    and month its days (give or take `NEAR_DAYS`) touch."""

    def __init__(self, table: dict[str, Concept]) -> None:
        self.table = table
        self.buckets: dict[tuple, list[Cluster]] = defaultdict(list)
        self.registered: dict[int, set[tuple]] = defaultdict(set)

    def keys(self, actors, concepts) -> list[str]:
        named = [c for c in concepts if c in self.table and self.table[c].cls in _INDEXED]
        return sorted(actors) + [f"~{c}" for c in sorted(named)]

    def add(self, cluster: Cluster) -> None:
        done = self.registered[cluster.number]
        narrow = (cluster.high - cluster.low).days < NARROW_DAYS
        periods = _weeks(cluster.low, cluster.high) if narrow else _months(cluster.low, cluster.high)
        keys = self.keys(cluster.actors, cluster.concepts)
        for period in periods:
            for key in keys:
                bucket = (*period, key)
                if bucket not in done:
                    done.add(bucket)
                    self.buckets[bucket].append(cluster)

    def near(self, candidate: Candidate) -> list[Cluster]:
        low, high = candidate.low - dt.timedelta(NEAR_DAYS), candidate.high + dt.timedelta(NEAR_DAYS)
        periods = [*_weeks(low, high), *_months(low, high)]
        keys = self.keys(candidate.actors, candidate.concepts)
        buckets = [found for period in periods for key in keys if (found := self.buckets.get((*period, key)))]
        if not buckets:
            return []
        # Rarest keys first, and at most _LOOK_LIMIT clusters in all, so the work per report stays
        # bounded however crowded its weeks are; if every key is common, the latest clusters of
        # the rarest one.
        buckets.sort(key=len)
        seen: dict[int, Cluster] = {}
        for bucket in buckets:
            if len(bucket) > _BUCKET_LIMIT:
                bucket = bucket[-_BUCKET_LIMIT:] if not seen else []
            if seen and len(seen) + len(bucket) > _LOOK_LIMIT:
                break
            for cluster in bucket:
                seen.setdefault(cluster.number, cluster)
        return [seen[number] for number in sorted(seen)]


def cluster_candidates(candidates: list[Candidate], scorer: Scorer, clusters: list[Cluster]) -> list[Cluster]:
    """Add each candidate, most precise first, to its best cluster or to a new one. `clusters`
    may hold the notes' events already; they attract candidates like any other."""
    index = ClusterIndex(scorer.table)
    for cluster in clusters:
        index.add(cluster)
    for candidate in sorted(candidates, key=Candidate.order):
        best: tuple[float, int, Cluster, bool] | None = None
        for cluster in index.near(candidate):
            scored = scorer.score(candidate, cluster)
            if scored is None:
                continue
            evidence, near = scored
            key = (evidence, -cluster.number, cluster, near)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            cluster = Cluster(len(clusters), candidate.low, candidate.high, candidate.target)
            clusters.append(cluster)
            cluster.add(candidate)
        else:
            cluster = best[2]
            cluster.add(candidate, near=best[3])
        index.add(cluster)
    return clusters


def _weeks(low: dt.date, high: dt.date):
    for week in range(low.toordinal() // 7, high.toordinal() // 7 + 1):
        yield ("w", week)


def _months(low: dt.date, high: dt.date):
    year, month = low.year, low.month
    while (year, month) <= (high.year, high.month):
        yield "m", year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _different(actors_a, actors_b, kind: frozenset[str]) -> bool:
    """Each side names one of `kind` the other does not."""
    mine, theirs = kind.intersection(actors_a), kind.intersection(actors_b)
    return bool(mine - theirs) and bool(theirs - mine)


def _gatherings(specific: frozenset[str], table: dict[str, Concept]) -> set[str]:
    return {c for c in specific if table[c].cls == "gathering"}


def _documents(specific: frozenset[str], table: dict[str, Concept]) -> set[str]:
    return {c for c in specific if table[c].cls == "document"}


def _talks(specific: frozenset[str], table: dict[str, Concept]) -> bool:
    """Talks or a call: a gathering of named people narrower than a meeting."""
    return any(table[c].bilateral and table[c].broader for c in _gatherings(specific, table))


def _wider_gathering(specific: frozenset[str], table: dict[str, Concept]) -> bool:
    """A conference or a summit: many people and countries, each report naming some of them."""
    return any(not table[c].bilateral for c in _gatherings(specific, table))
