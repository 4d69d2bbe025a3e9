"""What `timeline extract` and `timeline check` show an editor: extraction made visible.

Both wrap the same stages as a build (ingest, extract through the cache); they add only the
presentation of what those stages found.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .actor_stubs import actor_stubs
from .attention import Finding, findings
from .build import read_chronology
from .config import load_config
from .errors import ContentError
from .extract import Extraction, build_actor_index
from .extract.concepts import use_site_concepts
from .extract_cache import open_cache
from .ingest import read_article
from .ingest.actors import read_actors
from .ingest.concepts import read_concepts
from .ingest.text import line_of
from .merge.explain import explain_merge
from .model import Document
from .translate import untranslated


def extract_file(root: Path, file: Path) -> tuple[Document, Extraction]:
    config = load_config(root)
    if not file.is_file():
        raise ContentError(
            file, None, "no such file", "give the path of an article, e.g. content/articles/000_….txt"
        )
    actors = read_actors(config.content_dir / "actors.toml")
    use_site_concepts(read_concepts(config.content_dir / "concepts.toml"))
    document = read_article(file)
    cache = open_cache(root, actors)
    return document, cache.extract(document, build_actor_index(actors))


def format_extraction(document: Document, extraction: Extraction) -> str:
    text = document.text
    lines = [f"{document.path}  [{extraction.language}]  source {extraction.source}"]
    published = extraction.published.edtf if extraction.published else "unknown"
    lines.append(f"published: {published} (from {extraction.published_from})")
    if extraction.published_evidence:
        lines.append(
            f"  evidence: «{extraction.published_evidence.text}», {extraction.published_evidence.rule}"
        )
    lines.append("")
    lines.append(f"dates ({len(extraction.dates)}):")
    for found in extraction.dates:
        value = found.start.isoformat() if found.start == found.end else f"{found.start}..{found.end}"
        extras = ", ".join(x for x in (found.precision, found.qualifier, found.kind) if x)
        lines.append(f"  line {line_of(text, found.span[0])}: «{found.text}» → {value} ({extras})")
        lines.append(f"      rule: {found.rule}")
    lines.append("")
    counts = Counter((m.actor, m.text) for m in extraction.actors)
    lines.append(
        f"actors ({len(extraction.actors)} mentions of {len({m.actor for m in extraction.actors})}):"
    )
    by_actor: dict[str, list[str]] = {}
    for (actor, form), count in counts.items():
        by_actor.setdefault(actor, []).append(f"«{form}»" + (f" ×{count}" if count > 1 else ""))
    for actor, forms in by_actor.items():
        lines.append(f"  {actor}: {', '.join(forms)}")
    lines.append("")
    lines.append(f"candidate events ({len(extraction.mentions)}):")
    for mention in extraction.mentions:
        label = f"«{mention.date_text}»" if mention.date_text else "reported on publication"
        lines.append(
            f"  {mention.when.edtf} {mention.kind} [{', '.join(mention.actors)}] {mention.role}, {label}"
        )
        if mention.title:
            lines.append(f"      {mention.role}: {_shorten(mention.title)}")
        lines.append(f"      evidence: {_shorten(mention.text)}")
        if mention.concepts:
            lines.append(f"      key terms: {', '.join(mention.concepts)}")
    if extraction.unknown_names:
        lines.append("")
        names = Counter(u.key for u in extraction.unknown_names)
        lines.append(
            "names not in the registry: " + ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in names.items())
        )
    return "\n".join(lines)


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class NameProposal:
    name: str
    count: int
    forms: Counter = field(default_factory=Counter)
    example: str = ""
    where: str = ""  # path:line of the example


@dataclass
class DateConflict:
    event: str
    chosen: str
    reason: str
    reported: list[dict]


@dataclass
class CheckReport:
    """What `timeline check` finds. Content errors stop a build; everything here is a warning:
    the site builds, but an editor may want to look."""

    articles: int
    notes: int
    actors: int
    events: int
    warnings: list[str]
    undated: list[str]  # articles with no publication date: their reports have nothing to trail
    conflicts: list[DateConflict]
    without_actors: list[str]  # event ids
    proposals: list[NameProposal]
    attention: list[Finding] = field(default_factory=list)
    untranslated: dict[str, dict[str, int]] = field(default_factory=dict)  # language → field → count

    def to_json(self) -> dict:
        return {
            "errors": [],
            "articles": self.articles,
            "notes": self.notes,
            "actors": self.actors,
            "events": self.events,
            "warnings": self.warnings,
            "undated_documents": self.undated,
            "date_conflicts": [vars(conflict) for conflict in self.conflicts],
            "events_without_actors": self.without_actors,
            "untranslated": self.untranslated,
            "unknown_names": [
                {
                    "name": p.name,
                    "count": p.count,
                    "forms": dict(p.forms),
                    "example": p.example,
                    "where": p.where,
                }
                for p in self.proposals
            ],
            "attention": [
                {"kind": f.kind.value, "subject": f.subject, "message": f.message} for f in self.attention
            ],
        }


def check_site(root: Path, today: dt.date | None = None) -> CheckReport:
    chronology = read_chronology(root)
    timeline = chronology.timeline
    proposals: dict[str, NameProposal] = {}
    undated = []
    for document in timeline.documents.values():
        shown = _shown(document.path, root)
        extraction = chronology.extractions[document.id]
        if extraction.published is None:
            undated.append(f"{shown}: no publication date (add a first line ` date YYYY-MM-DD …`)")
        for name in extraction.unknown_names:
            if name.media:
                continue  # an outlet: it reports, it takes no part
            proposal = proposals.setdefault(name.key, NameProposal(name.key, 0))
            proposal.count += 1
            proposal.forms[name.text] += 1
            if not proposal.example:
                proposal.example = " ".join(document.text[name.sentence[0] : name.sentence[1]].split())
                proposal.where = f"{shown}:{line_of(document.text, name.span[0])}"
    ranked = _in_dictionary_form(proposals, actor_stubs(chronology.extractions, min_articles=1))
    conflicts = [
        DateConflict(
            event.id,
            event.span.edtf,
            event.date_reason,
            [
                {
                    "source": reported.source,
                    "date": reported.span.edtf,
                    "date_text": reported.date_text,
                    "rule": reported.rule,
                    "consistent": reported.consistent,
                }
                for reported in event.reported_dates
            ],
        )
        for event in timeline.events
        if event.conflicts
    ]
    return CheckReport(
        articles=len(timeline.documents),
        notes=sum(event.origin == "note" for event in timeline.events),
        actors=len(timeline.actors),
        events=len(timeline.events),
        warnings=timeline.warnings,
        undated=undated,
        conflicts=conflicts,
        without_actors=[event.id for event in timeline.events if not event.actors],
        proposals=ranked,
        attention=findings(timeline, chronology.extractions, today or dt.date.today()),
        untranslated=_untranslated(timeline),
    )


def _untranslated(timeline) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for language in timeline.languages:
        missing = Counter(str(item.field) for item in untranslated(timeline, language))
        if missing:
            counts[language] = {"title": missing["title"], "summary": missing["summary"]}
    return counts


def explain_subject(root: Path, subject: str) -> list[str] | None:
    """`timeline check --explain`: why an event holds its reports, or where a source's went."""
    chronology = read_chronology(root)
    return explain_merge(
        chronology.documents, chronology.extractions, chronology.notes, chronology.timeline.actors, subject
    )


