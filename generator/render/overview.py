"""The home page's picture of the whole chronology: events per month as an inline SVG.

Built at build time, so it costs the reader no script and no request. Every month between the
first and the last event gets a slot, so gaps in the story show as gaps; each bar links to its
month on the page. Events known only to the year are counted apart, as they belong to no month.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Event


@dataclass(frozen=True)
class MonthBar:
    year: int
    month: int
    count: int
    x: float
    height: float

    @property
    def anchor(self) -> str:
        return month_anchor(self.year, self.month)


@dataclass(frozen=True)
class Overview:
    bars: list[MonthBar]
    years: list[tuple[int, float]]  # a label per year, at the x of its first slot
    year_only: list[tuple[int, int]]  # (year, events known only to the year)
    width: float
    height: float
    slot: float
    peak: int
    baseline: float = 80.0  # y of the axis: bars grow up from it, year labels sit under it


SLOT = 12.0  # width of one month in SVG units; the SVG scales to the page
CHART_HEIGHT = 80.0
LABEL_HEIGHT = 18.0


def month_anchor(year: int, month: int | None) -> str:
    return f"m-{year}-{month:02d}" if month else f"y-{year}"


def overview_of(events: list[Event]) -> Overview | None:
    by_month = Counter(
        (e.span.start.year, e.span.start.month) for e in events if e.span.start.month is not None
    )
    year_only = Counter(e.span.start.year for e in events if e.span.start.month is None)
    if not by_month:
        return None
    first, last = min(by_month), max(by_month)
    peak = max(by_month.values())
    bars, years = [], []
    index = 0
    for year in range(first[0], last[0] + 1):
        for month in range(1, 13):
            if (year, month) < first or (year, month) > last:
                continue
            x = index * SLOT
            if month == 1 or not years:
                years.append((year, x))
            count = by_month.get((year, month), 0)
            if count:
                bars.append(MonthBar(year, month, count, x, max(4.0, CHART_HEIGHT * count / peak)))
            index += 1
    return Overview(
        bars, years, sorted(year_only.items()), index * SLOT, CHART_HEIGHT + LABEL_HEIGHT, SLOT, peak
    )
