"""Merge: one event per real-world happening, across articles and languages, with notes on top.

The seed expectations run end to end on the example site's content/ (with and without its notes);
the constructed cases are small articles under tests/fixtures/merge/, each a situation where
merging would be easy to get wrong.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sites import copy_site

from generator.build import build_site
from generator.extract.concepts import conflicting, find_concepts

FIXTURES = Path(__file__).parent / "fixtures" / "merge"
MINISTERIAL_REPORTS = {
    "000_ecbba20fa6e673df",
    "001_5b92ebe4e21aa3de",
    "002_c61c0215de82188b",
    "004_d853599c384533a9",
}
MEMORANDUM_REPORTS = {
    "003_7f436facd6af26cd",
    "000_ecbba20fa6e673df",
    "001_5b92ebe4e21aa3de",
    "002_c61c0215de82188b",
}


def sources(event: dict) -> set[str]:
    return {ref["source"] for ref in event["sources"]}


def event_with(events: list[dict], source: str, month: str, actor: str | None = None) -> dict:
    """The one event of that month holding the given source (and, if given, actor)."""
    found = [
        e
        for e in events
        if source in sources(e)
        and e["date"]["start"].startswith(month)
        and (actor is None or actor in e["actors"])
    ]
    assert len(found) == 1, [e["id"] for e in found]
    return found[0]


def build_json(site: Path, out: Path) -> dict:
    build_site(site, out)
    return json.loads((out / "data" / "timeline.json").read_text("utf-8"))


def with_articles(site: Path, *cases: str, notes: dict[str, str] | None = None) -> Path:
    """The example site with its articles replaced by the fixtures of `cases` and its notes by
    `notes` (file name → text)."""
    shutil.rmtree(site / "content" / "articles")
    shutil.rmtree(site / "content" / "notes")
    (site / "content" / "articles").mkdir()
    (site / "content" / "notes").mkdir()
    for case in cases:
        for article in (FIXTURES / case).iterdir():
            shutil.copy(article, site / "content" / "articles" / article.name)
    for name, text in (notes or {}).items():
        (site / "content" / "notes" / name).write_text(text, "utf-8")
    return site


def run_check(site: Path) -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--json", "--site", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, json.loads(done.stdout)


# --- the seeds, from the articles alone -----------------------------------------------------------


@pytest.fixture(scope="module")
def articles_alone(tmp_path_factory) -> dict:
    root = Path(__file__).resolve().parent.parent
    site = tmp_path_factory.mktemp("articles-alone")
    copy_site(root, site)
    shutil.rmtree(site / "content" / "notes")
    data = build_json(site, site / "public")
    data["texts"] = {
        path.stem: path.read_text("utf-8-sig") for path in (site / "content" / "articles").glob("*.txt")
    }
    return data


def test_the_washington_ministerial_is_one_event_with_four_sources_in_two_languages(articles_alone):
    events = articles_alone["events"]
    ministerial = event_with(events, "001_5b92ebe4e21aa3de", "2026-02", actor="kosherbayev")
    assert sources(ministerial) == MINISTERIAL_REPORTS
    assert {ref["language"] for ref in ministerial["sources"]} == {"ru", "kk"}
    # 004 recalls it as «в начале месяца … в Вашингтоне»; the others report it on 5 February.
    recalled = next(ref for ref in ministerial["sources"] if ref["source"] == "004_d853599c384533a9")
    assert recalled["date_text"] == "В начале месяца"
    assert "Вашингтоне" in recalled["evidence"]
    # Nobody names the day: it was reported on 5 February, so it happened then or just before.
    assert ministerial["date"]["edtf"] == "2026-02-05~"
    assert ministerial["date"]["qualifier"] == "approximate"
    assert "конференц" in ministerial["title"]["ru"].lower()
    assert "конференция" in ministerial["title"]["kk"].lower()
    assert ministerial["title_from"]["kk"] == "headline:001_5b92ebe4e21aa3de"


def test_an_undated_recall_joins_the_happening_another_report_dates(articles_alone):
    # 001 says only «Бұған дейін Дональд Трамп … стратегиялық қорын құру туралы шешім
    # қабылдағаны хабарланған»; 000 dates the reserve «днем ранее» (4 February).
    reserve = event_with(articles_alone["events"], "000_ecbba20fa6e673df", "2026-02-04", actor="trump")
    assert sources(reserve) == {"000_ecbba20fa6e673df", "001_5b92ebe4e21aa3de"}
    assert reserve["date"]["edtf"] == "2026-02-04"
    recall = next(ref for ref in reserve["sources"] if ref["source"] == "001_5b92ebe4e21aa3de")
    assert recall["date_text"] is None and recall["evidence"].startswith("Бұған дейін")


def test_the_november_memorandum_is_one_event_dated_by_its_most_precise_source(articles_alone):
    memorandum = event_with(articles_alone["events"], "003_7f436facd6af26cd", "2025-11")
    assert sources(memorandum) == MEMORANDUM_REPORTS
    assert (memorandum["date"]["edtf"], memorandum["date"]["precision"]) == ("2025-11-06", "day")
    words = {ref["source"]: ref["date_text"] for ref in memorandum["sources"]}
    assert words == {
        "003_7f436facd6af26cd": "6 ноября",
        "000_ecbba20fa6e673df": "в ноябре 2025 года",
        "001_5b92ebe4e21aa3de": "2025 жылдың қарашасында",
        "002_c61c0215de82188b": "в ноябре 2025 года",
    }
    assert all(reported["consistent"] for reported in memorandum["reported_dates"])
    assert "«6 ноября»" in memorandum["date_reason"]


def test_the_talks_with_landau_stay_their_own_event(articles_alone):
    events = articles_alone["events"]
    talks = event_with(events, "002_c61c0215de82188b", "2026-02", actor="landau")
    ministerial = event_with(events, "001_5b92ebe4e21aa3de", "2026-02", actor="kosherbayev")
    assert talks["id"] != ministerial["id"]
    assert sources(talks) == {"002_c61c0215de82188b"}
    assert "landau" not in ministerial["actors"]
    assert talks["date"]["edtf"] == "2026-02-05"


def test_planned_and_target_events_keep_their_kind(articles_alone):
    events = articles_alone["events"]
    g20 = next(e for e in events if "g20" in e["actors"])
    assert (g20["kind"], g20["date"]["edtf"], g20["date"]["precision"]) == ("planned", "2026-12", "month")
    # «к 2035 году» in passing is a strategy's horizon: context of 004, no event of its own
    # (the note uk-2035-supply-concentration-target makes it one on the example site).
    assert not [e for e in events if e["kind"] == "target"]


def test_every_source_evidence_is_the_articles_own_words_at_its_span(articles_alone):
    for event in articles_alone["events"]:
        for ref in event["sources"]:
            start, end = ref["evidence_span"]
            assert articles_alone["texts"][ref["source"]][start:end] == ref["evidence"]


def test_event_ids_follow_the_first_report_rule(articles_alone):
    ids = {e["id"] for e in articles_alone["events"]}
    # The ministerial's first reports came out together on 5 February: the smallest file name wins.
    assert {"000_ecbba20fa6e673df", "003_7f436facd6af26cd", "002_c61c0215de82188b"} <= ids
    assert "002_c61c0215de82188b-2026-12" in ids  # G20: not 002's headline, so its date is added
    assert len(ids) == len(articles_alone["events"])


# --- notes take precedence -----------------------------------------------------------------------


def test_notes_claim_the_reports_of_their_sources_and_keep_their_own_words(example_build):
    data = json.loads((example_build.output / "data" / "timeline.json").read_text("utf-8"))
    by_id = {e["id"]: e for e in data["events"]}
    ministerial = by_id["2026-02-04-critical-minerals-ministerial"]
    assert ministerial["date"]["edtf"] == "2026-02-04"  # the note's day, not the reports' 5 February
    assert (
        ministerial["title"]["ru"]
        == "В Вашингтоне прошла первая Министерская конференция по критическим минералам"
    )
    assert ministerial["title_from"] == {"ru": "note", "kk": "note"}
    assert sources(ministerial) == MINISTERIAL_REPORTS
    evidence = {ref["source"]: ref["date_text"] for ref in ministerial["sources"]}
    assert evidence["004_d853599c384533a9"] == "В начале месяца"
    # Reported on 5 February fits a happening on the 4th: no conflict.
    assert all(reported["consistent"] for reported in ministerial["reported_dates"])
    assert ministerial["date_reason"] == "fixed by the note 2026-02-04-critical-minerals-ministerial"
    talks = by_id["kosherbayev-landau-talks"]
    assert talks["sources"][0]["date_text"] == "в четверг, 5 февраля"
    # Every report a note claims is in that note's event only.
    held = [
        (ref["source"], ref["date_text"], tuple(ref["evidence_span"]))
        for e in data["events"]
        for ref in e["sources"]
    ]
    assert len(held) == len(set(held))
    # What no note covers still stands: Trump's reserve, the day before (000).
    reserve = next(e for e in data["events"] if "trump" in e["actors"])
    assert (reserve["origin"], reserve["date"]["edtf"]) == ("article", "2026-02-04")


def test_a_note_claims_reports_by_date_and_actors_without_naming_them(site_copy, tmp_path):
    note = """---
