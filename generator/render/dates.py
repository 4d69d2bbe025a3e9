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
    text = _format_range(span, locale)
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
