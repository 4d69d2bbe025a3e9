import pytest

from generator.model import DateSpan
from generator.render.catalogs import load_translations
from generator.render.dates import format_span, month_heading
from generator.theme import TEMPLATES_DIR


@pytest.fixture(scope="module")
def gettext():
    return {lang: load_translations(TEMPLATES_DIR, lang).gettext for lang in ("ru", "kk", "en")}


@pytest.mark.parametrize(
    "edtf, language, expected",
    [
        ("2025-11-06", "ru", "6 ноября 2025 г."),
        ("2025-11", "ru", "ноябрь 2025 г."),
        ("2025-11-06", "kk", "2025 ж. 6 қараша"),
        ("2025-11", "kk", "2025 ж. қараша"),
        ("2025-11-06", "en", "November 6, 2025"),
        ("2026-02-04/2026-02-05", "ru", "4–5 февраля 2026 г."),
        ("2026-02-04/2026-02-05", "kk", "2026 ж. 4–5 ақпан"),
        ("2026-02-27/2026-03-02", "ru", "27 февраля 2026 г. – 2 марта 2026 г."),
        ("2024", "ru", "2024"),
    ],
)
def test_dates_at_their_precision(edtf, language, expected, gettext):
    assert _spaces(format_span(DateSpan.parse(edtf), language, gettext[language])) == expected


def _spaces(text: str) -> str:
    # CLDR keeps «2025 г.» and «2025 ж.» together with a no-break space; compare words, not spaces.
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_year_and_its_abbreviation_never_break_apart(gettext):
    assert "2025\u202fг." in format_span(DateSpan.parse("2025-11-06"), "ru", gettext["ru"])


def test_month_precision_never_shows_a_day(gettext):
    text = _spaces(format_span(DateSpan.parse("2026-12"), "ru", gettext["ru"]))
    assert text == "декабрь 2026 г."
    assert not any(ch.isdigit() for ch in text.replace("2026", ""))


@pytest.mark.parametrize(
    "language, expected", [("ru", "к 2035 году"), ("kk", "2035 жылға дейін"), ("en", "by the year 2035")]
)
def test_target_year(language, expected, gettext):
    assert format_span(DateSpan.parse("2035", "before"), language, gettext[language]) == expected


def test_month_headings_are_standalone_and_capitalised(gettext):
    assert month_heading(2025, 11, "ru", gettext["ru"]) == "Ноябрь"
    assert month_heading(2026, 2, "kk", gettext["kk"]) == "Ақпан"
    assert month_heading(2024, None, "ru", gettext["ru"]) == "Месяц не указан"


@pytest.mark.parametrize(
    "start, end, precision, language, expected",
    [
        ((2025, 9, 1), (2025, 11, 30), "season", "ru", "осень 2025 г."),
        ((2025, 9, 1), (2025, 11, 30), "season", "kk", "2025 ж. күзі"),
        ((2025, 12, 1), (2026, 2, 28), "season", "ru", "зима 2025–2026 гг."),
        ((2026, 2, 1), (2026, 2, 10), "part_of_month", "ru", "начало февраля 2026 г."),
        ((2026, 2, 11), (2026, 2, 20), "part_of_month", "kk", "2026 ж. ақпан айының ортасы"),
        ((2026, 2, 21), (2026, 2, 28), "part_of_month", "ru", "конец февраля 2026 г."),
        ((2026, 2, 21), (2026, 2, 28), "part_of_month", "en", "late February 2026"),
        # A span that is not exactly such a period keeps its days.
        ((2026, 2, 3), (2026, 2, 10), "part_of_month", "ru", "3–10 февраля 2026 г."),
    ],
)
def test_seasons_and_parts_of_months_are_named_not_turned_into_days(
    gettext, start, end, precision, language, expected
):
    from generator.model import PartialDate

    span = DateSpan(PartialDate(*start), PartialDate(*end), precision)
    assert _spaces(format_span(span, language, gettext[language])) == expected
