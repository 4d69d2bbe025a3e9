"""`timeline review`: new events, weak joins and warnings, each with a decision that works when
pasted into content/decisions.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sites import empty_registry_site
from sites import run_timeline as timeline
from test_merge_editorial import ARTICLES

from generator.build import build_site
from generator.review import Look, review_site

APPEAL = (
    " date 2026-04-20 Акимат обжаловал решение по иску «Нура»\n\n"
    "Акимат Алматы подал апелляцию на решение Медеуского районного суда по иску компании «Нур».\n\n"
    "Ранее суд отложил слушание по этому делу.\n"
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return empty_registry_site(tmp_path, {**ARTICLES, "appeal_ru.txt": APPEAL})


def _pasted(decision: str) -> str:
    """What an editor pastes: the printed lines, the commented-out decision taken in, "…" filled."""
    taken = [line[2:] if line.startswith(("# [[", "# event")) else line for line in decision.splitlines()]
    return "\n".join(taken).replace("…", "checked") + "\n"


def test_before_any_review_every_extracted_event_is_new(site):
    review = review_site(site)
    assert review.first_review
    new = {item.subject for item in review.items if item.look == Look.NEW}
    assert {"hearing_en", "verdict_kk", "appeal_ru"} <= new


def test_a_marked_review_lists_only_the_events_found_after_it(site):
    marked = timeline("review", "--mark", cwd=site)
    assert marked.returncode == 0 and (site / ".timeline-reviewed.json").is_file()
    (site / "content" / "articles" / "ruling_en.txt").write_text(
        " date 2026-05-12 Appeals court upholds Nur ruling\n\n"
        "On 12 May the Almaty city court rejected the akimat's appeal in the Nur case.\n",
        "utf-8",
    )
    review = review_site(site)
    assert not review.first_review
    assert [item.subject for item in review.items if item.look == Look.NEW] == ["ruling_en"]
    listed = timeline("review", cwd=site).stdout
    assert "1. new event: ruling_en" in listed and "[[drop]]" in listed


def test_an_undated_report_that_joined_is_listed_and_its_printed_split_works(site):
    [join] = [item for item in review_site(site).items if item.look == Look.WEAK_JOIN]
    assert join.subject == "hearing_en" and any("Ранее суд отложил" in line for line in join.evidence)
    (site / "content" / "decisions.toml").write_text(_pasted(join.decision), "utf-8")
    data = json.loads((build_site(site).output / "data" / "timeline.json").read_text("utf-8"))
    hearing = next(event for event in data["events"] if event["id"] == "hearing_en")
    assert "appeal_ru" not in {ref["source"] for ref in hearing["sources"]}
    assert [dropped["id"] for dropped in data["dropped"]] == ["hearing_en-appeal_ru"]
    assert not [item for item in review_site(site).items if item.look == Look.WEAK_JOIN]


def test_a_printed_drop_removes_the_event(site):
    [item] = [
        item for item in review_site(site).items if item.look == Look.NEW and item.subject == "verdict_kk"
    ]
    (site / "content" / "decisions.toml").write_text(_pasted(item.decision), "utf-8")
    events = json.loads((build_site(site).output / "data" / "timeline.json").read_text("utf-8"))["events"]
    assert "verdict_kk" not in {event["id"] for event in events}


def test_review_names_a_broken_decisions_file_instead_of_listing(site):
    (site / "content" / "decisions.toml").write_text('[[drop]]\nevent = "nowhere"\n', "utf-8")
    done = timeline("review", cwd=site)
    assert done.returncode == 1 and "decisions.toml:1" in done.stderr and "Traceback" not in done.stderr
