"""The index clusters are found through: by (week or month, key), never by comparing all pairs.

A key is an actor, a kind of happening, the first consonants of a discovered name, or a number.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from ..extract.concepts import Concept
from ..extract.discovered import key_start

if TYPE_CHECKING:
    from .candidates import Candidate
    from .cluster import Cluster

NEAR_DAYS = 1  # a day off (time zones, a slip) may still be the same happening, as a conflict

NARROW_DAYS = 14  # clusters known to within two weeks are indexed by week, the rest by month
_BUCKET_LIMIT = 32  # an index bucket this full is too common a key to narrow anything down
_LOOK_LIMIT = 64  # clusters looked at per report, at most (beyond the first bucket)
_INDEXED = ("gathering", "document", "occurrence", "frame")


class ClusterIndex:
    """Clusters by (period, key): a key is an actor or a kind of happening; the period is a week
    for clusters dated to within `NARROW_DAYS`, else a month. A candidate looks in every week
    and month its days (give or take `NEAR_DAYS`) touch."""

    def __init__(self, table: dict[str, Concept]) -> None:
        self.table = table
        self.buckets: dict[tuple, list[Cluster]] = defaultdict(list)
        self.registered: dict[int, set[tuple]] = defaultdict(set)

    def keys(self, actors, concepts, names=(), numbers=()) -> list[str]:
        named = [c for c in concepts if c in self.table and self.table[c].cls in _INDEXED]
        # A name's key may carry a case ending (tkv, tkvtn): its first consonants find both.
        prefixes = sorted({f"@{key_start(key)}" for key in names})
        # An amount is the same in every language: «17,5 пайызға» and "to 17.5%" find each other.
        return sorted(actors) + [f"~{c}" for c in sorted(named)] + prefixes + sorted(numbers)

    def add(self, cluster: Cluster) -> None:
        done = self.registered[cluster.number]
        narrow = (cluster.high - cluster.low).days < NARROW_DAYS
        periods = _weeks(cluster.low, cluster.high) if narrow else _months(cluster.low, cluster.high)
        periods = [*periods, *(week for low, high in cluster.former for week in _weeks(low, high))]
        keys = self.keys(cluster.actors, cluster.concepts, cluster.names, cluster.numbers)
        for period in periods:
            for key in keys:
                bucket = (*period, key)
                if bucket not in done:
                    done.add(bucket)
                    self.buckets[bucket].append(cluster)

    def near(self, candidate: Candidate) -> list[Cluster]:
        low, high = candidate.low - dt.timedelta(NEAR_DAYS), candidate.high + dt.timedelta(NEAR_DAYS)
        periods = [*_weeks(low, high), *_months(low, high)]
        keys = self.keys(candidate.actors, candidate.concepts, candidate.names, candidate.numbers)
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


def _weeks(low: dt.date, high: dt.date):
    for week in range(low.toordinal() // 7, high.toordinal() // 7 + 1):
        yield ("w", week)


def _months(low: dt.date, high: dt.date):
    year, month = low.year, low.month
    while (year, month) <= (high.year, high.month):
        yield "m", year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
