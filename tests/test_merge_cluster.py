"""What an event's kind is once several reports are in (generator/merge/cluster.py): what most
of its reports name, so that one report's sentence naming a second happening too does not keep
the next report out; an undated report must still fit every kind its reports name."""

from __future__ import annotations

import datetime as dt

from generator.extract import EventMention, Extraction
from generator.merge.candidates import candidates_of
from generator.merge.cluster import Rule, Scorer, cluster_candidates
from generator.model import DateSpan, PartialDate

DAY = dt.date(2026, 3, 1)


def _report(
    source: str,
    text: str,
    kinds: tuple[str, ...],
    anchor: str = "text",
    names: tuple[str, ...] = ("rddr",),
    numbers: tuple[str, ...] = (),
) -> EventMention:
    return EventMention(
        DateSpan.parse(DAY.isoformat()),
        "occurred",
        [],
        text,
        (0, len(text)),
        "1 March",
        "test",
        anchor=anchor,
        concepts=kinds,
        names=names,  # by default all name Ridder
        numbers=numbers,
        kinds=kinds,
    )


def _candidates(reports: dict[str, EventMention]):
    published = PartialDate.from_date(DAY)
    extractions = {
        source: Extraction(source, "en", published, "front_matter", mentions=[mention])
        for source, mention in reports.items()
    }
    documents = dict.fromkeys(reports)
    return candidates_of(documents, extractions)


def test_the_event_is_of_the_kind_most_of_its_reports_name():
    reports = {
        "a": _report("a", "Ridder voted in a referendum on 1 March.", ("election",)),
        "b": _report("b", "The referendum vote in Ridder was held on 1 March.", ("election",)),
        # One report's sentence names the debate before the vote as well.
        "c": _report("c", "Ridder voted on 1 March after a heated debate.", ("debate", "election")),
        "d": _report(
            "d", "Ridder's vote of 1 March: the results were announced.", ("election", "election-results")
        ),
    }
    clusters = cluster_candidates(_candidates(reports), Scorer({}), [])
    assert len(clusters) == 1
    assert sorted(m.source for m in clusters[0].members) == ["a", "b", "c", "d"]


def test_two_reports_of_different_kinds_of_one_election_stay_apart():
    reports = {
        "a": _report("a", "Ridder debated on 1 March.", ("debate",)),
        "b": _report("b", "Ridder announced results on 1 March.", ("election-results",)),
    }
    scorer = Scorer({})
    clusters = cluster_candidates(_candidates(reports), scorer, [])
    assert len(clusters) == 2


def test_an_undated_report_must_fit_every_kind_its_event_names():
    reports = {
        "a": _report("a", "Ridder voted on 1 March.", ("election",)),
        "b": _report("b", "Ridder voted on 1 March.", ("election",)),
        "c": _report("c", "Ridder voted on 1 March after a debate.", ("debate", "election")),
    }
    scorer = Scorer({})
    [cluster] = cluster_candidates(_candidates(reports), scorer, [])
    [results] = _candidates(
        {
            "e": _report(
                "e", "Earlier, the vote's results came in.", ("election", "election-results"), "undated"
            )
        }
    )
    [dated] = _candidates(
        {"f": _report("f", "The vote's results came in on 1 March.", ("election", "election-results"))}
    )
    assert scorer.judge(results, cluster).rule == Rule.DIFFERENT_KINDS
    assert scorer.judge(dated, cluster).joins


def test_a_plan_one_report_says_was_called_off_is_a_cancelled_event(tmp_path):
    from sites import empty_registry_site

    from generator.build import read_chronology

    articles = {
        "p_ru.txt": " date 2026-05-10 В Таразе пройдёт фестиваль «Айша-Биби»\n"
        "Фестиваль «Айша-Биби» пройдёт в Таразе 24 мая, сообщил его директор Ерлан Сапаров.\n",
        "c_en.txt": " date 2026-05-20 Aisha-Bibi festival in Taraz called off\n"
        "The Aisha-Bibi festival, which had been scheduled for 24 May in Taraz, has been called off, "
        "its director Yerlan Saparov said.\n",
    }
    events = read_chronology(empty_registry_site(tmp_path, articles)).timeline.events
    [festival] = [e for e in events if e.span.edtf == "2026-05-24"]
    assert festival.kind == "cancelled"
    assert {ref.source for ref in festival.sources} == {"p_ru", "c_en"}


def test_reports_in_two_languages_that_give_the_same_exact_amount_meet():
    # «Ұлттық банкі» and "National Bank" share no name key; the rate they give is the same.
    reports = {
        "kk": _report(
            "kk",
            "Ұлттық банкі мөлшерлемені 17,5 пайызға көтерді.",
            ("rate-decision",),
            names=("lttk",),
            numbers=("#17.5",),
        ),
        "en": _report(
            "en",
            "The National Bank raised its base rate to 17.5%.",
            ("rate-decision",),
            names=("ntnl", "bnk"),
            numbers=("#17.5",),
        ),
    }
    [cluster] = cluster_candidates(_candidates(reports), Scorer({}), [])
    assert sorted(m.source for m in cluster.members) == ["en", "kk"]


def test_a_round_count_and_a_kind_are_not_one_happening():
    # Two crashes on one day, in places with no name in common, each with 20 hurt.
    reports = {
        "a": _report(
            "a",
            "Twenty people were hurt in a crash in Ridder.",
            ("crash",),
            names=("rddr",),
            numbers=("#20",),
        ),
        "b": _report("b", "A crash near Aral left 20 hurt.", ("crash",), names=("rl",), numbers=("#20",)),
    }
    assert len(cluster_candidates(_candidates(reports), Scorer({}), [])) == 2


def test_two_counts_in_common_are_as_telling_as_a_name():
    # «школы № 41 и № 78» and «41, 78 мектептерде»: no name key in common, two numbers.
    reports = {
        "ru": _report(
            "ru",
            "В школах № 41 и № 78 введён карантин.",
            ("quarantine",),
            names=("smknt",),
            numbers=("#41", "#78"),
        ),
        "kk": _report(
            "kk",
            "41 және 78 мектептерде карантин енгізілді.",
            ("quarantine",),
            names=("bkt",),
            numbers=("#41", "#78"),
        ),
    }
    [cluster] = cluster_candidates(_candidates(reports), Scorer({}), [])
    assert sorted(m.source for m in cluster.members) == ["kk", "ru"]


def test_two_articles_dating_a_happening_the_vocabulary_does_not_know_make_one_event():
    # Neither sentence names a kind of happening the key-term table knows; both name the day,
    # Ridder and Tokayev: two articles corroborate it.
    reports = {
        "a": _report("a", "On 1 March Ridder and Tokayev unveiled the monument.", (), names=("rddr", "tkv")),
        "b": _report("b", "Tokayev unveiled a monument in Ridder on 1 March.", (), names=("rddr", "tkv")),
    }
    clusters = cluster_candidates(_candidates(reports), Scorer({}), [])
    assert [sorted(m.source for m in c.members) for c in clusters] == [["a", "b"]]


def test_one_article_alone_dating_an_unknown_kind_of_happening_makes_no_event():
    log = {}
    candidates = _candidates(
        {"a": _report("a", "On 1 March Ridder unveiled the monument.", (), names=("rddr", "tkv"))}
    )
    assert cluster_candidates(candidates, Scorer({}), [], log) == []
    assert log[id(candidates[0])].cluster is None  # `check --explain`: context of its article
