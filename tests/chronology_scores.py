"""Scoring a whole chronology against hand-annotated happenings: the blind set of issue 13.

A set is a folder of beats, each with `articles/` and a `gold.toml` written by reading the
articles only (see `tests/fixtures/happenings/README.md`). The articles of every beat are put
into one fresh site with an empty actor registry, as a journalist starting a new chronology
would, and built through ingest, extract and merge. Then:

- a built event *matches* a gold event when it cites one of the gold event's sources and its
  days overlap the gold event's days; built events are given to gold events best fit first
  (most shared sources, then the same kind, then nearest start), one built event per gold event,
  and then any further built event (a duplicate) to the gold event it fits best;
- **event recall**: gold events that some built event was given to;
- **spurious events**: built events given to no gold event, per article;
- **pairwise merge precision / recall**: over pairs of articles cited together by one built
  event, and pairs of articles that report one gold event (a pair is correct when the event it
  came from was given to a gold event both articles report);
- **title faults**: titles of built events (extracted, not from notes) that are over 100
  characters, a timestamp, or a fragment (opens in lower case or with a discourse opener,
  ends in a comma, a colon or a dash, or has fewer than three words).

Run it: `.venv/bin/python tests/chronology_scores.py [SET_FOLDER] [--why]` prints the figures and
every miss, spurious event and title fault; `--why` adds, for each gold event whose reports were
left apart, where each article's reports went and the merge rule that kept them from the event
holding most of its sources (for development sets only: reading it on a held-out set unblinds it).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sites import empty_registry_site  # noqa: E402

from generator.build import Chronology, read_chronology  # noqa: E402
from generator.merge import Grouping, group_reports  # noqa: E402
from generator.merge import event_id as cluster_event_id  # noqa: E402
from generator.merge.cluster import Cluster, Scorer  # noqa: E402
from generator.model import Event  # noqa: E402

BLIND = Path(__file__).parent / "fixtures" / "happenings" / "blind"
TITLE_LIMIT = 100
_TIMESTAMP = re.compile(r"^\W*(?:\d{1,2}[.:/]\d{1,2}(?:[.:/]\d{2,4})?[,\s]*)+\W*$|\b\d{1,2}:\d{2}\b")
_OPENERS = re.compile(
    r"^(?:напомним|ранее|как сообщает|как сообщалось|кроме того|также|при этом|однако|и|а|но|"
    r"earlier|meanwhile|however|and|but|also|as reported|бұған дейін|хабарлағандай|сондай-ақ|"
    r"алайда|және)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GoldEvent:
    beat: str
    id: str
    what: str
    start: dt.date
    end: dt.date
    kind: str
    sources: frozenset[str]


@dataclass
class Report:
    articles: int = 0
    gold: list[GoldEvent] = field(default_factory=list)
    events: int = 0
    recalled: set[str] = field(default_factory=set)
    spurious: list[str] = field(default_factory=list)
    pairs_predicted: int = 0
    pairs_correct: int = 0
    pairs_gold: int = 0
    pairs_found: int = 0
    title_faults: list[str] = field(default_factory=list)
    kind_agree: int = 0
    date_exact: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_pairs: list[str] = field(default_factory=list)
    missed_pairs: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.recalled) / len(self.gold) if self.gold else 1.0

    @property
    def merge_precision(self) -> float:
        return self.pairs_correct / self.pairs_predicted if self.pairs_predicted else 1.0

    @property
    def merge_recall(self) -> float:
        return self.pairs_found / self.pairs_gold if self.pairs_gold else 1.0

    @property
    def spurious_per_article(self) -> float:
        return len(self.spurious) / self.articles if self.articles else 0.0

    def lines(self) -> list[str]:
        matched = len(self.recalled)
        precision, recall = self.merge_precision, self.merge_recall
        return [
            f"articles {self.articles}, gold events {len(self.gold)}, built events {self.events}",
            f"event recall {self.recall:.3f} ({matched}/{len(self.gold)})",
            f"pairwise merge precision {precision:.3f} ({self.pairs_correct}/{self.pairs_predicted}), "
            f"recall {recall:.3f} ({self.pairs_found}/{self.pairs_gold})",
            f"spurious events per article {self.spurious_per_article:.3f} "
            f"({len(self.spurious)}/{self.articles})",
            f"title faults {len(self.title_faults)}",
            f"of the recalled: kind agrees {self.kind_agree}/{matched}, "
            f"date exact {self.date_exact}/{matched}",
        ]


def load_gold(folder: Path) -> list[GoldEvent]:
    gold = []
    for path in sorted(folder.glob("*/gold.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("event", []):
            gold.append(
                GoldEvent(
                    path.parent.name,
                    f"{path.parent.name}/{entry['id']}",
                    entry.get("what", ""),
                    dt.date.fromisoformat(entry["start"]),
                    dt.date.fromisoformat(entry["end"]),
                    entry["kind"],
                    frozenset(entry["sources"]),
                )
            )
    return gold


def build_chronology(folder: Path) -> tuple[int, Chronology]:
    """Every beat's articles in one fresh site with an empty registry, through extract and merge."""
    with tempfile.TemporaryDirectory() as scratch:
        site = empty_registry_site(Path(scratch), {})
        articles = site / "content" / "articles"
        count = 0
        for path in sorted(folder.glob("*/articles/*")):
            shutil.copyfile(path, articles / path.name)
            count += 1
        return count, read_chronology(site)


