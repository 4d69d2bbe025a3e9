"""Extract: what one document says about when and who.

Pure function of (document text, actor registry, rules): no file access, so its result can be
cached by content hash. This first cut finds the actors named in their registry forms and the
publication date, inferring it from the lead when the file has no date line (as source 002,
«в четверг, 5 февраля»). Every article then yields one event mention: its headline, dated by
publication.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .model import Actor, Document, PartialDate

_LEAD_CHARS = 800  # the lead: where a report says when it was published


@dataclass(frozen=True)
class ActorMention:
    actor: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class DateMention:
    text: str
    span: tuple[int, int]
    value: PartialDate
    rule: str
    sentence: str


@dataclass(frozen=True)
class EventMention:
    date: PartialDate
    actors: list[str]
    text: str
    span: tuple[int, int]
    date_text: str | None
    rule: str


@dataclass
class Extraction:
    source: str
    language: str
    published: PartialDate | None
    published_from: str  # header | front_matter | inferred | none
    published_evidence: DateMention | None = None
    actors: list[ActorMention] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)


@cache
def _calendar() -> dict:
    return tomllib.loads(resources.files("generator").joinpath("data/calendar.toml").read_text("utf-8"))


def extract(document: Document, index: ActorIndex) -> Extraction:
    result = Extraction(document.id, document.language, document.published, document.published_from)
    result.actors = find_actors(document.text, index)
    if result.published is None:
        found = infer_publication_date(document)
        if found is not None:
            result.published, result.published_from, result.published_evidence = (
                found.value,
                "inferred",
                found,
            )
    if result.published is not None:
        result.mentions.append(_headline_mention(document, result, index))
    return result


def _headline_mention(document: Document, result: Extraction, index: ActorIndex) -> EventMention:
    lead_end = document.body_start + _LEAD_CHARS
    in_lead = [m.actor for m in result.actors if m.span[0] < lead_end and m.actor not in index.media]
    evidence = result.published_evidence
    assert result.published is not None
    return EventMention(
        date=result.published,
        actors=list(dict.fromkeys(in_lead)),
        text=document.title,
        span=document.title_span,
        date_text=evidence.text if evidence else None,
        rule=f"publication date ({result.published_from})",
    )


@dataclass(frozen=True)
class ActorIndex:
    """Every registry form of every actor, compiled once per build, not once per document."""

    pattern: re.Pattern[str]
    forms: dict[str, str]  # surface form (ё folded to е) → actor id
    media: frozenset[str]  # outlets and journalists: they report events, they don't act in them


def build_actor_index(actors: dict[str, Actor]) -> ActorIndex:
    """One alternation of every name and alias, longest first, so «МИД Казахстана» beats «Казахстан»."""
    forms: dict[str, str] = {}
    for actor_id, actor in sorted(actors.items()):
        for language in actor.names:
            for form in [actor.names[language], *actor.aliases.get(language, [])]:
                forms.setdefault(_fold(form), actor_id)
    alternation = "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
    # Case-sensitive: «Гор» the envoy is not «гор», mountains.
    media = frozenset(actor_id for actor_id, actor in actors.items() if actor.media)
    return ActorIndex(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), forms, media)


def find_actors(text: str, index: ActorIndex) -> list[ActorMention]:
    folded = _fold(text)  # same length as text: ё→е keeps every offset
    return [
        ActorMention(index.forms[match.group(0)], text[match.start() : match.end()], match.span())
        for match in index.pattern.finditer(folded)
    ]


def _fold(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def infer_publication_date(document: Document) -> DateMention | None:
    """«в четверг, 5 февраля» in the lead: the year in which 5 February falls on a Thursday,
    nearest to the latest year the article itself names."""
    lead_start = document.body_start
    lead = document.text[lead_start : lead_start + _LEAD_CHARS]
    reference = _latest_year(document.text, document.language)
    if reference is None:
        return None
    for match in _weekday_day_month_pattern(document.language).finditer(lead):
        weekday = _index_of(_calendar()["weekdays"][document.language], match.group("weekday"))
        month = _index_of(_calendar()["months"][document.language], match.group("month")) + 1
        day = int(match.group("day"))
        year = _year_of_weekday(day, month, weekday, reference)
        if year is None:
            continue
        start, end = lead_start + match.start(), lead_start + match.end()
        return DateMention(
            text=document.text[start:end],
            span=(start, end),
            value=PartialDate(year, month, day),
            rule=f"weekday+day, year from weekday (nearest to {reference}, latest year named in the text)",
            sentence=_sentence_around(document.text, start),
        )
    return None


@cache
def _weekday_day_month_pattern(language: str) -> re.Pattern[str]:
    weekdays = "|".join(w for forms in _calendar()["weekdays"][language] for w in forms)
    months = "|".join(m for forms in _calendar()["months"][language] for m in forms)
    return re.compile(
        rf"(?<!\w)(?:(?:в|во|on)\s+)?(?P<weekday>{weekdays}),?\s+(?P<day>\d{{1,2}})\s+(?P<month>{months})(?!\w)",
        re.IGNORECASE,
    )


def _latest_year(text: str, language: str) -> int | None:
    months = "|".join(m for forms in _calendar()["months"][language] for m in forms)
    words = "|".join(re.escape(w) for w in _calendar()["year_words"][language])
    marked = rf"(?:(?<=\s)(?P<a>(?:19|20)\d\d)\s+(?:{words})(?!\w))" if words else r"(?!x)x"
    after_month = rf"(?:(?:{months})\s+(?P<b>(?:19|20)\d\d)(?!\d))"
    years = [int(m.group("a") or m.group("b")) for m in re.finditer(f"{marked}|{after_month}", text, re.I)]
    return max(years) if years else None


def _year_of_weekday(day: int, month: int, weekday: int, reference: int) -> int | None:
    candidates = []
    for year in range(reference - 6, reference + 2):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                candidates.append(year)
        except ValueError:
            continue
    return min(candidates, key=lambda y: (abs(y - reference), -y)) if candidates else None


def _index_of(groups: list[list[str]], word: str) -> int:
    word = word.lower()
    return next(index for index, forms in enumerate(groups) if word in forms)


def _sentence_around(text: str, offset: int) -> str:
    start = max(text.rfind(". ", 0, offset) + 2, text.rfind("\n", 0, offset) + 1, 0)
    ends = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()
