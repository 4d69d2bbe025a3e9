"""Vague reports that only one event of their story can be: known by a month or a season, or
recalled with no date at all.

«В марте на линию выйдет первый испытательный поезд», «Санақ қорытындысы мамыр айында
жарияланады»: a report that gives only its month shares neither the day nor, often, a word with
the report of the happening it announced or recalls, so clustering leaves it apart. Its article
is of a story (generator/merge/story.py). When exactly one event of that story falls within its
days, is known more precisely, and nothing rules it out (another kind of happening, other
parties, a target against a fact), that event is the one it reports. With two or more, nothing
tells which, and it stays where clustering put it.

This runs once every report is placed, so the answer does not depend on the order of the files.
"""

from __future__ import annotations

from collections import defaultdict

from ..extract.concepts import related
from ..extract.discovered import EXACT_NUMBER_WEIGHT, key_start, number_weight
from .candidates import Candidate
from .cluster import STORY_NAMES, Cluster, Decision, Decisions, Rule, Scorer, Verdict

VAGUE_PRECISIONS = ("month", "season")
VAGUE_DAYS = 92  # a month or a season; a year is too wide to single out one event of a story
PRECISE_DAYS = 31  # the event it joins is known to within a month, and better than the report


def join_vague_reports(
    candidates: list[Candidate], clusters: list[Cluster], scorer: Scorer, log: Decisions | None = None
) -> list[Cluster]:
    home = {id(member): cluster for cluster in clusters for member in cluster.members}
    movable = [c for c in candidates if _vague(c) and (id(c) not in home or _only_member(home[id(c)], c))]
    left: set[int] = set()  # numbers of the one-report clusters whose report moved
    by_name = _by_story_name(clusters, scorer) if movable else {}
    for candidate in sorted(movable, key=Candidate.order):
        own = home.get(id(candidate))
        near = {
            cluster.number: cluster
            for key in scorer.stories.telling.get(candidate.source, ())
            for cluster in by_name.get(key_start(key), ())
        }
        fits = [
            cluster
            for _, cluster in sorted(near.items())
            if cluster is not own and cluster.number not in left and _fits(candidate, cluster, scorer)
        ]
        if len(fits) != 1:
            continue
        [event] = fits
        event.add(candidate, near=True)  # it never narrows the event's days
        if own is not None:
            left.add(own.number)
        if log is not None:
            log[id(candidate)] = Decision(event, [(Verdict(True, Rule.ONLY_EVENT_OF_STORY), event)])
    return [cluster for cluster in clusters if cluster.number not in left]


def _by_story_name(clusters: list[Cluster], scorer: Scorer) -> dict[str, list[Cluster]]:
    """Clusters by the first letters of each telling name their articles use: an event of a
    report's story is found among these, never by looking at every event (merge stays linear)."""
    found: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        starts = {
            key_start(key) for source in cluster.days_of for key in scorer.stories.telling.get(source, ())
        }
        for start in starts:
            found[start].append(cluster)
    return found


def _vague(candidate: Candidate) -> bool:
    """Known by a month or a season, or undated; a day give or take (by the publication, «сегодня»
    in a quotation) is no vague report but one of that day."""
    mention = candidate.mention
    if mention.headline:
        return False
    if mention.anchor == "undated":
        return True
    return mention.when.precision in VAGUE_PRECISIONS and candidate.days <= VAGUE_DAYS


def _only_member(cluster: Cluster, candidate: Candidate) -> bool:
    return cluster.note is None and cluster.members == [candidate]


def _fits(candidate: Candidate, cluster: Cluster, scorer: Scorer) -> bool:
    days = (cluster.high - cluster.low).days + 1
    if candidate.target != cluster.target or not (days <= PRECISE_DAYS and days < candidate.days):
        return False
    if not (candidate.low <= cluster.high and cluster.low <= candidate.high):
        return False
    if candidate.source in cluster.days_of:
        return False  # its article tells of that event elsewhere: this is another happening
    if not scorer.stories.one_story(candidate.source, cluster.days_of, STORY_NAMES):
        return False
    if scorer.refusal(candidate.actors, candidate.specific, cluster.actors, cluster.every_kind) is not None:
        return False
    # Something of the happening in common, beyond the story's names: its kind, or an amount.
    return bool(
        related(candidate.specific, cluster.every_kind, scorer.table)
        or sum(map(number_weight, candidate.numbers & cluster.numbers)) >= EXACT_NUMBER_WEIGHT
    )