def build_events(folder: Path) -> tuple[int, list[Event]]:
    count, chronology = build_chronology(folder)
    return count, chronology.timeline.events


def _window(event: Event) -> tuple[dt.date, dt.date]:
    low, high = event.span.first_day(), event.span.last_day()
    if event.span.qualifier == "approximate" and event.span.precision == "day":
        low -= dt.timedelta(days=2)  # dated by publication: on that day or shortly before
    return low, high


def _fit(event: Event, gold: GoldEvent) -> tuple | None:
    """How well a built event matches a gold event (higher is better), or None: most shared
    sources, then the same kind (a cancelled concert and the awards held that day, reported by
    the same articles, are told apart by it), then the nearest start."""
    cited = {ref.source for ref in event.sources}
    low, high = _window(event)
    if not (cited & gold.sources and low <= gold.end and gold.start <= high):
        return None
    return (len(cited & gold.sources), _kind_agrees(event.kind, gold.kind), -abs((gold.start - low).days))


def _assign(events: list[Event], gold: list[GoldEvent]) -> dict[str, GoldEvent]:
    """Each built event's gold event, by event id. Best fits first, one built event per gold event;
    then the remaining built events (duplicates) to the gold event each fits best."""
    fits = sorted(
        ((fit, event.id, g.id) for event in events for g in gold if (fit := _fit(event, g)) is not None),
        reverse=True,
    )
    by_id = {g.id: g for g in gold}
    given: dict[str, GoldEvent] = {}
    taken: set[str] = set()
    for _, event_id, gold_id in fits:
        if event_id not in given and gold_id not in taken:
            given[event_id] = by_id[gold_id]
            taken.add(gold_id)
    for _, event_id, gold_id in fits:
        given.setdefault(event_id, by_id[gold_id])
    return given


def title_fault(title: str) -> str | None:
    text = " ".join(title.split())
    if len(text) > TITLE_LIMIT:
        return f"over {TITLE_LIMIT} characters"
    if _TIMESTAMP.search(text):
        return "a timestamp"
    if text[:1].islower():
        return "a fragment (opens in lower case)"
    if _OPENERS.match(text):
        return "a fragment (opens with a discourse opener)"
    if text.rstrip()[-1:] in (",", ":", "-", "–", "—"):
        return "a fragment (ends mid-sentence)"
    if len(text.split()) < 3:
        return "a fragment (fewer than three words)"
    return None


def score(folder: Path = BLIND, why: list[str] | None = None) -> Report:
    report = Report(gold=load_gold(folder))
    report.articles, chronology = build_chronology(folder)
    events = chronology.timeline.events
    merged = merged_of(chronology) if why is not None else None
    report.events = len(events)
    given: dict[str, list[Event]] = {}
    assigned = _assign(events, report.gold)
    for event in events:
        for language, title in event.title.items():
            if event.title_from.get(language) != "note" and (fault := title_fault(title)):
                report.title_faults.append(f"{event.id} [{language}] {fault}: {title}")
        match = assigned.get(event.id)
        cited = sorted({ref.source for ref in event.sources})
        pairs = list(combinations(cited, 2))
        report.pairs_predicted += len(pairs)
        if match is None:
            report.spurious.append(f"{event.id} {event.span.edtf} {cited}: {_title(event)}")
            report.wrong_pairs += [f"{a} + {b} in spurious {event.id}" for a, b in pairs]
            continue
        given.setdefault(match.id, []).append(event)
        for a, b in pairs:
            if a in match.sources and b in match.sources:
                report.pairs_correct += 1
            else:
                report.wrong_pairs.append(f"{a} + {b} in {event.id} (given to {match.id})")
    for gold in report.gold:
        built = given.get(gold.id, [])
        for a, b in combinations(sorted(gold.sources), 2):
            report.pairs_gold += 1
            if any({a, b} <= {ref.source for ref in e.sources} for e in built):
                report.pairs_found += 1
            else:
                report.missed_pairs.append(f"{gold.id}: {a} + {b}")
        if merged is not None and why is not None and len(gold.sources) > 1:
            why += _why_apart(gold, built, merged)
        if not built:
            report.misses.append(f"{gold.id} {gold.start}..{gold.end} {gold.kind}: {gold.what}")
            continue
        report.recalled.add(gold.id)
        best = max(built, key=lambda e: len(gold.sources & {ref.source for ref in e.sources}))
        report.kind_agree += _kind_agrees(best.kind, gold.kind)
        report.date_exact += (best.span.first_day(), best.span.last_day()) == (gold.start, gold.end)
    return report


