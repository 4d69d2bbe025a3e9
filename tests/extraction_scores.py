"""Scoring extraction against hand annotations: precision and recall per language.

Shared by the gold tests and by the summary printed at the end of the test run.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.extract import Extraction

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    def add(self, other: Score) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative
        self.misses.extend(other.misses)


# language → "dates" | "actors" → Score; filled by the tests, printed by conftest.
SCORES: dict[str, dict[str, Score]] = {}


def record(language: str, kind: str, score: Score) -> None:
    SCORES.setdefault(language, {}).setdefault(kind, Score()).add(score)


def load(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def gold_span(text: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(phrase, start + 1)
        if start < 0:
            raise AssertionError(f"gold text {phrase!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(phrase)


def _value(d) -> tuple:
    return (
        str(d["start"]),
        str(d["end"]),
        d["precision"],
        d.get("qualifier") or None,
        d.get("kind", "occurred"),
    )


def score_dates(where: str, text: str, expected: list[dict], extraction: Extraction) -> Score:
    """A found date counts when it overlaps a gold date and agrees on start, end, precision,
    qualifier and kind; a wrong value is both a false find and a miss."""
    score = Score()
    found = [
        (
            (f.span[0], f.span[1]),
            (f.start.isoformat(), f.end.isoformat(), f.precision, f.qualifier, f.kind),
            f,
        )
        for f in extraction.dates
    ]
    used: set[int] = set()
    for gold in expected:
        span = gold_span(text, gold["text"], gold.get("occurrence", 1))
        match = next(
            (
                i
                for i, (s, value, _) in enumerate(found)
                if i not in used and s[0] < span[1] and span[0] < s[1] and value == _value(gold)
            ),
            None,
        )
        if match is None:
            score.false_negative += 1
            near = [f"«{f.text}» {v}" for s, v, f in found if s[0] < span[1] and span[0] < s[1]]
            score.misses.append(
                f"{where}: missed «{gold['text']}» {_value(gold)}" + (f"; found {near}" if near else "")
            )
        else:
            used.add(match)
            score.true_positive += 1
    for i, (_, value, f) in enumerate(found):
        if i not in used:
            score.false_positive += 1
            score.misses.append(f"{where}: wrong find «{f.text}» {value} ({f.rule})")
    return score


def score_actors(where: str, expected: list[dict], extraction: Extraction) -> Score:
    score = Score()
    gold = Counter()
    for entry in expected:
        gold[(entry["id"], entry["text"])] += entry.get("count", 1)
    found = Counter((m.actor, m.text) for m in extraction.actors)
    for key in gold | found:
        hit = min(gold[key], found[key])
        score.true_positive += hit
        if found[key] > hit:
            score.false_positive += found[key] - hit
            score.misses.append(f"{where}: wrong find {key} ×{found[key] - hit}")
        if gold[key] > hit:
            score.false_negative += gold[key] - hit
            score.misses.append(f"{where}: missed {key} ×{gold[key] - hit}")
    return score


def summary_lines() -> list[str]:
    lines = ["extraction against the hand annotations (tests/fixtures/extract):"]
    for language in sorted(SCORES):
        for kind in ("dates", "actors"):
            score = SCORES[language].get(kind)
            if score is None:
                continue
            lines.append(
                f"  {language} {kind:<6}  precision {score.precision:.3f}  recall {score.recall:.3f}  "
                f"({score.true_positive} right, {score.false_positive} wrong finds, "
                f"{score.false_negative} missed)"
            )
    return lines
