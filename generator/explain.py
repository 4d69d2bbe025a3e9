"""What `timeline extract` and `timeline check` show an editor: extraction made visible.

Both wrap the same stages as a build (ingest, extract through the cache); they add only the
presentation of what those stages found.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .config import load_config
from .errors import ContentError
from .extract import Extraction, build_actor_index
from .extract_cache import open_cache
from .ingest import read_article, read_content
from .ingest.actors import read_actors
from .ingest.text import line_of
from .model import Document


def extract_file(root: Path, file: Path) -> tuple[Document, Extraction]:
    config = load_config(root)
    if not file.is_file():
        raise ContentError(
            file, None, "no such file", "give the path of an article, e.g. content/articles/000_….txt"
        )
    actors = read_actors(config.content_dir / "actors.toml")
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
        label = "headline" if mention.headline else f"«{mention.date_text}»"
        lines.append(f"  {mention.when.edtf} {mention.kind} [{', '.join(mention.actors)}] {label}")
        lines.append(f"      {_shorten(mention.text)}")
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
class CheckReport:
    articles: int
    notes: int
    actors: int
    warnings: list[str]
    proposals: list[NameProposal]

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "notes": self.notes,
            "actors": self.actors,
            "warnings": self.warnings,
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
        }


def check_site(root: Path) -> CheckReport:
    config = load_config(root)
    content = read_content(config.content_dir)
    index = build_actor_index(content.actors)
    cache = open_cache(root, content.actors)
    proposals: dict[str, NameProposal] = {}
    for document in content.documents:
        shown = document.path.relative_to(root) if document.path.is_relative_to(root) else document.path
        extraction = cache.extract(document, index)
        for name in extraction.unknown_names:
            proposal = proposals.setdefault(name.key, NameProposal(name.key, 0))
            proposal.count += 1
            proposal.forms[name.text] += 1
            if not proposal.example:
                proposal.example = " ".join(document.text[name.sentence[0] : name.sentence[1]].split())
                proposal.where = f"{shown}:{line_of(document.text, name.span[0])}"
    ranked = sorted(proposals.values(), key=lambda p: (-p.count, p.name))
    return CheckReport(
        len(content.documents), len(content.notes), len(content.actors), content.warnings, ranked
    )


def format_check(report: CheckReport) -> str:
    lines = [f"content is valid: {report.articles} articles, {report.notes} notes, {report.actors} actors"]
    lines.extend(f"warning: {w}" for w in report.warnings)
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
