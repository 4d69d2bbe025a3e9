"""The chronological model: plain data passed from stage to stage.

Dates are partial on purpose: a report that says «в ноябре 2025 года» knows a month, not a day,
and nothing downstream may invent the day. A `DateSpan` therefore carries its precision, and
its sort key orders a whole period before the days inside it instead of pretending it is the 1st.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

PRECISIONS = ("day", "week", "part_of_month", "month", "season", "year")
EVENT_KINDS = ("occurred", "planned", "cancelled", "target")
QUALIFIERS = (None, "approximate", "before", "after")
ACTOR_TYPES = ("person", "country", "org", "place")
LANGUAGES = ("ru", "kk", "en")

# The years a date may name, here and in every output. Far wider than any news chronology needs,
# and narrow enough that a day inside it moved by any span the tool reckons with («сто лет назад»,
# a merge window of months) stays inside what Python's dates can hold (years 1–9999).
MIN_YEAR, MAX_YEAR = 1000, 2999
YEAR_WINDOW = f"{MIN_YEAR}–{MAX_YEAR}"


def in_year_window(day: dt.date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"the year {self.year} is outside {YEAR_WINDOW}, the years a timeline can show")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1–12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02d}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with the reason otherwise."""
        match = _ISO_PARTIAL.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a date like 2025, 2025-11 or 2025-11-06")
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)  # type: ignore[arg-type]

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        # An unknown month or day sorts as 0: before every known one, never as the 1st.
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.edtf


