import datetime as dt

import pytest

from generator.model import DateSpan, PartialDate


def test_partial_date_knows_only_what_it_was_given():
    month = PartialDate(2025, 11)
    assert month.precision == "month"
    assert month.edtf == "2025-11"
    assert month.day is None
    assert month.first_day() == dt.date(2025, 11, 1)
    assert month.last_day() == dt.date(2025, 11, 30)


def test_year_and_day_precision():
    assert PartialDate(2024).precision == "year"
    assert PartialDate(2024).last_day() == dt.date(2024, 12, 31)
    assert PartialDate(2025, 11, 6).precision == "day"
    assert PartialDate(2024, 2).last_day() == dt.date(2024, 2, 29)  # leap year
    assert PartialDate(2025, 2).last_day() == dt.date(2025, 2, 28)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025", PartialDate(2025)),
        ("2025-11", PartialDate(2025, 11)),
        ("2025-11-06", PartialDate(2025, 11, 6)),
    ],
)
def test_parse_iso_partial_dates(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "25-11-06", "November 2025", "2025-11-6", ""])
def test_parse_rejects_impossible_or_malformed_dates(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_a_day_needs_a_month():
    with pytest.raises(ValueError):
        PartialDate(2025, None, 6)


def test_range_span():
    span = DateSpan.parse("2026-02-04/2026-02-05")
    assert span.start == PartialDate(2026, 2, 4)
    assert span.end == PartialDate(2026, 2, 5)
    assert span.precision == "day"
    assert span.to_json() == {
        "edtf": "2026-02-04/2026-02-05",
        "start": "2026-02-04",
        "end": "2026-02-05",
        "precision": "day",
        "qualifier": None,
    }


def test_range_must_not_run_backwards():
    with pytest.raises(ValueError):
        DateSpan.parse("2026-02-05/2026-02-04")


def test_month_span_json_gives_bounds_not_a_pretended_day():
    data = DateSpan.parse("2025-11").to_json()
    assert data["edtf"] == "2025-11"
    assert data["precision"] == "month"
    assert (data["start"], data["end"]) == ("2025-11-01", "2025-11-30")


def test_approximate_and_before_qualifiers():
    assert DateSpan.parse("2025~").qualifier == "approximate"
    assert DateSpan.parse("2025~").edtf == "2025~"
    target = DateSpan.parse("2035", "before")
    assert target.qualifier == "before"
    assert target.precision == "year"
    with pytest.raises(ValueError):
        DateSpan.parse("2035", "sometime")


def test_sorting_puts_a_whole_period_before_the_days_inside_it():
    spans = [
        DateSpan.parse("2025-11-06"),
        DateSpan.parse("2025-11-01"),
        DateSpan.parse("2025-11"),
        DateSpan.parse("2025"),
        DateSpan.parse("2024-12-31"),
        DateSpan.parse("2025-10-31"),
    ]
    ordered = [span.edtf for span in sorted(spans, key=DateSpan.sort_key)]
    assert ordered == ["2024-12-31", "2025", "2025-10-31", "2025-11", "2025-11-01", "2025-11-06"]
