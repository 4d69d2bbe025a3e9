"""Extraction scored against hand annotations: the five seeds and sentence sets per language.

The annotations in tests/fixtures/extract/ were written by reading the texts. Each language must
keep precision and recall at or above 0.95 for dates and for actors; the figures are printed at
the end of the run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from extraction_scores import FIXTURES, SCORES, Score, load, record, score_actors, score_dates

from generator.extract import build_actor_index, extract
from generator.ingest import read_article
from generator.ingest.actors import read_actors
from generator.model import Document, PartialDate

ROOT = Path(__file__).parent.parent
THRESHOLD = 0.95
LANGUAGES = ("ru", "kk", "en")


@pytest.fixture(scope="module")
def index():
    return build_actor_index(read_actors(ROOT / "content" / "actors.toml"))


def sentence_document(case: dict, language: str, number: int) -> Document:
    text = case["sentence"]
    return Document(
        id=f"{language}-case-{number}",
        path=Path(f"{language}-case-{number}.txt"),
        language=language,
        published=PartialDate.parse(str(case["published"])) if case.get("published") else None,
        published_from="header" if case.get("published") else "none",
        title="",
        title_span=(0, 0),
        text=text,
        body_start=0,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def scored(index):
    """Score everything once; the tests below read the totals."""
    SCORES.clear()
    for gold_path in sorted((FIXTURES / "gold").glob("*.toml")):
        gold = load(gold_path)
        document = read_article(ROOT / "content" / "articles" / f"{gold['source']}.txt")
        extraction = extract(document, index)
        assert extraction.published is not None and extraction.published.edtf == str(gold["published"])
        assert extraction.published_from == gold["published_from"]
        record(
            gold["language"],
            "dates",
            score_dates(gold["source"], document.text, gold.get("dates", []), extraction),
        )
        record(gold["language"], "actors", score_actors(gold["source"], gold.get("actors", []), extraction))
    for language in LANGUAGES:
        for folder in ("forms", "blind", "blind2"):
            _score_cases(index, language, folder)
    return SCORES


def _score_cases(index, language: str, folder: str) -> None:
    for number, case in enumerate(load(FIXTURES / folder / f"{language}.toml")["case"], 1):
        document = sentence_document(case, language, number)
        extraction = extract(document, index)
        where = f"{language} {folder} {number} ({case.get('form', '')})"
        record(language, "dates", score_dates(where, document.text, case.get("dates", []), extraction))
        if "actors" in case:
            record(language, "actors", score_actors(where, case["actors"], extraction))


def test_every_seed_and_every_language_is_annotated():
    seeds = {p.stem for p in (ROOT / "content" / "articles").glob("*.txt")}
    assert {p.stem for p in (FIXTURES / "gold").glob("*.toml")} == seeds
    for language in LANGUAGES:
        cases = load(FIXTURES / "forms" / f"{language}.toml")["case"]
        assert sum(1 for c in cases if c["dates"]) >= 30, language
        assert sum(1 for c in cases if not c["dates"]) >= 15, f"{language}: too few negative cases"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["dates", "actors"])
def test_precision_and_recall(scored, language, kind):
    score: Score = scored[language][kind]
    detail = "\n".join(score.misses)
    assert score.precision >= THRESHOLD, f"{language} {kind} precision {score.precision:.3f}\n{detail}"
    assert score.recall >= THRESHOLD, f"{language} {kind} recall {score.recall:.3f}\n{detail}"
