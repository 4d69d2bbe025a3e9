"""Candidates: each event mention of each document, with the days its happening may fall on.

A mention dated by words of the text («6 ноября», «в ноябре 2025 года») may fall on any day of
its span. A mention dated only by the article's publication happened on that day or up to
`REPORT_LAG` days before: news trails what it reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..extract import EventMention, Extraction
from ..extract.concepts import most_specific
from ..model import Document

REPORT_LAG = dt.timedelta(days=2)
_ROLES = ("headline", "section", "sentence")


@dataclass(slots=True, eq=False)
class Candidate:
    source: str
    language: str
    published: dt.date | None
    mention: EventMention
    low: dt.date  # the first day the happening may fall on
    high: dt.date  # the last
    actors: frozenset[str]
    concepts: frozenset[str]
    specific: frozenset[str]  # the kinds of gathering or document it names, most specific only
    position: int  # the mention's place in its document: keeps every ordering deterministic

    @property
    def target(self) -> bool:
        return self.mention.kind == "target"

    @property
    def days(self) -> int:
        return (self.high - self.low).days + 1

    def order(self) -> tuple:
        """Most precise first, so vaguer reports («в ноябре») meet the happenings they recall."""
        return (
            self.days,
            self.mention.anchor != "text",
            _ROLES.index(self.mention.role),
            self.published or dt.date.max,
            self.source,
            self.position,
        )

    def report_order(self) -> tuple:
        """Which report came first: the earliest published, then the file name."""
        return (self.published or dt.date.max, self.source, self.position)


def candidates_of(documents: dict[str, Document], extractions: dict[str, Extraction]) -> list[Candidate]:
    found = []
    for source in sorted(documents):
        extraction = extractions[source]
        published = extraction.published.first_day() if extraction.published else None
        for position, mention in enumerate(extraction.mentions):
            low, high = window(mention)
            found.append(
                Candidate(
                    source,
                    extraction.language,
                    published,
                    mention,
                    low,
                    high,
                    frozenset(mention.actors),
                    frozenset(mention.concepts),
                    frozenset(most_specific(mention.concepts)),
                    position,
                )
            )
    return found


def window(mention: EventMention) -> tuple[dt.date, dt.date]:
    low, high = mention.when.first_day(), mention.when.last_day()
    if mention.anchor == "publication":
        low -= REPORT_LAG
    return low, high