@dataclass(frozen=True, slots=True)
class DateSpan:
    """When an event happened: one partial date or a range, with how sure we are."""

    start: PartialDate
    end: PartialDate | None = None
    precision: str = ""
    qualifier: str | None = None

    def __post_init__(self) -> None:
        if not self.precision:
            object.__setattr__(self, "precision", self.start.precision)
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision {self.precision!r} is not one of {', '.join(PRECISIONS)}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"qualifier {self.qualifier!r} is not one of before, after, approximate")
        if self.end is not None and self.end.first_day() < self.start.first_day():
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, text: str, qualifier: str | None = None) -> DateSpan:
        """Read EDTF-like text: `2025`, `2025-11`, `2025-11-06`, `2026-02-04/2026-02-05`, `2025~`."""
        text = text.strip()
        if text.endswith("~"):
            if qualifier not in (None, "approximate"):
                raise ValueError(f"{text!r} is approximate but the qualifier says {qualifier!r}")
            return cls.parse(text[:-1], "approximate")
        if "/" in text:
            first, _, last = text.partition("/")
            start, end = PartialDate.parse(first), PartialDate.parse(last)
            if start == end:
                return cls(start, None, qualifier=qualifier)
            # A range is as precise as its vaguer end: 2025-11/2025-12-15 is known to the month.
            precision = max(start.precision, end.precision, key=PRECISIONS.index)
            return cls(start, end, precision, qualifier)
        return cls(PartialDate.parse(text), None, qualifier=qualifier)

    @property
    def last(self) -> PartialDate:
        return self.end or self.start

    def first_day(self) -> dt.date:
        return self.start.first_day()

    def last_day(self) -> dt.date:
        return self.last.last_day()

    @property
    def edtf(self) -> str:
        text = self.start.edtf if self.end is None else f"{self.start.edtf}/{self.end.edtf}"
        return text + "~" if self.qualifier == "approximate" else text

    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        return (self.start.sort_key(), self.last.sort_key())

    def to_json(self) -> dict[str, str | None]:
        return {
            "edtf": self.edtf,
            "start": self.first_day().isoformat(),
            "end": self.last_day().isoformat(),
            "precision": self.precision,
            "qualifier": self.qualifier,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str
    names: dict[str, str]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    country: str | None = None
    role: dict[str, str] = field(default_factory=dict)
    media: bool = False  # an outlet or a journalist: it reports events, it is not an actor in them
    guessed: tuple[str, ...] = ()  # languages whose name is a transliteration, sorted (a set's order varies)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(slots=True)
class Document:
    """One source article as read from `content/articles/`."""

    id: str
    path: Path
    language: str
    published: PartialDate | None
    published_from: str  # header | front_matter | none (extraction may infer it later)
    title: str
    title_span: tuple[int, int]
    text: str  # the whole decoded file, BOM removed: spans index into it
    body_start: int
    content_hash: str
    encoding: str
    outlet: str | None = None
    url: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(slots=True)
class Note:
    """An editor's hand-written event, possibly split over one file per language."""

    id: str
    paths: list[Path]
    span: DateSpan
    kind: str
    title: dict[str, str]
    summary: dict[str, str]
    body: dict[str, str]
    actors: list[str]
    sources: list[str]
    tags: list[str]
    aliases: list[str] = field(default_factory=list)  # its earlier ids: their pages redirect here
    image: Path | None = None  # its picture's file
    image_path: str | None = None  # where the picture is published (assets/…)
    image_alt: dict[str, str] = field(default_factory=dict)  # what it shows, per language


@dataclass(slots=True)
class Page:
    """A free-standing content page (about), one Markdown body per language."""

    id: str
    title: dict[str, str]
    body: dict[str, str]
    files: dict[str, Path] = field(default_factory=dict)  # the file of each language


@dataclass(slots=True)
class SourceRef:
    """Where an event is reported: one document, and the words that date it."""

    source: str
    language: str
    published: PartialDate | None
    evidence: str
    evidence_span: tuple[int, int] | None
    date_text: str | None
    rule: str


@dataclass(slots=True)
class ReportedDate:
    """One source's word on when an event happened, and whether it fits the date chosen."""

    source: str
    span: DateSpan
    date_text: str | None  # None: the source names no date and was dated by its publication
    rule: str
    consistent: bool = True


@dataclass(frozen=True, slots=True)
class NamedActor:
    """Someone or something an event's sources name that the registry does not know: a person,
    a body, a place, found by extraction and linked across scripts and languages. `names` and
    `role` are by language, in dictionary form ("Joe Biden", role "President")."""

    names: dict[str, str]
    role: dict[str, str]
    sources: tuple[str, ...]  # the sources of the event that name it

    def name(self, language: str) -> str:
        return self.names.get(language) or next(iter(self.names.values()))

    def name_language(self, language: str) -> str:
        return language if language in self.names else next(iter(self.names))


@dataclass(slots=True)
class Event:
    id: str
    span: DateSpan
    kind: str
    title: dict[str, str]
    summary: dict[str, str]
    body: dict[str, str]
    actors: list[str]
    sources: list[SourceRef]
    tags: list[str]
    origin: str  # note | article
    # Where each title comes from: "note", or "headline|section|sentence:<source id>" for a
    # source's own words, which a page shows as quoted, in their own language.
    title_from: dict[str, str] = field(default_factory=dict)
    reported_dates: list[ReportedDate] = field(default_factory=list)
    date_reason: str = ""
    named: list[NamedActor] = field(default_factory=list)  # named in its sources, not in the registry
    decisions: list[Decision] = field(default_factory=list)  # the editor's, that shaped it
    aliases: list[str] = field(default_factory=list)  # earlier ids, whose pages redirect to this one
    image: Path | None = None  # a note's picture (generator/ingest/images.py)
    image_path: str | None = None  # where it is published, under assets/
    image_alt: dict[str, str] = field(default_factory=dict)
    happening: str | None = None  # the kind of happening most of its reports name (a concept id)

    @property
    def conflicts(self) -> list[ReportedDate]:
        return [reported for reported in self.reported_dates if not reported.consistent]

    def sort_key(self) -> tuple:
        return (*self.span.sort_key(), self.id)

    def last_reported(self) -> dt.date:
        """A deterministic 'last changed' day for feeds and calendars: the latest publication
        among the sources, else the event's first day (no clock is read)."""
        published = [ref.published for ref in self.sources if ref.published is not None]
        if published:
            return max(published, key=lambda p: p.sort_key()).first_day()
        return self.span.first_day()


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag as readers see it: notes use the id, pages show the name in the page's language."""

    id: str
    names: dict[str, str] = field(default_factory=dict)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.id


@dataclass(frozen=True, slots=True)
class Highlight:
    """Words in a source that extraction read as a date or an actor, and the event they date.

    `start`/`end` index the document's text; `event` is None for words outside every event's
    evidence (a date the merge set aside, an actor named in passing)."""

    start: int
    end: int
    kind: str  # date | actor
    actor: str | None = None
    event: str | None = None


@dataclass(slots=True)
class Timeline:
    languages: list[str]
    events: list[Event]  # in chronological order (Event.sort_key): merge sorts, nobody re-sorts
    actors: dict[str, Actor]
    documents: dict[str, Document]
    pages: list[Page]
    warnings: list[str] = field(default_factory=list)
    tags: dict[str, Tag] = field(default_factory=dict)
    highlights: dict[str, list[Highlight]] = field(default_factory=dict)  # by source id, in text order
    dropped: list[tuple[str, tuple[str, ...], Decision]] = field(default_factory=list)  # (id, sources, why)


class Action(StrEnum):
    """What an editor's decision does (content/decisions.toml)."""

    SPLIT = "split"
    MOVE = "move"
    MERGE = "merge"
    DROP = "drop"
    REDATE = "redate"
    RETITLE = "retitle"


@dataclass(frozen=True)
class Decision:
    action: Action
    path: Path
    line: int | None
    event: str = ""  # drop, split, retitle, redate: the event it is about
    events: tuple[str, ...] = ()  # merge: the first one stays
    source: str = ""  # move
    from_event: str = ""  # move
    to_event: str = ""  # move
    sources: tuple[str, ...] = ()  # split
    new_id: str = ""  # split: the id of the event split off ("" = from its first report)
    title: dict[str, str] = field(default_factory=dict)  # retitle
    date: DateSpan | None = None  # redate
    why: str = ""

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}" if self.line else self.path.name
