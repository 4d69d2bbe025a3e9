"""Why reports were joined or kept apart: the merge run again with every decision recorded.

`timeline check --explain EVENT_OR_SOURCE` shows, for an event, each report it holds and the
rule that joined it; for a source, where each of its reports went and, for every event it was
weighed against, the rule that decided (`generator/merge/cluster.py: Rule`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract import Extraction
from ..model import Actor, Document, Note
from . import event_id, group_reports
from .candidates import Candidate
from .cluster import Cluster, Decisions, Rule

# Joins an editor should look at: allowed on evidence that is weaker than a shared name and kind.
WEAK_RULES = (Rule.SAME_STORY, Rule.NEAR_DAY, Rule.MOVED)
WEAK_MARGIN = 1.0  # a join on shared evidence at most this far above what it needed


@dataclass(frozen=True)
class WeakJoin:
    event: str
    source: str
    rule: Rule
    evidence: float
    needed: float
    text: str  # the report's sentence
    undated: bool  # dated only by the event it joined


def weak_joins(
    documents: list[Document], extractions: dict[str, Extraction], notes: list[Note], actors: dict[str, Actor]
) -> list[WeakJoin]:
    """Reports that joined an event on little evidence, by event id as the merge proposed it."""
    log: Decisions = {}
    grouping = group_reports(documents, extractions, notes, actors, log)
    found = []
    for cluster in grouping.clusters:
        if cluster.note is not None or len({m.source for m in cluster.members}) < 2:
            continue
        name = event_id(cluster, grouping.by_source)
        starters = {m.source for m in cluster.members if (d := log.get(id(m))) is not None and d.started}
        for member in cluster.members:
            if member.source in starters:
                continue  # the event's own article: splitting it off would leave another event
            decision = log.get(id(member))
            if decision is None or decision.started or decision.cluster is None:
                continue
            verdict = next((v for v, c in decision.verdicts if c is decision.cluster), None)
            undated = member.mention.anchor == "undated"
            if verdict is None or not (
                undated or verdict.rule in WEAK_RULES or verdict.evidence < verdict.needed + WEAK_MARGIN
            ):
                continue
            found.append(
                WeakJoin(
                    name,
                    member.source,
                    verdict.rule,
                    verdict.evidence,
                    verdict.needed,
                    _short(member.mention.text),
                    undated,
                )
            )
    return found


def explain_merge(
    documents: list[Document],
    extractions: dict[str, Extraction],
    notes: list[Note],
    actors: dict[str, Actor],
    subject: str,
) -> list[str] | None:
    """Lines that explain `subject` (an event id or a source id); None if it is neither."""
    log: Decisions = {}
    grouping = group_reports(documents, extractions, notes, actors, log)
    ids = {cluster.number: event_id(cluster, grouping.by_source) for cluster in grouping.clusters}
    by_id = {ids[c.number]: c for c in grouping.clusters}
    lines: list[str] = []
    # An event made from an article's headline bears the article's id: show both.
    if subject in by_id:
        lines += _event_lines(subject, by_id[subject], log, ids, grouping.claims.claimed)
    if subject in grouping.by_source:
        lines += _source_lines(subject, grouping.by_source[subject], log, ids, grouping.claims.claimed)
    return lines or None


def _describe(candidate: Candidate) -> str:
    mention = candidate.mention
    words = f"«{mention.date_text}»" if mention.date_text else mention.anchor
    return f"{candidate.source} {mention.role} {mention.when.edtf} ({words}): {_short(mention.text)}"


def _event_lines(name: str, cluster: Cluster, log: Decisions, ids, claimed: set[int]) -> list[str]:
    lines = [f"event {name}: {len(cluster.members)} report(s)"]
    for member in cluster.members:
        lines.append(f"  {_describe(member)}")
        lines.append(f"      {_how_it_joined(member, log, ids, claimed)}")
    return lines


def _how_it_joined(member: Candidate, log: Decisions, ids, claimed: set[int]) -> str:
    if id(member) in claimed:
        return "claimed by the note that names its source"
    decision = log.get(id(member))
    if decision is None:
        return "joined as a preview of the day the happening was planned for before it was moved"
    if decision.started:
        return "started the event: no earlier event fitted it"
    verdict = next(v for v, c in decision.verdicts if c is decision.cluster)
    return f"{verdict.rule.value} (evidence {verdict.evidence:.1f}, needed {verdict.needed:.1f})"


def _source_lines(source: str, candidates: list[Candidate], log: Decisions, ids, claimed) -> list[str]:
    lines = [f"source {source}: {len(candidates)} report(s)"]
    for candidate in candidates:
        lines.append(f"  {_describe(candidate)}")
        decision = log.get(id(candidate))
        if id(candidate) in claimed:
            lines.append("      → claimed by a note")
            continue
        if not candidate.clustered:
            lines.append(f"      → context of the article: {candidate.mention.rule.rpartition('; ')[2]}")
            continue
        if decision is None or decision.cluster is None:
            lines.append("      → context of the article: it may join an event, and none fitted")
        else:
            lines.append(f"      → event {ids.get(decision.cluster.number, '?')}")
        for verdict, cluster in decision.verdicts if decision else []:
            lines.append(f"        weighed against {ids.get(cluster.number, '?')}: {verdict.rule.value}")
    return lines


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
