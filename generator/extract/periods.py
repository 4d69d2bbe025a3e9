"""Calendar arithmetic for resolving date expressions: periods as first and last day.

Every resolver returns the first and last day a period covers, so that «в ноябре» is
2025-11-01..2025-11-30 and nothing downstream mistakes it for the 1st.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from .tense import FUTURE, PAST

Period = tuple[dt.date, dt.date]


def day(year: int, month: int, day_: int) -> Period | None:
    try:
        value = dt.date(year, month, day_)
    except ValueError:
        return None
    return value, value


def month(year: int, month_: int) -> Period:
    return dt.date(year, month_, 1), dt.date(year, month_, calendar.monthrange(year, month_)[1])


def year(year_: int) -> Period:
    return dt.date(year_, 1, 1), dt.date(year_, 12, 31)


# First, middle and last part of a month: days 1–10, 11–20 and 21 to the end.
def part_of_month(year_: int, month_: int, part: str) -> Period:
    last = calendar.monthrange(year_, month_)[1]
    first, final = {"begin": (1, 10), "middle": (11, 20), "end": (21, last)}[part]
    return dt.date(year_, month_, first), dt.date(year_, month_, final)


# Meteorological seasons; winter runs from December into the next year's February.
_SEASON_MONTHS = ((3, 5), (6, 8), (9, 11), (12, 2))


def season(year_: int, index: int) -> Period:
    """Season `index` (0 spring … 3 winter) that begins in `year_`."""
    first, last = _SEASON_MONTHS[index]
    end_year = year_ + 1 if index == 3 else year_
    return dt.date(year_, first, 1), month(end_year, last)[1]


def week(containing: dt.date, offset: int = 0) -> Period:
    monday = containing - dt.timedelta(days=containing.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def shift_month(value: dt.date, offset: int) -> tuple[int, int]:
    shifted = value.replace(day=1) + relativedelta(months=offset)
    return shifted.year, shifted.month


TENSE_SLACK = dt.timedelta(days=7)


def choose_year(
    build: Callable[[int], Period | None], published: dt.date, tense: str | None
) -> Period | None:
    """A period named without its year («6 ноября», «в декабре»): the one nearest the
    publication date, unless the sentence's tense puts it well on the other side: then the last
    one for a past-tense sentence, the next one for a future one."""
    # four years either way, so that «29 февраля» finds its leap year
    candidates = [p for y in range(published.year - 4, published.year + 5) if (p := build(y)) is not None]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda p: distance(p, published))
    # A tense moves the day a year away only when the nearest one is well on the wrong side of
    # the publication: «не будет снят 25 июня, как обещали», written on the 26th, is this June.
    if tense == PAST and nearest[0] > published + TENSE_SLACK:
        past = [p for p in candidates if p[0] <= published]
        return max(past) if past else None
    if tense == FUTURE and nearest[1] < published - TENSE_SLACK:
        coming = [p for p in candidates if p[1] >= published]
        return min(coming) if coming else None
    return nearest


def distance(period: Period, when: dt.date) -> int:
    if period[0] <= when <= period[1]:
        return 0
    return min(abs((period[0] - when).days), abs((period[1] - when).days))


def year_of_weekday(month_: int, day_: int, weekday: int, near: dt.date) -> int | None:
    """The year in which `day_ month_` falls on `weekday`, nearest `near` (within seven years
    either way, as weekdays repeat within that)."""
    candidates = []
    for candidate in range(near.year - 7, near.year + 2):
        found = day(candidate, month_, day_)
        if found and found[0].weekday() == weekday:
            candidates.append(found[0])
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - near).days), -d.year)).year


def weekday_near(weekday: int, published: dt.date, tense: str | None) -> dt.date:
    """A bare weekday: the last one on or before publication, or for the future the next one
    on or after it."""
    if tense == FUTURE:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def season_relative(index: int, published: dt.date, offset: int, tense: str | None) -> Period:
    """«прошлой осенью» (−1): the last such season that ended before publication; «этой» (0): the
    one holding the publication date, or of this year; «следующей» (+1): the next to begin."""
    seasons = [season(y, index) for y in range(published.year - 2, published.year + 2)]
    if offset < 0:
        return max(s for s in seasons if s[1] < published)
    if offset > 0:
        return min(s for s in seasons if s[0] > published)
    holding = [s for s in seasons if s[0] <= published <= s[1]]
    if holding:
        return holding[0]
    if tense == PAST:
        return max(s for s in seasons if s[1] < published)
    if tense == FUTURE:
        return min(s for s in seasons if s[0] > published)
    return min(seasons, key=lambda s: distance(s, published))
