"""Candidates: each event mention of each document, with the days its happening may fall on.

A mention dated by words of the text («6 ноября», «в ноябре 2025 года») may fall on any day of
its span. A mention dated only by the article's publication happened on that day or up to
`REPORT_LAG` days before: news trails what it reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..extract import EventMention, Extraction
from ..extract.concepts import specific_kinds
from ..extract.happenings import WORDS_DAY, Role
from ..model import Document

REPORT_LAG = dt.timedelta(days=2)
# An undated report («Ранее суд приговорил …», "Earlier, the court …") of a past happening
# falls within this many days before its article; of a coming one, within `UNDATED_AHEAD` after.
UNDATED_BEFORE = dt.timedelta(days=92)
UNDATED_AHEAD = dt.timedelta(days=183)
_ROLES = (Role.HEADLINE, Role.SECTION, Role.SENTENCE, Role.BACKGROUND)


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
    names: frozenset[str] = frozenset()  # keys of discovered names (generator/extract/discovered.py)
    numbers: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()  # the occurrences its own clause names
    formerly: tuple[dt.date, dt.date] | None = None  # the days it was planned for before a move
    story: frozenset[str] = frozenset()  # keys of every name its article uses (generator/merge/story.py)

    @property
    def joins_only(self) -> bool:
        """A report that may join an event but never makes one alone: undated, a year named in
        passing, the day of the words that report a happening, or a dated sentence that names no
        kind of happening."""
        mention = self.mention
        if mention.anchor == "undated" or self.words_day:
            return True
        if mention.role != Role.SENTENCE:
            return False
        return mention.when.precision == "year" or not self.specific

    @property
    def anchored(self) -> bool:
        """Dated from another happening («через неделю после приговора»): clustered last."""
        return self.mention.anchored_to is not None and self.mention.anchor == "happening"

    @property
    def background(self) -> bool:
        """Context of its article (since when, a plan's old day): never an event of its own."""
        return self.mention.role == Role.BACKGROUND

    @property
    def words_day(self) -> bool:
        """«…data released on 2 March showed», "the director announced on Tuesday": the day of
        the words, background to what they report, yet the announcement may be a happening
        another article reports: it may join an event of that day, never make one."""
        return self.background and self.mention.rule.endswith(WORDS_DAY)

    @property
    def clustered(self) -> bool:
        """Whether clustering places it: background only when it may join an event."""
        return not self.background or self.words_day

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
        story = frozenset(key for name in extraction.unknown_names if not name.media for key in name.keys)
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
                    specific_kinds(mention.concepts, mention.kinds),
                    position,
                    frozenset(mention.names),
                    frozenset(mention.numbers),
                    frozenset(mention.kinds),
                    (mention.formerly.first_day(), mention.formerly.last_day()) if mention.formerly else None,
                    story,
                )
            )
    return found


def window(mention: EventMention) -> tuple[dt.date, dt.date]:
    low, high = mention.when.first_day(), mention.when.last_day()
    if mention.anchor == "publication" or (
        mention.when.qualifier == "approximate" and mention.when.precision == "day"
    ):
        low -= REPORT_LAG  # by the day of the report, or of words said shortly before it
    elif mention.anchor == "undated":
        if mention.kind == "planned":
            return low, high + UNDATED_AHEAD
        return low - UNDATED_BEFORE, high
    return low, high
