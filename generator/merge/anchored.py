"""Reports dated from another happening: «через неделю после оглашения приговора».

They wait until every other report is clustered. Each then looks for the event of the
happening its words count from: one of the kind the anchor names («приговор»: a verdict),
naming a person or a name the report names (or reported by a sentence of
the same article), dated to a day, not after the report's article; the kind the words name comes before a
broader one.
The report is dated that day plus its count and clustered like any other; with no such event
it stays its article's context.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..extract.concepts import most_specific, related
from ..extract.discovered import shared_keys
from ..extract.happenings import Role
from ..model import DateSpan, PartialDate
from .candidates import Candidate
from .cluster import Cluster, Scorer

_EXACT_DAYS = 3  # an anchor event known to within this many days gives a day to count from


def date_anchored(anchored: list[Candidate], clusters: list[Cluster], scorer: Scorer) -> dict[int, Candidate]:
    """The anchored reports that found their anchor, dated, by id() of the report as it was;
    the rest are left out."""
    dated: dict[int, Candidate] = {}
    for candidate in anchored:
        offset, kinds = candidate.mention.anchored_to or (0, ())
        anchor = _anchor_event(candidate, frozenset(most_specific(kinds)), clusters, scorer)
        if anchor is None:
            continue
        day = anchor.low + dt.timedelta(days=offset)
        mention = replace(
            candidate.mention,
            when=DateSpan(PartialDate.from_date(day)),
            anchor="text",
            kind="planned" if candidate.published and day > candidate.published else "occurred",
            rule=f"{candidate.mention.rule}, dated {anchor.low.isoformat()}: {day.isoformat()}",
        )
        dated[id(candidate)] = replace(candidate, mention=mention, low=day, high=day)
    return dated


def _anchor_event(candidate: Candidate, kinds: frozenset[str], clusters: list[Cluster], scorer: Scorer):
    latest = candidate.published or dt.date.max
    fitting = []
    for cluster in clusters:
        if (cluster.high - cluster.low).days >= _EXACT_DAYS or cluster.low > latest:
            continue
        if any(_same_sentence(member, candidate) for member in cluster.members):
            continue  # the sentence's own words cannot date the happening they count from
        if not related(kinds, cluster.specific, scorer.table):
            continue
        names = shared_keys(candidate.names, cluster.names)
        people = len(candidate.actors & cluster.actors)
        own = any(_own_report(member, candidate, kinds) for member in cluster.members)
        if names or people or own:
            # The kind the words name before a broader one («после оглашения приговора»: the
            # verdict, not the hearing it ended); then the article's own report of it.
            exact = bool(kinds & cluster.specific)
            fitting.append((exact, own, names + people, cluster.low, -cluster.number, cluster))
    return max(fitting, key=lambda f: f[:5])[5] if fitting else None


def _own_report(member: Candidate, candidate: Candidate, kinds: frozenset[str]) -> bool:
    """The article's own sentence about the happening counted from («Еске салсақ, 12 наурызда
    сот үкім шығарған»), not its headline, whose kinds are the whole story's."""
    return (
        member.source == candidate.source
        and member.mention.role != Role.HEADLINE
        and bool(kinds & member.kinds)
    )


def _same_sentence(member: Candidate, candidate: Candidate) -> bool:
    if member.source != candidate.source:
        return False
    (start, end), (other_start, other_end) = member.mention.span, candidate.mention.span
    return start < other_end and other_start < end
