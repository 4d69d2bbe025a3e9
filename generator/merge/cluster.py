"""Clustering: which candidates report the same happening.

One pass, most precise candidates first. Each candidate looks up the clusters it could belong
to through an index keyed by (week or month, actor) and (week or month, kind of happening),
never by comparing all pairs; it joins the best-scoring compatible cluster, or starts a new one.

Compatible means: the days overlap (or, on strong evidence, miss by `NEAR_DAYS`, which is then
recorded as a date conflict); they name an actor or a name in common (or, naming the same day,
their articles are of one story: generator/merge/story.py); they do not name
different kinds of gathering or document (a conference is not talks) nor places in different
countries; targets only meet targets; for meetings between named people neither side names a
person or a country the other does not (meeting Landau is not meeting Rubio), and for documents
neither names a country the other does not. Evidence is what they share: actors, weighted by
type, and key terms, weighted by class.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from ..extract.concepts import (
    Concept,
    clashing,
    concept_table,
    most_specific,
    related,
    specific_kinds,
    with_broader,
)
from ..extract.discovered import EXACT_NUMBER_WEIGHT, number_weight, shared_keys
from ..model import Actor, Note
from .candidates import REPORT_LAG, Candidate
from .index import NEAR_DAYS, ClusterIndex
from .story import Stories

THRESHOLD = 3.0  # e.g. a shared kind of document (2) and a shared place (1)
ACTOR_WEIGHT = {"person": 2.0, "org": 1.5, "place": 1.0, "country": 0.5}
CONCEPT_WEIGHT = {
    "gathering": 2.0,
    "document": 2.0,
    "occurrence": 2.0,
    "frame": 1.0,
    "act": 0.5,
    "topic": 1.0,
}
NAME_WEIGHT = 1.0  # a word of a discovered name both name: «Сатыбалдиев» = "Satybaldiyev"
NAME_CAP = 2.0  # names count for two points at most
_MONTH_DAYS = 31
_REPORT_DAYS = REPORT_LAG.days + 1  # an event dated by its report's publication: that day or just before
STORY_NAMES = 2  # telling names two articles share to be of one story when nothing else is shared
STORY_WEIGHT = 1.0  # articles of one story (generator/merge/story.py): with a shared kind, enough
_HAPPENING_CLASSES = ("gathering", "document", "occurrence")  # kinds that say what happened
UNNAMED_KIND_NEEDS = 2.0  # a same-day report naming no kind: two shared names
CONSENSUS_REPORTS = 3  # from this many reports on, an event's kind is what most of them name


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
    every_kind: frozenset[str] = frozenset()  # what any of its reports names: for undated ones
    names: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    kinds: set[str] | None = None  # the occurrences its reports' own clauses name (a note's: all)
    former: list[tuple[dt.date, dt.date]] = field(default_factory=list)  # days it was once planned for
    near: set[int] = field(default_factory=set)  # id() of members that only nearly fit: never date it
    days_of: dict[str, list[tuple[dt.date, dt.date]]] = field(default_factory=dict)  # by source
    votes: Counter = field(default_factory=Counter)  # members naming each kind (or a narrower one)
    # Started by a dated report that names no kind of happening: an event only once a report
    # from another article joins it (`corroborated`).
    unnamed: bool = False

    def __post_init__(self) -> None:
        if self.kinds is None:
            self.kinds = set(self.concepts)
        self.specific = self.every_kind = specific_kinds(self.concepts, self.kinds)

    def add(self, candidate: Candidate, near: bool = False) -> None:
        """A member that only nearly fits (a date conflict) does not narrow the days."""
        self.members.append(candidate)
        self.days_of.setdefault(candidate.source, []).append((candidate.low, candidate.high))
        if near:
            self.near.add(id(candidate))
        self.actors |= candidate.actors
        self.names |= candidate.names
        self.numbers |= candidate.numbers
        if candidate.formerly is not None and candidate.formerly not in self.former:
            self.former.append(candidate.formerly)
        assert self.kinds is not None
        self.votes.update(with_broader(candidate.specific))
        if not (candidate.concepts <= self.concepts and candidate.kinds <= self.kinds):
            self.concepts |= candidate.concepts
            self.kinds |= candidate.kinds
            self.every_kind = specific_kinds(self.concepts, self.kinds)
        self.specific = self._agreed_kinds()
        if not near and self.note is None:
            self.low, self.high = max(self.low, candidate.low), min(self.high, candidate.high)

    def _agreed_kinds(self) -> frozenset[str]:
        """The kinds that tell this happening apart. One report's sentence may name several (the
        vote «despite the cancelled debate»); once three or more reports are in, what most of
        them name is the happening, and the odd report's extra kinds do not keep others out."""
        count = len(self.members)
        if self.note is not None or count < CONSENSUS_REPORTS:
            return self.every_kind
        agreed = most_specific(kind for kind, votes in self.votes.items() if 2 * votes > count)
        return frozenset(agreed) if agreed else self.every_kind