@dataclass
class Merged:
    """The merge's clusters for `--why`, made once a run: by event id, and where each report went."""

    grouping: Grouping
    ids: dict[str, Cluster]
    scorer: Scorer
    where: dict[int, str]


def merged_of(chronology: Chronology) -> Merged:
    grouping = group_reports(
        chronology.documents, chronology.extractions, chronology.notes, chronology.timeline.actors
    )
    ids = {cluster_event_id(c, grouping.by_source): c for c in grouping.clusters}
    scorer = Scorer(chronology.timeline.actors)
    everyone = [c for reports in grouping.by_source.values() for c in reports]
    scorer.stories.read(everyone)
    scorer.read_days(everyone)
    where = {id(m): name for name, c in ids.items() for m in c.members}
    return Merged(grouping, ids, scorer, where)


def _why_apart(gold: GoldEvent, built: list[Event], merged: Merged) -> list[str]:
    """Where the reports of one gold event went, when they are not all in one built event."""
    holding = max(built, key=lambda e: len(gold.sources & {r.source for r in e.sources}), default=None)
    held = {r.source for r in holding.sources} if holding else set()
    if gold.sources <= held:
        return []
    grouping, ids, scorer = merged.grouping, merged.ids, merged.scorer
    cluster = ids.get(holding.id) if holding else None
    where = merged.where
    lines = [f"{gold.id} {gold.start}..{gold.end} {gold.kind}: held by {holding.id if holding else None}"]
    for source in sorted(gold.sources - held):
        lines.append(f"  {source}:")
        for candidate in grouping.by_source.get(source, []):
            if not (
                candidate.low <= gold.end + dt.timedelta(31)
                and gold.start - dt.timedelta(31) <= candidate.high
            ):
                continue
            mention = candidate.mention
            verdict = scorer.judge(candidate, cluster) if cluster is not None else None
            rule = f"{verdict.rule.name} {verdict.evidence:.1f}/{verdict.needed:.1f}" if verdict else "-"
            lines.append(
                f"    {mention.role} {mention.when.edtf} {candidate.low}..{candidate.high} "
                f"{mention.anchor} {mention.kind} "
                f"kinds={sorted(candidate.specific)} actors={sorted(candidate.actors)} "
                f"names={len(candidate.names)} → {where.get(id(candidate), 'context')} [{rule}]"
            )
            lines.append(f"      {' '.join(mention.text.split())[:160]}")
    if cluster is not None:
        lines.append(
            f"  held: kinds={sorted(cluster.specific)} actors={sorted(cluster.actors)} "
            f"names={len(cluster.names)}"
        )
    return lines


def _kind_agrees(built: str, gold: str) -> bool:
    return built == gold or (gold in ("postponed", "cancelled") and built == "planned")


def _title(event: Event) -> str:
    return next(iter(event.title.values()), "")


def main(argv: list[str]) -> int:
    why: list[str] | None = [] if "--why" in argv else None
    argv = [a for a in argv if a != "--why"]
    folder = Path(argv[0]) if argv else BLIND
    report = score(folder, why)
    for title, items in (
        ("missed gold events", report.misses),
        ("spurious events", report.spurious),
        ("wrong pairs", report.wrong_pairs),
        ("missed pairs", report.missed_pairs),
        ("title faults", report.title_faults),
    ):
        print(f"== {title} ({len(items)})")
        for item in items:
            print(f"  {item}")
    if why is not None:
        print("== why apart")
        print("\n".join(why))
    print("== figures")
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
