"""Dates for readers, from CLDR through Babel, at the precision the sources give.

ru «6 ноября 2025 г.», month «ноябрь 2025 г.»; kk «2025 ж. 6 қараша». A month-precision date is
never printed with a day. Qualifiers (before, after, approximate) come from the UI catalog,
because their grammar differs per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from babel.dates import format_date, format_skeleton, get_month_names

from ..model import DateSpan, PartialDate

Gettext = Callable[[str], str]


def format_partial(date: PartialDate, locale: str) -> str:
    if date.day is not None:
        return format_date(date.first_day(), "long", locale=locale)
    if date.month is not None:
        return format_skeleton("yMMMM", date.first_day(), locale=locale)
    return format_skeleton("y", date.first_day(), locale=locale)


def format_span(span: DateSpan, locale: str, gettext: Gettext) -> str:
    text = _format_period(span, locale, gettext) or _format_range(span, locale)
    year_only = span.precision == "year" and span.end is None
    if span.qualifier == "approximate":
        return gettext("about %(date)s") % {"date": text}
    if span.qualifier == "before":
        if year_only:
            return gettext("by the year %(year)s") % {"year": span.start.year}
        return gettext("by %(date)s") % {"date": text}
    if span.qualifier == "after":
        if year_only:
            return gettext("after the year %(year)s") % {"year": span.start.year}
        return gettext("after %(date)s") % {"date": text}
    return text


# A season or a part of a month is named as the source named it («осенью», «в начале ноября»):
# printed as a range of days it would claim a precision nobody gave.
_SEASONS = {
    3: ("spring %(year)s", 5),
    6: ("summer %(year)s", 8),
    9: ("autumn %(year)s", 11),
    12: ("winter %(year)s–%(next_year)s", 2),
}
_PARTS = {
    (1, 10): "early %(month)s %(year)s",
    (11, 20): "mid-%(month)s %(year)s",
    (21, None): "late %(month)s %(year)s",  # to the month's end, whatever its length
}


def _format_period(span: DateSpan, locale: str, gettext: Gettext) -> str | None:
    start, end = span.start, span.end
    if end is None or start.day is None or end.day is None or start.month is None or end.month is None:
        return None
    if span.precision == "season" and start.month in _SEASONS and start.day == 1:
        message, last_month = _SEASONS[start.month]
        if end.month == last_month and end.first_day() == _month_end(end):
            return gettext(message) % {"year": start.year, "next_year": start.year + 1}
    if span.precision == "part_of_month" and (start.year, start.month) == (end.year, end.month):
        final = None if end.first_day() == _month_end(end) else end.day
        message = _PARTS.get((start.day, final))
        if message:
            month = get_month_names("wide", "format", locale=locale)[start.month]
            return gettext(message) % {"month": month, "year": start.year}
    return None


def _month_end(date: PartialDate):
    return PartialDate(date.year, date.month).last_day()


def _format_range(span: DateSpan, locale: str) -> str:
    start, end = span.start, span.end
    if end is None:
        return format_partial(start, locale)
    if start.precision == end.precision == "day" and (start.year, start.month) == (
        end.year,
        end.month,
    ):
        # CLDR's interval formats abbreviate the month; the long form with a day range reads better.
        full = format_partial(end, locale)
        return re.sub(rf"(?<!\d){end.day}(?!\d)", f"{start.day}–{end.day}", full, count=1)
    return f"{format_partial(start, locale)} – {format_partial(end, locale)}"


def month_heading(year: int, month: int | None, locale: str, gettext: Gettext) -> str:
    if month is None:
        return gettext("Month not known")
    name = get_month_names("wide", "stand-alone", locale=locale)[month]
    return name[:1].upper() + name[1:]