def _shown(path: Path, root: Path) -> Path:
    return path.relative_to(root) if path.is_relative_to(root) else path


def _in_dictionary_form(proposals: dict[str, NameProposal], stubs) -> list[NameProposal]:
    """Each proposal under the dictionary form `timeline actors` gives its forms («Қазақстан», not
    a stem cut too short), those that are no names (demonyms, "The") left out, most used first."""
    by_form = {form: dictionary for stub in stubs for form, dictionary in stub.by_form.items()}
    merged: dict[str, NameProposal] = {}
    for proposal in proposals.values():
        names = {by_form[form] for form in proposal.forms if form in by_form}
        if not names:
            continue
        name = proposal.name if len(names) > 1 else names.pop()
        into = merged.setdefault(name, NameProposal(name, 0, example=proposal.example, where=proposal.where))
        into.count += proposal.count
        into.forms.update(proposal.forms)
    return sorted(merged.values(), key=lambda p: (-p.count, p.name))


def format_check(report: CheckReport) -> str:
    lines = [
        f"content is valid: {report.articles} articles, {report.notes} notes, {report.actors} actors, "
        f"{report.events} events"
    ]
    lines.extend(f"warning: {w}" for w in report.warnings)
    lines.extend(f"undated: {u}" for u in report.undated)
    for conflict in report.conflicts:
        lines.append(f"date conflict: event {conflict.event} is dated {conflict.chosen} ({conflict.reason})")
        for reported in conflict.reported:
            words = f"«{reported['date_text']}»" if reported["date_text"] else "publication"
            mark = "fits" if reported["consistent"] else "DIFFERS"
            lines.append(f"    {mark}: {reported['source']} says {reported['date']} ({words})")
    lines.extend(
        f"event without actors: {event} (name who took part in the article, or add them to a note)"
        for event in report.without_actors
    )
    lines.extend(f"look at ({finding.kind.value}): {finding.message}" for finding in report.attention)
    lines.extend(
        f"untranslated into {language}: {counts['title']} title(s), {counts['summary']} summary(ies) "
        f"(timeline translate --export {language} {language}.po)"
        for language, counts in report.untranslated.items()
    )
    if not report.proposals:
        lines.append("every capitalised name in the articles is in content/actors.toml")
        return "\n".join(lines)
    lines.append("")
    lines.append(
        f"{len(report.proposals)} name(s) match no actor; add those that matter to content/actors.toml:"
    )
    for proposal in report.proposals:
        forms = ", ".join(f"«{f}»" for f in proposal.forms)
        lines.append(f"  {proposal.count:>3} × {proposal.name}  ({forms})")
        lines.append(f"        {proposal.where}: {_shorten(proposal.example, 140)}")
    return "\n".join(lines)
