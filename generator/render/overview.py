"""The home page's picture of the whole chronology: events per month as an inline SVG.

Built at build time, so it costs the reader no script and no request. Every month between the
first and the last event gets a slot, so gaps in the story show as gaps; each bar links to its
month on the page. Events with no known month (a year, a season) are counted apart.
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
    baseline: float = 80.0  # y of the axis: bars grow up from it, year labels sit under it

    @property
    def rows(self) -> list[tuple[int, int | None, int]]:
        """(year, month or None, count) in time order: the chart's text alternative."""
        rows = [(bar.year, bar.month, bar.count) for bar in self.bars]
        rows += [(year, None, count) for year, count in self.year_only]
        return sorted(rows, key=lambda row: (row[0], row[1] or 0))


SLOT = 12.0  # width of one month in SVG units; the SVG scales to the page
MIN_SLOTS = 24  # a short story still gets a chart two years wide, not one giant bar
LABEL_SLOTS = 4  # a year label needs this many slots of room, or the next year's would overlap it
CHART_HEIGHT = 80.0
LABEL_HEIGHT = 18.0


def month_of(event: Event) -> int | None:
    """The month an event is listed under: None when the sources give no month (a year, or a
    season, which would otherwise be filed under its first month as if it began then)."""
    if event.span.precision in ("year", "season"):
        return None
    return event.span.start.month


def month_anchor(year: int, month: int | None) -> str:
    return f"m-{year}-{month:02d}" if month else f"y-{year}"


def overview_of(events: list[Event]) -> Overview | None:
    by_month = Counter((e.span.start.year, month_of(e)) for e in events if month_of(e) is not None)
    year_only = Counter(e.span.start.year for e in events if month_of(e) is None)
    if not by_month:
        return None
    first, last = min(by_month), max(by_month)
    peak = max(by_month.values())
    bars: list[MonthBar] = []
    years: list[tuple[int, float]] = []
    index = 0
    year, month = first
    while (year, month) <= last:
        x = index * SLOT
        if month == 1 or not years:
            if years and x - years[-1][1] < LABEL_SLOTS * SLOT:
                years.pop()  # the first, partial year gives way to the full one beside it
            years.append((year, x))
        if by_month[(year, month)]:
            count = by_month[(year, month)]
            bars.append(MonthBar(year, month, count, x, max(4.0, CHART_HEIGHT * count / peak)))
        index += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    width = max(index, MIN_SLOTS) * SLOT
    return Overview(bars, years, sorted(year_only.items()), width, CHART_HEIGHT + LABEL_HEIGHT, SLOT)