date: 2026-04-14
title:
  ru: Соглашение о поставках урана
  kk: Уран жеткізу туралы келісім
actors: [kazakhstan, uk, saparbekov, bryant]
tags: [agreement]
---
Заметка редактора.
"""
    site = with_articles(site_copy, "two_languages", notes={"uranium-deal.md": note})
    events = build_json(site, tmp_path / "out")["events"]
    assert len(events) == 1
    assert events[0]["id"] == "uranium-deal"
    assert sources(events[0]) == {"120_ru", "121_kk"}
    assert events[0]["title"] == {"ru": "Соглашение о поставках урана", "kk": "Уран жеткізу туралы келісім"}


def test_a_note_that_names_a_source_dating_it_otherwise_keeps_its_date_and_shows_the_conflict(
    site_copy, tmp_path
):
    note = """---
date: 2026-05-17
title: Декларация о партнерстве
actors: [kazakhstan, usa, tokayev, rubio]
sources: [130_ru]
---
Заметка редактора.
"""
    site = with_articles(site_copy, "date_conflict", notes={"declaration.md": note})
    events = build_json(site, tmp_path / "out")["events"]
    declaration = next(e for e in events if e["id"] == "declaration")
    assert declaration["date"]["edtf"] == "2026-05-17"
    assert declaration["title"] == {"ru": "Декларация о партнерстве"}
    reported = {r["source"]: (r["date"]["edtf"], r["consistent"]) for r in declaration["reported_dates"]}
    assert reported["130_ru"] == ("2026-05-20", False)
    code, check = run_check(site)
    assert code == 0
    assert [c["event"] for c in check["date_conflicts"]] == ["declaration"]


# --- constructed cases where merging would be wrong ------------------------------------------------


def test_two_meetings_on_one_day_with_different_people_stay_two(site_copy, tmp_path):
    events = build_json(with_articles(site_copy, "same_day_meetings"), tmp_path / "out")["events"]
    assert sorted(sorted(sources(e)) for e in events) == [
        ["100_landau_ru", "102_landau_kk"],
        ["101_rubio_kk"],
    ]
    assert {e["date"]["edtf"] for e in events} == {"2026-03-10"}


def test_the_same_actors_months_apart_are_two_events_and_a_recall_finds_the_right_one(site_copy, tmp_path):
    events = build_json(with_articles(site_copy, "months_apart"), tmp_path / "out")["events"]
    by_date = {e["date"]["edtf"]: e for e in events}
    assert set(by_date) == {"2025-11-06", "2026-03-12"}
    # 111 reports the March memorandum and recalls the November one «в ноябре 2025 года».
    assert sources(by_date["2025-11-06"]) == {"110_november_ru", "111_march_ru"}
    assert sources(by_date["2026-03-12"]) == {"111_march_ru"}


def test_a_russian_and_a_kazakh_report_of_one_signing_are_one_event(site_copy, tmp_path):
    events = build_json(with_articles(site_copy, "two_languages"), tmp_path / "out")["events"]
    assert len(events) == 1
    (event,) = events
    assert sources(event) == {"120_ru", "121_kk"}
    assert event["date"]["edtf"] == "2026-04-14"  # the Russian report's «14 апреля»
    assert set(event["title"]) == {"ru", "kk"}
    assert {"saparbekov", "bryant"} <= set(event["actors"])


def test_sources_that_disagree_on_the_day_are_one_event_with_the_conflict_recorded(site_copy, tmp_path):
    site = with_articles(site_copy, "date_conflict")
    (event,) = build_json(site, tmp_path / "out")["events"]
    assert event["date"]["edtf"] == "2026-05-20"  # both name a day; the first report's is chosen
    reported = {r["source"]: (r["date"]["edtf"], r["consistent"]) for r in event["reported_dates"]}
    assert reported == {"130_ru": ("2026-05-20", True), "131_kk": ("2026-05-19", False)}
    code, check = run_check(site)
    assert code == 0
    (conflict,) = check["date_conflicts"]
    assert conflict["event"] == event["id"]
    assert {(r["source"], r["date_text"], r["consistent"]) for r in conflict["reported"]} == {
        ("130_ru", "20 мая", True),
        ("131_kk", "19 мамырда", False),
    }


def test_event_ids_survive_a_new_headline_and_new_sources(site_copy, tmp_path):
    site = with_articles(site_copy, "same_day_meetings")
    before = {tuple(sorted(sources(e))): e["id"] for e in build_json(site, tmp_path / "a")["events"]}
    article = site / "content" / "articles" / "100_landau_ru.txt"
    article.write_text(
        article.read_text("utf-8").replace("Кошербаев провел переговоры с Ландау", "Переговоры в Вашингтоне"),
        "utf-8",
    )
    (site / "content" / "articles" / "103_landau_ru.txt").write_text(
        " date 2026-03-14 Итоги переговоров Кошербаева и Ландау\n"
        "10 марта Ермек Кошербаев и Кристофер Ландау провели переговоры в Вашингтоне.\n",
        "utf-8",
    )
    after = {e["id"]: sources(e) for e in build_json(site, tmp_path / "b")["events"]}
    assert set(after) == set(before.values())
    assert after[before[("100_landau_ru", "102_landau_kk")]] == {
        "100_landau_ru",
        "102_landau_kk",
        "103_landau_ru",
    }


# --- key terms -----------------------------------------------------------------------------------


def test_key_terms_are_the_same_across_languages_and_forms():
    assert "memorandum" in find_concepts("подписали меморандум", "ru")
    assert "memorandum" in find_concepts("меморандумға қол қойды", "kk")
    assert "memorandum" in find_concepts("signed a memorandum", "en")
    assert "agreement" in find_concepts("келісімге қол қойды", "kk")
    assert "visit" in find_concepts("Президенттің Вашингтонға сапарынан кейін", "kk")
    assert "meeting" not in find_concepts("сирек кездесетін жер минералдары", "kk")
    assert "critical-minerals" in find_concepts("критически важных минералов", "ru")


def test_different_gatherings_conflict_but_a_meeting_may_be_a_conference():
    assert conflicting(("meeting", "talks"), ("conference",))
    assert not conflicting(("meeting",), ("conference",))
    assert not conflicting(("memorandum",), ("agreement",))
    assert conflicting(("memorandum",), ("strategy",))
    assert not conflicting(("visit",), ("memorandum", "conference"))


# --- timeline check ------------------------------------------------------------------------------


def test_timeline_check_is_clean_on_the_example_site():
    code, report = run_check(Path(__file__).resolve().parent.parent)
    assert code == 0
    assert report["errors"] == []
    assert report["date_conflicts"] == []
    assert report["undated_documents"] == []
    assert report["events_without_actors"] == []
    assert report["warnings"] == []


def test_timeline_check_lists_undated_articles_and_events_without_actors(site_copy):
    site = with_articles(site_copy, "two_languages")
    articles = site / "content" / "articles"
    (articles / "140_undated.txt").write_text("Обзор без даты\nВстреча прошла 3 марта 2026 года.\n", "utf-8")
    (articles / "141_nobody.txt").write_text(" date 2026-01-10 Итоги\n10 января прошла встреча.\n", "utf-8")
    code, report = run_check(site)
    assert code == 0
    assert len(report["undated_documents"]) == 1
    assert "140_undated.txt" in report["undated_documents"][0]
    assert report["events_without_actors"]


def test_timeline_check_fails_on_a_note_citing_a_missing_source(site_copy):
    note = (
        "---\ndate: 2026-04-14\ntitle: Заметка\nactors: [kazakhstan]\nsources: [999_missing]\n---\nТекст.\n"
    )
    site = with_articles(site_copy, "two_languages", notes={"broken.md": note})
    code, report = run_check(site)
    assert code == 1
    (error,) = report["errors"]
    assert error["path"].endswith("broken.md")
    assert "999_missing" in error["message"]
    assert error["line"] == 5


# --- found in review: each once produced a crash or a wrong event ---------------------------------


def test_a_line_break_inside_a_sentence_is_not_a_sub_heading(site_copy, tmp_path):
    # «(подписан в 2025 г.)» does not end a sentence, so the next line is not a heading of its own.
    events = build_json(with_articles(site_copy, "heading_inside_sentence"), tmp_path / "out")["events"]
    assert any(e["id"] == "951" for e in events)


def test_a_headline_sentence_with_a_second_date_keeps_its_actors(site_copy, tmp_path):
    # «ЛОНДОН, 10 марта — Кошербаев и Купер подписали меморандум…, переговоры о котором велись с
    # ноября 2025 года»: the November date does not make the headline's own sentence a recall.
    events = build_json(with_articles(site_copy, "two_dates_in_lead"), tmp_path / "out")["events"]
    march = [e for e in events if e["date"]["edtf"] == "2026-03-10"]
    assert sorted(sorted(sources(e)) for e in march) == [["820"], ["821"]]
    london = next(e for e in march if sources(e) == {"820"})
    assert {"kosherbayev", "cooper"} <= set(london["actors"])


def test_talks_held_at_a_conference_are_still_told_apart_by_who_met(site_copy, tmp_path):
    events = build_json(with_articles(site_copy, "talks_at_a_conference"), tmp_path / "out")["events"]
    assert sorted(sorted(sources(e)) for e in events) == [["500_landau", "502_landau_kk"], ["501_rubio"]]


def test_a_publication_date_known_to_the_month_dates_its_event_to_the_month(site_copy, tmp_path):
    events = build_json(with_articles(site_copy, "month_publication"), tmp_path / "out")["events"]
    assert sorted(e["date"]["edtf"] for e in events) == ["2025", "2026-03"]


def test_a_report_naming_no_registry_actor_stays_apart(site_copy, tmp_path):
    site = with_articles(site_copy, "two_languages")
    (site / "content" / "articles" / "122_paris.txt").write_text(
        " date 2026-04-15 Франция и Германия подписали соглашение\n"
        "ПАРИЖ, 14 апреля — министры экономики Франции и Германии подписали соглашение о поставках урана.\n",
        "utf-8",
    )
    events = build_json(site, tmp_path / "out")["events"]
    assert sorted(sorted(sources(e)) for e in events) == [["120_ru", "121_kk"], ["122_paris"]]


def test_a_note_known_to_the_year_does_not_swallow_a_dated_agreement_of_another_kind(
    example_build, site_copy, tmp_path
):
    (site_copy / "content" / "articles" / "920_edu.txt").write_text(
        " date 2024-06-11 Казахстан и Великобритания подписали соглашение об образовании\n"
        "АСТАНА, 10 июня — Казахстан и Великобритания подписали соглашение о сотрудничестве в сфере "
        "высшего образования.\n",
        "utf-8",
    )
    events = {e["id"]: e for e in build_json(site_copy, tmp_path / "out")["events"]}
    assert "920_edu" not in sources(events["2024-uk-kz-strategic-partnership"])
    assert sources(events["920_edu"]) == {"920_edu"}


def test_two_notes_naming_one_source_each_claim_the_report_that_fits_it(site_copy, tmp_path):
    (site_copy / "content" / "notes" / "2026-02-04-kosherbayev-washington-visit.md").write_text(
        "---\ndate: 2026-02-03/2026-02-05\ntitle: Визит Кошербаева в Вашингтон\n"
        "actors: [kazakhstan, kosherbayev, washington]\nsources: [002_c61c0215de82188b]\n"
        "tags: [visit]\n---\nТекст.\n",
        "utf-8",
    )
    events = {e["id"]: e for e in build_json(site_copy, tmp_path / "out")["events"]}
    talks = events["kosherbayev-landau-talks"]
    assert talks["sources"][0]["date_text"] == "в четверг, 5 февраля"