class Rule(StrEnum):
    """Every reason two reports are joined or kept apart; `timeline check --explain` names it."""

    SHARED_EVIDENCE = "joined: same days and enough in common"
    NEAR_DAY = "joined: a day apart but much in common (recorded as a date conflict)"
    MOVED = "joined: one reports the day the other's happening was planned for before it was moved"
    TARGET_APART = "apart: a target meets only targets"
    DAYS_APART = "apart: their days do not meet"
    SAME_ARTICLE_OTHER_DAY = "apart: one article tells of them on different days"
    BOTH_DAYS_TOLD = "apart: a day apart, and an article tells of each day on its own"
    SAME_STORY = "joined: the day both name, in articles of one story (see generator/merge/story.py)"
    ANOTHER_OF_ITS_KIND = (
        "apart: its article calls it another happening of that kind («во втором полуфинале»)"
    )
    NO_ONE_IN_COMMON = "apart: they name no actor or name in common"
    DIFFERENT_KINDS = "apart: they name different kinds of happening"
    DIFFERENT_COUNTRIES = "apart: their venues are in different countries"
    DIFFERENT_PEOPLE = "apart: a meeting between different people"
    DIFFERENT_PARTIES = "apart: a meeting or document between different countries"
    TOO_LITTLE_EVIDENCE = "apart: too little in common"
    UNDATED_NEEDS_KIND = "apart: an undated report joins only a happening of the kind it names"
    ONLY_EVENT_OF_STORY = (
        "joined: a report known by its month, or undated, and the only event of its story in those days"
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    joins: bool
    rule: Rule
    evidence: float = 0.0
    near: bool = False
    needed: float = THRESHOLD


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
        # By article: the days it dates a report to, and how many reports it dates to each.
        self.days_told: dict[str, Counter[dt.date]] = {}
        self.stories = Stories()

    def read_days(self, candidates: list[Candidate]) -> None:
        self.days_told = defaultdict(Counter)
        for candidate in candidates:
            if candidate.low == candidate.high:
                self.days_told[candidate.source][candidate.low] += 1

    def _tells_of(self, source: str, low: dt.date, high: dt.date) -> bool:
        return any(low <= day <= high for day in self.days_told.get(source, ()))

    def score(self, candidate: Candidate, cluster: Cluster) -> tuple[float, bool] | None:
        """(evidence, near) if the candidate may join the cluster, else None."""
        verdict = self.judge(candidate, cluster)
        return (verdict.evidence, verdict.near) if verdict.joins else None

    def judge(self, candidate: Candidate, cluster: Cluster) -> Verdict:
        """Whether a report joins a cluster, and the rule that decided it."""
        if candidate.target != cluster.target:
            return Verdict(False, Rule.TARGET_APART)
        gap = max((candidate.low - cluster.high).days, (cluster.low - candidate.high).days, 0)
        moved = gap > NEAR_DAYS and _once_planned(candidate, cluster)
        if moved:
            gap = 1  # a preview of the old day: one happening, its date recorded as a conflict
        elif gap > NEAR_DAYS:
            return Verdict(False, Rule.DAYS_APART)
        elif gap and (
            self._tells_of(candidate.source, cluster.low, cluster.high)
            or any(self._tells_of(source, candidate.low, candidate.high) for source in cluster.days_of)
        ):
            # Not a slip of a day: an article that names both days keeps them apart.
            return Verdict(False, Rule.BOTH_DAYS_TOLD)
        if _told_on_another_day(candidate, cluster):
            return Verdict(False, Rule.SAME_ARTICLE_OTHER_DAY)
        if candidate.mention.another and _same_kind_from_its_article(candidate, cluster):
            return Verdict(False, Rule.ANOTHER_OF_ITS_KIND)
        names = shared_keys(candidate.names, cluster.names)
        numbers = candidate.numbers & cluster.numbers
        # An exact amount («17,5%», "No. 361"), or two counts («школы № 41 и № 78»), are as
        # telling as a name; a round count is not.
        telling = sum(map(number_weight, numbers)) >= EXACT_NUMBER_WEIGHT
        # Articles of one story that name one day: a point of evidence, and enough to be
        # weighed when the sentences share no name.
        story = gap == 0 and self._one_story_one_day(candidate, cluster)
        if candidate.actors.isdisjoint(cluster.actors) and not names and not telling and not story:
            return Verdict(False, Rule.NO_ONE_IN_COMMON)
        undated = candidate.mention.anchor == "undated"
        # An undated report has no day to tell it apart: it must fit every kind the event's reports name.
        kinds = cluster.every_kind if undated else cluster.specific
        refusal = self.refusal(candidate.actors, candidate.specific, cluster.actors, kinds)
        if refusal is not None:
            return Verdict(False, refusal)
        if undated and not (
            candidate.specific and all(related({kind}, kinds, self.table) for kind in candidate.specific)
        ):
            # Every kind it names is the event's: «the lawsuit to have the strike declared
            # illegal» is no report of the strike.
            return Verdict(False, Rule.UNDATED_NEEDS_KIND)
        evidence = self.evidence(candidate.actors, candidate.concepts, cluster.actors, cluster.concepts)
        # Names say which story more than which happening: a story's people are in all of it.
        evidence += min(NAME_WEIGHT * names, NAME_CAP) + sum(map(number_weight, numbers))
        evidence += STORY_WEIGHT if story else 0.0
        needed = THRESHOLD if gap == 0 else 2 * THRESHOLD
        cluster_days = (cluster.high - cluster.low).days + 1
        if gap == 0 and not candidate.specific and candidate.days == 1 and cluster_days <= _REPORT_DAYS:
            # A report of that very day that names no kind of its own cannot be of another kind:
            # the names it shares with the day's event are enough.
            needed = UNNAMED_KIND_NEEDS
        if not undated and min(candidate.days, cluster_days) <= _MONTH_DAYS < max(
            candidate.days, cluster_days
        ):
            # Within a month or a year known only as such, many things of one kind happen: a
            # report that names its day and one that names only the month or the year need
            # more in common than one person to be one happening.
            needed += 1
        if evidence < needed:
            return Verdict(False, Rule.TOO_LITTLE_EVIDENCE, evidence, gap > 0, needed)
        rule = (
            Rule.MOVED
            if moved
            else Rule.NEAR_DAY
            if gap
            else Rule.SAME_STORY
            if story and evidence - STORY_WEIGHT < needed  # the story was what it took
            else Rule.SHARED_EVIDENCE
        )
        return Verdict(True, rule, evidence, gap > 0, needed)

    def _one_story_one_day(self, candidate: Candidate, cluster: Cluster) -> bool:
        """Both name the same day in words, and their articles are of one story: one happening,
        though the sentences share no name, when they name the same kind of happening — or when
        one of them names none and no article of either tells of two happenings on that day
        (the Kazakh report of the first test run names no kind the vocabulary knows)."""
        if not (_names_a_day(candidate) and cluster.low == cluster.high):
            return False
        one_kind = self._happenings(candidate.specific & cluster.specific)
        if not one_kind and (
            (self._happenings(candidate.specific) and self._happenings(cluster.specific))
            or self._day_shared(candidate.source, cluster.low)
            or any(self._day_shared(source, cluster.low) for source in cluster.days_of)
        ):
            return False
        named_days = (m.source for m in cluster.members if _names_a_day(m))
        # Without a kind in common, the story itself must be sure: two names, not one.
        return self.stories.one_story(candidate.source, named_days, 1 if one_kind else STORY_NAMES)

    def _happenings(self, kinds: frozenset[str]) -> bool:
        return any(self.table[kind].cls in _HAPPENING_CLASSES for kind in kinds)

    def _day_shared(self, source: str, day: dt.date) -> bool:
        """Whether the article dates more than one report to that day."""
        return self.days_told.get(source, Counter())[day] > 1

    def compatible(self, actors_a, specific_a: frozenset[str], actors_b, specific_b: frozenset[str]) -> bool:
        return self.refusal(actors_a, specific_a, actors_b, specific_b) is None

    def refusal(
        self, actors_a, specific_a: frozenset[str], actors_b, specific_b: frozenset[str]
    ) -> Rule | None:
        """The rule that keeps two sides apart, if any. `specific_*` are the most specific kinds
        of gathering, document or occurrence each side names."""
        if clashing(specific_a, specific_b, self.table):
            return Rule.DIFFERENT_KINDS
        if self._venues_differ(actors_a, actors_b):
            return Rule.DIFFERENT_COUNTRIES  # a happening takes place in one country
        talks_a, talks_b = _talks(specific_a, self.table), _talks(specific_b, self.table)
        wider = _wider_gathering(specific_a, self.table) or _wider_gathering(specific_b, self.table)
        if wider and not (talks_a or talks_b):
            return None  # a conference: each report names some of its many participants
        either_gathers = _gatherings(specific_a, self.table) or _gatherings(specific_b, self.table)
        both_documents = _documents(specific_a, self.table) and _documents(specific_b, self.table)
        if not either_gathers and not both_documents:
            return None
        # Between named parties: each side naming someone the other does not are two happenings.
        # A document is between countries; who signed it for them varies from report to report.
        persons, countries = self.parties
        if either_gathers and _different(actors_a, actors_b, persons):
            return Rule.DIFFERENT_PEOPLE
        return Rule.DIFFERENT_PARTIES if _different(actors_a, actors_b, countries) else None

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


def cluster_candidates(
    candidates: list[Candidate], scorer: Scorer, clusters: list[Cluster], log: Decisions | None = None
) -> list[Cluster]:
    """Add each candidate, most precise first, to its best cluster or to a new one. `clusters`
    may hold the notes' events already; they attract candidates like any other. `log`, when
    given, receives what was decided for each candidate and why (`timeline check --explain`)."""
    index = ClusterIndex(scorer.table)
    scorer.read_days(candidates)
    for cluster in clusters:
        index.add(cluster)
    # Reports that make events first; then those that may only join one (undated, in passing).
    ranked = sorted(candidates, key=lambda c: (c.joins_only, *c.order()))
    # A report a day off fits only nearly: it waits until every report that names the same day
    # found its event, so that the days of one story (vote, results, complaint) stay apart.
    waiting = []
    for candidate in ranked:
        if not _place(candidate, scorer, clusters, index, log, wait=True):
            waiting.append(candidate)
    for candidate in waiting:
        _place(candidate, scorer, clusters, index, log, wait=False)
    return _join_previews_of_moved(_corroborated(clusters, log), scorer)


def _place(
    candidate: Candidate,
    scorer: Scorer,
    clusters: list[Cluster],
    index: ClusterIndex,
    log: Decisions | None,
    wait: bool,
) -> bool:
    """Join the best cluster (a same-day one before any a day off), or start one. With `wait`,
    a report that only nearly fits any cluster is left for later: False."""
    verdicts = [(scorer.judge(candidate, cluster), cluster) for cluster in index.near(candidate)]
    joinable = [(v, c) for v, c in verdicts if v.joins]
    best = max(joinable, key=lambda vc: (not vc[0].near, vc[0].evidence, -vc[1].number), default=None)
    if wait and best is not None and best[0].near:
        return False
    if log is not None:
        log[id(candidate)] = Decision(best[1] if best else None, verdicts)
    if best is None and candidate.joins_only and not _names_a_day(candidate):
        return True  # context of its article: no event of its own
    if best is None:
        # Numbers stay unique when events were dropped or absorbed: the index is keyed by them.
        number = clusters[-1].number + 1 if clusters else 0
        cluster = Cluster(number, candidate.low, candidate.high, candidate.target)
        cluster.unnamed = candidate.joins_only
        clusters.append(cluster)
        cluster.add(candidate)
        if log is not None:
            log[id(candidate)] = Decision(cluster, verdicts, started=True)
    else:
        verdict, cluster = best
        cluster.add(candidate, near=verdict.near)
    index.add(cluster)
    return True


def _names_a_day(candidate: Candidate) -> bool:
    """A sentence that dates a happening to a day in words but names no kind of it («В среду
    стороны договорились о прекращении огня»): what the vocabulary does not know may still
    be a happening, if another article reports that day with the same names."""
    mention = candidate.mention
    return mention.anchor == "text" and candidate.days == 1 and mention.when.precision == "day"


def _corroborated(clusters: list[Cluster], log: Decisions | None) -> list[Cluster]:
    """Events started by a report naming no kind stay only when another article reports them
    too; otherwise their reports are context of their articles, as if never started."""
    kept = []
    for cluster in clusters:
        if not cluster.unnamed or len(cluster.days_of) > 1:
            kept.append(cluster)
            continue
        for member in cluster.members:
            if log is not None and id(member) in log:
                log[id(member)] = Decision(None, log[id(member)].verdicts)
    return kept


@dataclass
class Decision:
    """Where one report went: the cluster it joined or started (None: it stayed context), and
    how every cluster looked at judged it."""

    cluster: Cluster | None
    verdicts: list[tuple[Verdict, Cluster]]
    started: bool = False


Decisions = dict[int, Decision]  # by id() of the candidate


def _join_previews_of_moved(clusters: list[Cluster], scorer: Scorer) -> list[Cluster]:
    """Previews of a day a happening was later moved from made an event of their own before the
    report of the move was read: they join the moved happening, as a recorded date conflict."""
    absorbed: set[int] = set()
    for moved in clusters:
        if not moved.former or moved.number in absorbed:
            continue
        for preview in clusters:
            if preview is moved or preview.note is not None or preview.number in absorbed:
                continue
            if not all(m.mention.kind == "planned" for m in preview.members):
                continue
            if not any(low <= preview.low and preview.high <= high for low, high in moved.former):
                continue
            if scorer.refusal(preview.actors, preview.specific, moved.actors, moved.specific) is not None:
                continue
            evidence = scorer.evidence(preview.actors, preview.concepts, moved.actors, moved.concepts)
            evidence += NAME_WEIGHT * shared_keys(preview.names, moved.names)
            if evidence >= THRESHOLD:
                for member in preview.members:
                    moved.add(member, near=True)
                absorbed.add(preview.number)
    return [cluster for cluster in clusters if cluster.number not in absorbed]


def _told_on_another_day(candidate: Candidate, cluster: Cluster) -> bool:
    """An article that dates two of its clauses to different days tells of two happenings (the
    results announced on Monday of the vote held the day before)."""
    return any(
        candidate.high < low or high < candidate.low
        for low, high in cluster.days_of.get(candidate.source, ())
    )


def _same_kind_from_its_article(candidate: Candidate, cluster: Cluster) -> bool:
    return any(m.source == candidate.source and m.specific & candidate.specific for m in cluster.members)


def _once_planned(candidate: Candidate, cluster: Cluster) -> bool:
    """A preview of the 24th and a report of a final moved from the 24th to the 26th."""
    if candidate.formerly is not None:
        low, high = candidate.formerly
        if low <= cluster.high and cluster.low <= high:
            return True
    return any(low <= candidate.high and candidate.low <= high for low, high in cluster.former)


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
