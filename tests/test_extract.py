"""Extraction, module by module: sentences, calendar arithmetic, tense, inflection, actor
matching, event mentions, the JSON contract, the cache and the `extract`/`check` commands.

Expected values come from the texts and the calendar (checked against Python's datetime), never
from the extractor's own output.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.build import build_site
from generator.cli import main
from generator.extract import build_actor_index, extract
from generator.extract import periods as cal
from generator.extract.actors import document_words, find_actors
from generator.extract.inflection import kazakh_stems, russian_sequences, russian_variants
from generator.extract.record import from_json, to_json
from generator.extract.sentences import split_sentences
from generator.extract.tense import sentence_tense
from generator.ingest import read_article
from generator.ingest.actors import read_actors
from generator.model import Actor, PartialDate

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "content" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract" / "articles"


@pytest.fixture(scope="module")
def index():
    return build_actor_index(read_actors(REPO / "content" / "actors.toml"))


def seed(stem: str):
    return read_article(ARTICLES / f"{stem}.txt")


# --- sentences ---------------------------------------------------------------------------------


def test_sentences_do_not_break_after_abbreviations_and_do_break_at_lines():
    text = "Соглашение подписано в 2024 г. в Лондоне. Стороны довольны.\nФото: Акорда"
    sentences = [text[s.start : s.end] for s in split_sentences(text, [(0, len(text))])]
    assert sentences == ["Соглашение подписано в 2024 г. в Лондоне.", "Стороны довольны.", "Фото: Акорда"]


# --- calendar ------------------------------------------------------------------------------------


def test_year_of_a_weekday_and_day():
    # 5 February fell on a Thursday in 2026 (and in 2015 and 2037, further away).
    assert dt.date(2026, 2, 5).weekday() == 3
    assert cal.year_of_weekday(2, 5, 3, dt.date(2026, 3, 1)) == 2026


def test_a_day_without_year_follows_the_tense():
    build = lambda y: cal.day(y, 11, 6)  # noqa: E731
    published = dt.date(2026, 2, 5)
    assert cal.choose_year(build, published, "past")[0] == dt.date(2025, 11, 6)
    assert cal.choose_year(build, published, "future")[0] == dt.date(2026, 11, 6)
    assert cal.choose_year(build, published, None)[0] == dt.date(2025, 11, 6)  # 91 days back vs 274 ahead


def test_periods_have_true_bounds():
    assert cal.part_of_month(2024, 2, "end") == (dt.date(2024, 2, 21), dt.date(2024, 2, 29))
    assert cal.season(2025, 3) == (dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert cal.week(dt.date(2026, 2, 5), -1) == (dt.date(2026, 1, 26), dt.date(2026, 2, 1))
    # «прошлой осенью» in February 2026 and in October 2026 (autumn 2026 has not ended).
    assert cal.season_relative(2, dt.date(2026, 2, 26), -1, None)[0] == dt.date(2025, 9, 1)
    assert cal.season_relative(2, dt.date(2026, 10, 15), -1, None)[0] == dt.date(2025, 9, 1)


def test_bare_weekday_past_and_future():
    thursday = dt.date(2026, 2, 26)
    assert cal.weekday_near(0, thursday, "past") == dt.date(2026, 2, 23)
    assert cal.weekday_near(0, thursday, "future") == dt.date(2026, 3, 2)
    assert cal.weekday_near(3, thursday, "future") == thursday


# --- tense ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "tense"),
    [
        ("ru", "Купер в четверг объявит о заключении соглашения.", "future"),
        ("ru", "Напомним, стороны подписали меморандум.", "past"),
        ("ru", "В декабре состоится саммит.", "future"),
        ("kk", "Форум Астанада өтеді.", "future"),
        ("kk", "Тоқаев АҚШ делегациясын қабылдады.", "past"),
        ("kk", "Меморандумға қол қойылды.", "past"),
        ("en", "The minister will sign the agreement.", "future"),
        ("en", "The minister signed the agreement.", "past"),
        # A participle after a determiner or "is" is no past verb: the nearest 24 April is taken.
        ("en", "The committee's next scheduled rate meeting is on 24 April.", None),
        ("en", "An autumn edition is pencilled in for October 2–9.", "future"),
        ("en", "The hearing had been scheduled for last Friday.", "past"),
        ("en", "The talks were postponed.", "past"),
        # Kazakh in the Latin alphabet ends its verbs as the Cyrillic does.
        ("kk", "Komitet senbıde jinalady.", "future"),
        ("kk", "Kompaniia düisenbı künı mälımdedı.", "past"),
        # What is reported takes its tense from its participle, not from the verb of saying.
        ("kk", "Директор фестивальдің 23–30 қазан аралығында өтетінін хабарлады.", "future"),
        ("kk", "Ол келісімге қол қойылғанын айтты.", "past"),
        # A clause ending in a converb tells no tense of its own; a plural accusative is no verb.
        ("kk", "Алғашқы дебат 28 мамырда өтіп,", "present"),
        ("kk", "Qazylar alqasy jeñımpazdardy 17 säuırde,", None),
    ],
)
def test_tense(language, sentence, tense):
    assert sentence_tense(sentence, language) == tense


# --- inflection ----------------------------------------------------------------------------------


def test_russian_surnames_follow_a_fixed_paradigm():
    assert {"Токаева", "Токаеву", "Токаевым", "Токаеве"} <= russian_variants("Токаев", person=True)
    assert "Токаи" not in russian_variants("Токаев", person=True)
    assert russian_variants("Клеверли", person=True) == {"Клеверли"}
    assert russian_variants("Рубио", person=True) == {"Рубио"}
    assert russian_variants("Ландау", person=True) == {"Ландау"}
    assert "Латником" in russian_variants("Латник", person=True)
    assert "Касым-Жомарта" in russian_variants("Касым-Жомарт", person=True)


def test_russian_dictionary_words_and_abbreviations_decline():
    assert "МИДа" in russian_variants("МИД", person=False)
    assert russian_variants("США", person=False) == {"США"}
    assert ("Соединенных", "Штатов", "Америки") in russian_sequences(
        ["Соединенные", "Штаты", "Америки"], False
    )
    # a genitive dependent keeps its form: «Министерства иностранных дел»
    assert ("Министерства", "иностранных", "дел") in russian_sequences(
        ["Министерство", "иностранных", "дел"], False
    )


def test_kazakh_endings_are_stripped_but_derivations_are_not():
    assert "Қазақстан" in kazakh_stems("Қазақстанның")
    assert "Қазақстан" in kazakh_stems("Қазақстандағы")
    assert "АҚШ" in kazakh_stems("АҚШ-пен")
    assert "Көшербаев" in kazakh_stems("Көшербаевтың")
    assert "Қазақстан" not in kazakh_stems("Қазақстандық")  # an adjective, «Kazakhstani»


# --- actors --------------------------------------------------------------------------------------


def mentions(text: str, language: str, index) -> list[tuple[str, str]]:
    words = document_words(text, [(0, len(text))])
    return [(m.actor, m.text) for m in find_actors(text, words, language, index)]


def test_longest_form_wins(index):
    assert mentions("Глава МИД Казахстана прибыл.", "ru", index) == [("mfa-kazakhstan", "МИД Казахстана")]


def test_inflected_forms_in_russian_kazakh_and_english(index):
    ru = mentions("Ермек Кошербаев встретился с Говардом Латником и Соединённых Штатов послом.", "ru", index)
    assert ru == [
        ("kosherbayev", "Ермек Кошербаев"),
        ("lutnick", "Говардом Латником"),
        ("usa", "Соединённых Штатов"),
    ]
    kk = mentions(
        "Көшербаевтың сапары Қазақстанның АҚШ-пен қатынасына арналды; қазақстандық компаниялар.", "kk", index
    )
    assert kk == [("kosherbayev", "Көшербаевтың"), ("kazakhstan", "Қазақстанның"), ("usa", "АҚШ-пен")]
    en = mentions("Kazakhstan's minister met Rubio's deputy.", "en", index)
    assert en == [("kazakhstan", "Kazakhstan's"), ("rubio", "Rubio's")]


def test_a_bare_surname_is_a_person_only_after_the_full_name():
    person = Actor("petrov", "person", {"ru": "Иван Петров", "kk": "Иван Петров", "en": "Ivan Petrov"})
    small = build_actor_index({"petrov": person})
    text = "Петров опоздал. Иван Петров прибыл в Астану. Петрову вручили награду."
    assert mentions(text, "ru", small) == [("petrov", "Иван Петров"), ("petrov", "Петрову")]


def test_currency_is_not_the_country(index):
    assert mentions("Проекты на 17 млрд долларов США обсудили в США.", "ru", index) == [("usa", "США")]


# --- the seeds: publication date, dates, mentions ----------------------------------------------


def test_publication_date_of_002_comes_from_the_weekday_in_its_lead(index):
    document = seed("002_c61c0215de82188b")
    result = extract(document, index)
    assert (result.published, result.published_from) == (PartialDate(2026, 2, 5), "inferred")
    record = to_json(result, document.text)
    assert record["published"]["date"] == "2026-02-05"
    assert record["published"]["from"] == "inferred"
    first = record["dates"][0]
    assert document.text[first["span"][0] : first["span"][1]] == first["text"] == "в четверг, 5 февраля"
    assert first["rule"].startswith("weekday+day")
    assert first["sentence"].startswith("Об этом в четверг, 5 февраля")


def test_publication_date_from_front_matter_or_none(index):
    front = extract(read_article(FIXTURES / "front_matter_date.md"), index)
    assert (front.published, front.published_from) == (PartialDate(2026, 3, 2), "front_matter")
    monday = [d for d in front.dates if d.text.lower() == "on monday"]
    assert monday and monday[0].start == dt.date(2026, 3, 2)  # 2 March 2026 is a Monday
    undated = extract(read_article(FIXTURES / "undated_lead.txt"), index)
    assert (undated.published, undated.published_from) == (None, "none")
    assert undated.headline is None


def test_the_headline_event_is_dated_by_the_lead_else_by_publication(index):
    lead_dated = extract(seed("003_7f436facd6af26cd"), index).headline
    assert (lead_dated.when.edtf, lead_dated.date_text) == ("2025-11-06", "6 ноября")
    reported = extract(seed("000_ecbba20fa6e673df"), index).headline
    assert (reported.when.edtf, reported.date_text) == ("2026-02-05", None)
    assert "publication date" in reported.rule


def test_each_dated_sentence_is_a_candidate_event_with_its_actors(index):
    result = extract(seed("004_d853599c384533a9"), index)
    by_date = {m.date_text: m for m in result.mentions if not m.headline}
    early = by_date["В начале месяца"]
    assert (early.when.first_day(), early.when.last_day()) == (dt.date(2026, 2, 1), dt.date(2026, 2, 10))
    assert {"malhotra", "washington", "china"} <= set(early.actors)
    assert "Сима Малхотра" in early.text
    target = by_date["к 2035 году"]
    assert (target.kind, target.when.qualifier, target.when.edtf) == ("target", "before", "2035")
    # «В рамках ... Клеверли»: the 2023 memorandum, with the minister named in that sentence
    assert "cleverly" in by_date["в марте 2023 года"].actors


def test_the_json_record_round_trips(index):
    document = seed("001_5b92ebe4e21aa3de")
    result = extract(document, index)
    record = to_json(result, document.text)
    assert to_json(from_json(json.loads(json.dumps(record))), document.text) == record
    for actor in record["actors"]:
        assert document.text[actor["span"][0] : actor["span"][1]] == actor["text"]


# --- the cache -----------------------------------------------------------------------------------


def test_changing_one_article_re_extracts_only_that_article(site_copy, tmp_path):
    assert build_site(site_copy, tmp_path / "a").extracted == 5
    assert build_site(site_copy, tmp_path / "b").extracted == 0
    article = site_copy / "content" / "articles" / "003_7f436facd6af26cd.txt"
    article.write_text(article.read_text("utf-8") + "\nВчера стороны провели консультации.\n", "utf-8")
    assert build_site(site_copy, tmp_path / "c").extracted == 1
    registry = site_copy / "content" / "actors.toml"
    registry.write_text(
        registry.read_text("utf-8").replace('"Госдеп"', '"Госдеп", "Госдепартамент США"'), "utf-8"
    )
    assert build_site(site_copy, tmp_path / "d").extracted == 5


def test_a_damaged_cache_record_is_extracted_again(site_copy, tmp_path):
    clean = build_site(site_copy, tmp_path / "a")
    records = sorted((site_copy / ".timeline-cache" / "extract").glob("*.json"))
    for number, record in enumerate(records):
        # not JSON at all, or JSON of the wrong shape
        record.write_text("{ not json" if number % 2 else '{"published": "2026-02-05"}', "utf-8")
    report = build_site(site_copy, tmp_path / "b")
    assert report.extracted == 5
    assert [e.id for e in report.timeline.events] == [e.id for e in clean.timeline.events]


# --- the commands --------------------------------------------------------------------------------


def test_timeline_extract_json_follows_the_contract(capsys):
    path = ARTICLES / "002_c61c0215de82188b.txt"
    assert main(["extract", str(path), "--json", "--site", str(REPO)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"source", "language", "published", "dates", "actors", "mentions"} <= set(record)
    assert record["source"] == "002_c61c0215de82188b"
    for date in record["dates"]:
        assert {"text", "span", "start", "end", "precision", "qualifier", "rule", "sentence"} <= set(date)
    assert {"id", "text", "span"} <= set(record["actors"][0])
    assert {"date", "actors", "text"} <= set(record["mentions"][0])
    kosherbayev = [a for a in record["actors"] if a["id"] == "kosherbayev"]
    assert kosherbayev[0]["text"] == "Ермек Кошербаев"


def test_timeline_extract_listing_explains_each_date(capsys):
    assert main(["extract", str(ARTICLES / "004_d853599c384533a9.txt"), "--site", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert "«прошлой осенью» → 2025-09-01..2025-11-30 (season, occurred)" in out
    assert "«к 2035 году» → 2035-01-01..2035-12-31 (year, before, target)" in out
    assert "published: 2026-02-26 (from header)" in out


def test_timeline_extract_of_a_missing_file_is_an_error(capsys):
    assert main(["extract", "no/such/article.txt", "--site", str(REPO)]) == 1
    assert "no/such/article.txt: no such file" in capsys.readouterr().err


def test_timeline_check_proposes_unknown_names_with_counts(site_copy, capsys):
    shutil.copy(FIXTURES / "unknown_names.txt", site_copy / "content" / "articles" / "005_unknown.txt")
    assert main(["check", "--site", str(site_copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    names = {entry["name"]: entry for entry in report["unknown_names"]}
    guterres = names["Антониу Гутерриш"]
    assert guterres["count"] == 4
    assert {"Антониу Гутерриш", "Антониу Гутерриша", "Антониу Гутерришу"} <= set(guterres["forms"])
    assert guterres["where"].startswith("content/articles/005_unknown.txt:")
    # registry people in the same text are not proposed, in any case form
    assert not any("Кошербаев" in name for name in names)
    assert main(["check", "--site", str(site_copy)]) == 0
    assert "Антониу Гутерриш" in capsys.readouterr().out


# --- hard cases a reviewer found: each once crashed or gave a wrong date ---------------------


def sentence(language: str, text: str, published: str | None = "2026-02-05"):
    from test_extract_gold import sentence_document

    return sentence_document({"sentence": text, "published": published}, language, 1)


def found_dates(index, language: str, text: str, published: str | None = "2026-02-05"):
    result = extract(sentence(language, text, published), index)
    return [(d.text, d.start.isoformat(), d.end.isoformat(), d.kind) for d in result.dates]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # no publication date: the year the text names anchors nothing, and nothing crashes
        (
            "en",
            "The talks began in January 2026.",
            [("in January 2026", "2026-01-01", "2026-01-31", "occurred")],
        ),
        # before year 1 or beyond the calendar: no date, no traceback
        ("ru", "Город основан 3000 лет назад, а 1000000 дней назад было иначе.", []),
        # English present tense is no past: the nearest 10 February is the coming one
        (
            "en",
            "Kazakh minister visits Washington on Feb. 10",
            [("on Feb. 10", "2026-02-10", "2026-02-10", "planned")],
        ),
        # Kazakh months opening a sentence; «Қазанда» inside one is the city
        ("kk", "Желтоқсанда саммит өтеді.", [("Желтоқсанда", "2026-12-01", "2026-12-31", "planned")]),
        ("kk", "Делегация Қазанда болды.", []),
        # the year may follow the month in Kazakh
        (
            "kk",
            "Келісімге 3 ақпан 2025 жыл күні қол қойылды.",
            [("3 ақпан 2025 жыл күні", "2025-02-03", "2025-02-03", "occurred")],
        ),
        # «9 Мая», «8 Марта» are holidays' names
        ("ru", "Улица 9 Мая перекрыта, праздник 8 Марта прошел.", []),
        # 29 February without a year: the last leap day before publication
        ("ru", "Встреча прошла 29 февраля.", [("29 февраля", "2024-02-29", "2024-02-29", "occurred")]),
        ("ru", "Встреча прошла 15-го января.", [("15-го января", "2026-01-15", "2026-01-15", "occurred")]),
        (
            "ru",
            "Переговоры шли 30 декабря 2025 – 2 января 2026 года.",
            [("30 декабря 2025 – 2 января 2026 года", "2025-12-30", "2026-01-02", "occurred")],
        ),
        (
            "en",
            "THE MINISTER MET RUBIO ON NOVEMBER 6, 2025.",
            [("NOVEMBER 6, 2025", "2025-11-06", "2025-11-06", "occurred")],
        ),
        # a dateline is the day of the report, whatever the tense of the sentence
        (
            "ru",
            "АСТАНА, 9 февраля — Казахстан и Китай до 2030 года увеличат пропускную способность.",
            [
                ("9 февраля", "2026-02-09", "2026-02-09", "occurred"),
                ("до 2030 года", "2030-01-01", "2030-12-31", "target"),
            ],
        ),
        # «до» after a verb of lasting ends something under way: the day it ends, planned
        ("ru", "Выставка продлится до 20 марта.", [("до 20 марта", "2026-03-20", "2026-03-20", "planned")]),
        (
            "en",
            "The exhibition will run until 20 March.",
            [("until 20 March", "2026-03-20", "2026-03-20", "planned")],
        ),
        (
            "kk",
            "Көрме 20 наурызға дейін жалғасады.",
            [("20 наурызға", "2026-03-20", "2026-03-20", "planned")],
        ),
        # and without one it is still a deadline
        ("ru", "Отчёт подготовят до 20 марта.", [("до 20 марта", "2026-03-20", "2026-03-20", "target")]),
    ],
)
def test_hard_cases(index, language, text, expected):
    published = "2026-02-09" if text.startswith("АСТАНА") else "2026-02-05"
    assert found_dates(index, language, text, published) == expected


def test_english_publication_date_from_the_lead(index, tmp_path):
    article = tmp_path / "reuters.txt"
    article.write_text(
        "Kazakhstan and US talk minerals\nOn Thursday, February 5, ministers met in Washington "
        "to follow up the memorandum of November 2025.\n",
        "utf-8",
    )
    result = extract(read_article(article), index)
    assert (result.published, result.published_from) == (PartialDate(2026, 2, 5), "inferred")


def test_a_month_precise_publication_date_still_places_day_and_month(index, tmp_path):
    article = tmp_path / "monthly.txt"
    article.write_text(" date 2026-02 Обзор месяца\n6 ноября прошла встреча.\n", "utf-8")
    result = extract(read_article(article), index)
    assert [(d.text, d.start) for d in result.dates] == [("6 ноября", dt.date(2025, 11, 6))]


def test_a_long_unpunctuated_text_is_extracted_in_reasonable_size(index):
    wall = "в четверг 5 февраля Кошербаев встретился с Купер и " * 2000
    result = extract(sentence("ru", wall), index)
    assert len(result.dates) == 2000
    record = to_json(result, wall)
    # 300 characters either side of the date, not the 100 000-character «sentence»
    assert max(len(d["sentence"]) for d in record["dates"]) <= 300 + len("в четверг 5 февраля") + 300 + 2
    assert max(len(m.text) for m in result.mentions) <= 300


def test_odd_things_in_the_cache_folder_never_fail_a_build(site_copy, tmp_path):
    clean = build_site(site_copy, tmp_path / "a")
    cache = site_copy / ".timeline-cache" / "extract"
    (cache / "stale.json").write_text('{"published": "2026-02-05"}', "utf-8")  # a record of no known shape
    (cache / "folder.json").mkdir()  # a folder where a record would be
    article = site_copy / "content" / "articles" / "003_7f436facd6af26cd.txt"
    article.write_text(article.read_text("utf-8") + "\nВчера стороны провели консультации.\n", "utf-8")
    report = build_site(site_copy, tmp_path / "b")
    assert report.extracted == 1
    assert [e.id for e in report.timeline.events] == [e.id for e in clean.timeline.events]


@pytest.mark.parametrize(
    "sentence",
    ["5\U00017000мая министры встретились.", "Министры \U00017000встретились\U00017000 5 мая."],
)
def test_a_letter_unicode_names_only_by_rule_is_no_word_to_analyse(sentence):
    # pymorphy3 asks Unicode for each letter's name, which a Tangut ideograph has only by rule.
    assert sentence_tense(sentence, "ru") in ("past", None)
