"""Extract: what one document says about when and who.

A pure function of (document text, actor registry, rules): no file access, so its result can be
cached by content hash (`generator/extract_cache.py`). It finds every date expression and every
actor mention, settles the publication date (header, front matter, or the lead's weekday+day),
and turns each dated sentence into a candidate event for the merge stage.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache

from ..model import DateSpan, Document, PartialDate
from .actors import ActorIndex, ActorMention, build_actor_index, document_words, find_actors
from .anchored import AnchoredDay, find_anchored
from .concepts import concept_table, conflicting, find_concepts, most_specific, related, site_concepts_digest
from .dates import FoundDate, find_dates
from .discovered import numbers_in
from .happenings import (
    TOLD_BEFORE,
    WORDS_DAY,
    Role,
    clause_bounds,
    happening_kind,
    headline_date,
    is_attribution,
    is_old_plan,
    is_timestamp_line,
    own_kinds,
    points_back,
    recalls,
    sentence_role,
)
from .moved import lend_old_days, marked_as_another
from .names import UnknownName, find_unknown_names
from .sentences import Sentence, sentence_at, sentence_index, split_sentences
from .tense import FUTURE, sentence_tense
from .vocabulary import rules_fingerprint

# The lead: the headline and the opening of the body, where a report says when it happened.
_LEAD_CHARS = 600
_LEAD_SENTENCES = 6
_SUMMARY_CHARS = 280

__all__ = [
    "ActorIndex",
    "ActorMention",
    "EventMention",
    "Extraction",
    "FoundDate",
    "UnknownName",
    "build_actor_index",
    "extract",
    "rules_version",
]


def rules_version() -> str:
    return rules_fingerprint() + site_concepts_digest()


@dataclass(frozen=True, slots=True)
class EventMention:
    """A candidate event: a dated sentence, the headline, or a section that reports a happening
    of its own, with its actors and key terms.

    `role` is `headline` (what the article reports), `section` (a sub-heading that introduces a
    different happening, like a conference after a report of talks) or `sentence` (any other
    dated sentence). `anchor` says what dates it: `text` (words of the article) or
    `publication` (nothing in the text: it happened by the day it was reported). `text` and
    `span` are the evidence; `title` is the headline or sub-heading."""

    when: DateSpan
    kind: str
    actors: list[str]
    text: str
    span: tuple[int, int]
    date_text: str | None
    rule: str
    role: str = Role.SENTENCE
    anchor: str = "text"
    concepts: tuple[str, ...] = ()
    title: str | None = None
    names: tuple[str, ...] = ()  # cross-script keys of the names no registry actor matched
    numbers: tuple[str, ...] = ()  # amounts and counts it gives: «38 участков», "$1.1bn"
    kinds: tuple[str, ...] = ()  # key terms of its own clause (the headline's: and its dated clause)
    formerly: DateSpan | None = None  # the day it was planned for before it was moved
    another: bool = False  # «во втором полуфинале»: another happening of a kind its article told of
    # «через неделю после приговора»: (days from that happening, the kinds its words name)
    anchored_to: tuple[int, tuple[str, ...]] | None = None

    @property
    def headline(self) -> bool:
        return self.role == Role.HEADLINE


@dataclass
class Extraction:
    source: str
    language: str
    published: PartialDate | None
    published_from: str  # header | front_matter | inferred | none
    published_evidence: FoundDate | None = None
    dates: list[FoundDate] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    unknown_names: list[UnknownName] = field(default_factory=list)

    @property
    def headline(self) -> EventMention | None:
        return next((m for m in self.mentions if m.headline), None)


def extract(document: Document, index: ActorIndex) -> Extraction:
    text, language = document.text, document.language
    regions = _regions(document)
    sentences = split_sentences(text, regions)
    result = Extraction(document.id, language, document.published, document.published_from)
    published = document.published.first_day() if document.published and document.published.day else None
    if document.published is None:
        evidence = _publication_from_lead(document, regions, sentences)
        if evidence is not None:
            result.published = PartialDate.from_date(evidence.start)
            result.published_from = "inferred"
            result.published_evidence = evidence
            published = evidence.start
    result.dates = find_dates(text, regions, sentences, language, published, *_partial_anchor(document))
    words = document_words(text, regions)
    result.actors = find_actors(text, words, language, index)
    covered = [m.span for m in result.actors] + [d.span for d in result.dates]
    result.unknown_names = find_unknown_names(text, words, sentences, language, covered, index.words)
    result.mentions = _event_mentions(document, result, sentences, index)
    return result


def _partial_anchor(document: Document) -> tuple[dt.date | None, int | None]:
    """A publication date known only to the month or the year still places «6 ноября»."""
    published = document.published
    if published is None or published.day is not None:
        return None, None
    if published.month is not None:
        return published.last_day(), None
    return None, published.year


def _regions(document: Document) -> list[tuple[int, int]]:
    """The headline and the body: never the ` date …` header, front matter keys, nor the
    timestamp line under the headline («14.03.2024, 09:12»: when it was posted, not happened)."""
    title_start, title_end = document.title_span
    body = (_after_timestamp(document.text, max(document.body_start, title_end)), len(document.text))
    if title_end <= title_start:
        return [body]
    if title_end >= document.body_start:
        return [(title_start, len(document.text))]
    return [(title_start, title_end), body]


def _after_timestamp(text: str, start: int) -> int:
    """Where the body starts once a timestamp line right under the headline is left out."""
    offset = start
    while offset < len(text) and text[offset] in " \t\r\n":
        offset += 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return end if is_timestamp_line(text[offset:end]) else start


def _timestamp(document: Document) -> tuple[int, int] | None:
    """The span of the timestamp line under the headline, if there is one."""
    start = max(document.body_start, document.title_span[1])
    end = _after_timestamp(document.text, start)
    return (start, end) if end != start else None


def _publication_from_lead(document: Document, regions, sentences: list[Sentence]) -> FoundDate | None:
    """No header and no front matter date: the timestamp under the headline, else the lead's
    «в четверг, 5 февраля» is the day of the report (the weekday fixes its year)."""
    stamp = _timestamp(document)
    if stamp is not None:
        region = [stamp]
        stamped = find_dates(
            document.text, region, split_sentences(document.text, region), document.language, None
        )
        if stamped and stamped[0].precision == "day":
            return stamped[0]
    lead = _lead(sentences, document)
    if not lead:
        return None
    lead_region = [(lead[0].start, lead[-1].end)]
    for found in find_dates(document.text, lead_region, sentences, document.language, None):
        if "weekday+day" in found.rule and found.precision == "day":
            return found
    return None


def _lead(sentences: list[Sentence], document: Document) -> list[Sentence]:
    title_end = document.title_span[1]
    title = [s for s in sentences if s.start < title_end]
    limit = document.body_start + _LEAD_CHARS
    body = [s for s in sentences if title_end <= s.start < limit][:_LEAD_SENTENCES]
    return title + body


def _event_mentions(
    document: Document, result: Extraction, sentences: list[Sentence], index: ActorIndex
) -> list[EventMention]:
    actors_by_sentence: dict[int, list[str]] = {}
    for mention in result.actors:
        if mention.actor in index.media:
            continue  # outlets report events; they do not take part in them
        sentence = sentence_index(sentences, mention.span[0])
        actors_by_sentence.setdefault(sentence, [])
        if mention.actor not in actors_by_sentence[sentence]:
            actors_by_sentence[sentence].append(mention.actor)

    names_by_sentence: dict[int, list[str]] = {}
    for name in result.unknown_names:
        if not name.media:
            keys = names_by_sentence.setdefault(sentence_index(sentences, name.span[0]), [])
            keys.extend(k for k in name.keys if k not in keys)
    starts = [s.start for s in sentences]

    def actors_before(end: int, start: int = 0) -> list[str]:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        return _unique(a for i in range(first, last) for a in actors_by_sentence.get(i, []))

    def names_between(start: int, end: int) -> tuple[str, ...]:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        return tuple(_unique(k for i in range(first, last) for k in names_by_sentence.get(i, [])))

    date_starts = [d.span[0] for d in result.dates]

    def numbers_of(start: int, end: int) -> tuple[str, ...]:
        inside = result.dates[bisect_left(date_starts, start) : bisect_left(date_starts, end)]
        return numbers_in(document.text[start:end], [(d.span[0] - start, d.span[1] - start) for d in inside])

    lead = _lead(sentences, document)
    lead_end = lead[-1].end if lead else 0
    title_actors = actors_before(document.title_span[1])
    title_names = names_between(0, document.title_span[1])
    anchored = find_anchored(document.text, _regions(document), result.language)
    all_anchored = list(anchored)
    # A lead that counts its day from another happening: "the court said on Monday" is no day of it.
    counts = any(a.span[0] < lead_end for a in anchored)
    lead_date = headline_date(
        document, result.dates, result.language, lead_end, title_names, names_between, counts
    )
    # A lead sentence with a date of its own («Первый меморандум подписали в ноябре 2025 года»)
    # recalls another happening: its actors and key terms do not describe the headline's.
    recalls = {sentence_index(sentences, d.span[0]) for d in result.dates if d is not lead_date}
    if lead_date is not None:
        recalls.discard(sentence_index(sentences, lead_date.span[0]))  # the headline's own sentence
    reporting = [
        (i, s)
        for i, s in enumerate(sentences[: len(lead)])
        if i not in recalls or s.start < document.title_span[1]
    ]
    lead_actors = _unique(a for i, _ in reporting for a in actors_by_sentence.get(i, []))
    lead_text = " ".join(document.text[s.start : s.end] for _, s in reporting)
    lead_concepts = find_concepts(lead_text, result.language)
    lead_names = tuple(_unique(k for i, s in reporting for k in names_between(s.start, s.end)))
    headline = _headline_mention(document, result, lead, lead_date, lead_actors, lead_concepts)
    mentions = []
    if headline is not None:
        numbers = tuple(_unique(n for _, s in reporting for n in numbers_of(s.start, s.end)))
        kinds = find_concepts(f"{document.title}. {headline.text}", result.language)
        names = tuple(_unique([*title_names, *lead_names]))
        mentions.append(replace(headline, names=names, numbers=numbers, kinds=kinds))
    used = {lead_date.span} if lead_date else set()
    mentions.extend(
        _section_mentions(document, result, sentences, lead_end, lead_concepts, actors_before, used)
    )

    @cache
    def sentence_concepts(span: tuple[int, int]) -> tuple[str, ...]:
        return find_concepts(document.text[span[0] : span[1]], result.language)

    # «перенесли с 20 на 27 апреля»: the happening on the 27th was planned for the 20th.
    old_plans = {
        d.sentence: as_date_span(d)
        for d in result.dates
        if d.precision == "day" and is_old_plan(document.text, d.sentence, d.span, result.language)
    }
    if mentions and mentions[0].headline:
        mentions[0] = replace(
            mentions[0],
            formerly=_headline_formerly(
                document.text, mentions[0], lead_date, old_plans, result.dates, result.language
            ),
        )
    if mentions and mentions[0].headline and mentions[0].anchor == "publication":
        # «…filed an appeal a week after the verdict»: the headline's day is counted from it.
        in_lead = [a for a in anchored if a.span[0] < lead_end]
        counted = (
            _anchored_mention(document.text, Sentence(0, 0), in_lead[0], result.language, result.published)
            if in_lead
            else None
        )
        if counted is not None:
            mentions[0] = replace(
                mentions[0],
                anchor="happening",
                date_text=counted.date_text,
                rule=counted.rule,
                anchored_to=counted.anchored_to,
            )
            anchored = [a for a in anchored if a is not in_lead[0]]
    same_day: set[tuple[tuple[int, int], dt.date, dt.date]] = set()
    if lead_date is not None:
        same_day.add((lead_date.sentence, lead_date.start, lead_date.end))
    vaguer = _vaguer_in_clause(document.text, result.dates)
    dated_sentences = {sentence_index(sentences, d.span[0]) for d in result.dates}
    for found in result.dates:
        if found.span in used:
            continue  # already the headline's (or a section's) date
        if found.span in vaguer:
            continue  # «күзгі фестиваль 23 қазанда басталады»: the day says when, not the season
        if (found.sentence, found.start, found.end) in same_day:
            continue  # «Накануне, 13 мая»: one day named twice in one sentence
        if any(a.span[0] <= found.span[0] < a.span[1] for a in anchored):
            continue  # «через неделю после приговора»: counted from the verdict, below
        same_day.add((found.sentence, found.start, found.end))
        sentence = sentence_index(sentences, found.span[0])
        actors = actors_by_sentence.get(sentence) or title_actors or lead_actors
        # The headline's names are the story's: a body sentence speaks within it.
        names = tuple(_unique([*names_by_sentence.get(sentence, ()), *(title_names or lead_names)]))
        clause, clause_span = _clause(document.text, found)
        concepts = sentence_concepts(found.sentence)
        role, why = sentence_role(document.text, found, result.language, concepts)
        if role == Role.SENTENCE and _dated_otherwise(
            found, result.dates, all_anchored, document.text, result.language
        ):
            role, why = Role.BACKGROUND, WORDS_DAY
        kinds = own_kinds(document.text, found.sentence, found.span, result.language) or concepts
        when = as_date_span(found)
        told = _told_before(document, sentences, sentence, found, result.language)
        if role == Role.SENTENCE and told is not None and sentence - 1 in dated_sentences:
            role, why = Role.BACKGROUND, WORDS_DAY  # the sentence before has a day of its own
        elif role == Role.SENTENCE and told is not None:
            # «Бұл туралы сейсенбі күні комиссия хабарлады»: the happening is the sentence
            # before, on the day of the words or shortly before it.
            clause, clause_span = document.text[told.start : told.end], (told.start, told.end)
            concepts = kinds = find_concepts(clause, result.language)
            names = tuple(_unique([*names_by_sentence.get(sentence - 1, ()), *names]))
            when, why = replace(when, qualifier="approximate"), TOLD_BEFORE
        mentions.append(
            EventMention(
                when=when,
                kind=happening_kind(document.text, found, result.language),
                actors=list(actors),
                text=clause,
                span=clause_span,
                date_text=found.text,
                rule=found.rule + why,
                role=role,
                concepts=concepts,
                names=names,
                numbers=numbers_of(*clause_span),
                kinds=kinds,
                formerly=None if role == Role.BACKGROUND else old_plans.get(found.sentence),
            )
        )
    for day in anchored:
        number = sentence_index(sentences, day.span[0])
        if number >= len(sentences) or result.published is None:
            continue
        if _restated(day, result.dates, sentences[number]):
            continue  # «возобновили 28 марта, т. е. через две недели после аварии»: the 28th
        mention = _anchored_mention(document.text, sentences[number], day, result.language, result.published)
        if mention is not None:
            names = _unique([*names_by_sentence.get(number, ()), *(title_names or lead_names)])
            actors = actors_by_sentence.get(number) or title_actors or lead_actors
            mentions.append(replace(mention, actors=list(actors), names=tuple(names)))
    dated = dated_sentences | {sentence_index(sentences, a.span[0]) for a in anchored}
    for number, sentence in enumerate(sentences):
        if number in dated or sentence.start < document.title_span[1] or result.published is None:
            continue
        undated = _undated_mention(document.text, sentence, result.language, result.published)
        if undated is not None:
            # Its own names, else the story's when it names its kind of happening («Бұған дейін
            # компания басшылығы сотқа талап арыз берген»): it then joins only an event of that kind.
            names = names_by_sentence.get(number) or (
                (title_names or lead_names) if most_specific(undated.kinds or undated.concepts) else ()
            )
            actors = actors_by_sentence.get(number, [])
            mentions.append(replace(undated, actors=list(actors), names=tuple(names)))
    return marked_as_another(lend_old_days(mentions, old_plans, sentences), result.language)


def _vaguer_in_clause(text: str, dates: list[FoundDate]) -> set[tuple[int, int]]:
    """Spans of dates a day inside them, in the same clause, says more precisely: "the autumn
    edition opens on 23 October", «в ноябре, 6-го числа»."""
    by_sentence: dict[tuple[int, int], list[FoundDate]] = {}
    for found in dates:
        by_sentence.setdefault(found.sentence, []).append(found)
    vaguer = set()
    for same in by_sentence.values():
        days = [d for d in same if d.precision == "day"]
        for found in same:
            if found.precision == "day" or not days:
                continue
            clause = clause_bounds(text, found.sentence, found.span)
            if any(
                found.start <= day.start
                and day.end <= found.end
                and clause_bounds(text, day.sentence, day.span) == clause
                for day in days
            ):
                vaguer.add(found.span)
    return vaguer


def _headline_formerly(text: str, headline: EventMention, lead_date, old_plans, dates, language: str):
    """The day the headline's happening had before it was moved: in the lead date's sentence,
    else in a sentence of the article about a happening of the headline's kind («финал 24
    мамырға белгіленген еді») that does not move it to a day of its own («запуск рейсов в Сеул
    перенесён с 1 июня на 1 июля» is another launch than the headline's)."""
    if lead_date is not None and lead_date.sentence in old_plans:
        return old_plans[lead_date.sentence]
    kinds = most_specific(headline.kinds)
    table = concept_table()
    headline_day = headline.when.first_day()
    for (start, end), day in old_plans.items():
        if any(d.sentence == (start, end) and d.start not in (day.first_day(), headline_day) for d in dates):
            continue
        # The hearing moved from the 13th is the one whose verdict the headline reports.
        if related(kinds, most_specific(find_concepts(text[start:end], language)), table):
            return day
    return None


def _told_before(
    document: Document, sentences: list[Sentence], number: int, found: FoundDate, language: str
) -> Sentence | None:
    """The body sentence before a sentence that only says who told it, and when."""
    if number == 0 or found.precision != "day":
        return None
    before = sentences[number - 1]
    if before.start < document.title_span[1] or not points_back(document.text, found, language):
        return None
    return before


def _dated_otherwise(found: FoundDate, dates: list[FoundDate], anchored, text: str, language: str) -> bool:
    """«…filed an appeal a week after the verdict, the court said on Monday»: Monday dates the
    words, and the sentence dates the happening otherwise."""
    if not is_attribution(text, found.sentence, found.span, language):
        return False
    start, end = found.sentence
    others = [d for d in dates if d is not found and start <= d.span[0] < end]
    return bool(others) or any(start <= a.span[0] < end for a in anchored)


def _restated(day: AnchoredDay, dates: list[FoundDate], sentence: Sentence) -> bool:
    """Whether the sentence names the day itself, outside the words that count it."""
    return any(
        found.precision == "day"
        and sentence.start <= found.span[0] < sentence.end
        and not day.span[0] <= found.span[0] < day.span[1]
        for found in dates
    )


def _anchored_mention(text: str, sentence: Sentence, day: AnchoredDay, language: str, published: PartialDate):
    """A happening dated from another one: merge finds that one's event and counts the days."""
    anchor_kinds = _anchor_kinds(day.anchor, language)
    if not most_specific(anchor_kinds):
        return None  # "a week after he spoke": nothing the corpus could date it by
    words = text[sentence.start : sentence.end]
    own = words.replace(day.text, " ")
    kinds = find_concepts(own, language)
    return EventMention(
        DateSpan(published),
        "occurred",
        [],
        words if len(words) <= _SUMMARY_CHARS else words[:_SUMMARY_CHARS],
        (sentence.start, min(sentence.end, sentence.start + _SUMMARY_CHARS)),
        day.text,
        f"anchored: {day.offset:+d} day(s) from «{day.anchor}»",
        anchor="happening",
        concepts=kinds,
        kinds=kinds,
        anchored_to=(day.offset, anchor_kinds),
    )


def _anchor_kinds(anchor: str, language: str) -> tuple[str, ...]:
    """The kinds the anchor's words name; for Kazakh, whose anchor comes before the count, the
    words nearest the count first («Апелляция үкім|нен кейін»: the verdict, not the appeal)."""
    if language != "kk":
        return find_concepts(anchor, language)
    parts = anchor.split()
    for size in range(1, len(parts) + 1):
        kinds = find_concepts(" ".join(parts[-size:]), language)
        if most_specific(kinds):
            return kinds
    return ()


def _undated_mention(text: str, sentence: Sentence, language: str, published: PartialDate):
    """«Ранее суд приговорил …», "Earlier, the court …": a sentence with no date that names a
    kind of happening reports one; another report of it may date it. It joins an event of that
    kind, never makes one (see generator/merge/candidates.py)."""
    words = text[sentence.start : sentence.end]
    if not recalls(words, language):
        return None
    kinds = find_concepts(words, language)
    if not most_specific(kinds):
        return None
    future = sentence_tense(words, language) == FUTURE
    return EventMention(
        DateSpan(published),
        "planned" if future else "occurred",
        [],
        words if len(words) <= _SUMMARY_CHARS else words[:_SUMMARY_CHARS],
        (sentence.start, min(sentence.end, sentence.start + _SUMMARY_CHARS)),
        None,
        "undated: "
        + ("a coming happening, after publication" if future else "a happening before publication"),
        anchor="undated",
        concepts=kinds,
        kinds=kinds,
    )


def _headline_mention(
    document: Document,
    result: Extraction,
    lead: list[Sentence],
    found: FoundDate | None,
    actors: list[str],
    concepts: tuple[str, ...],
) -> EventMention | None:
    """Dated by the lead's first exact date, else reported on the publication day. The evidence
    is that date's sentence, else the lead's first sentence naming the kind of happening."""
    if found is not None:
        text, span = _clause(document.text, found)
        return EventMention(
            as_date_span(found),
            happening_kind(document.text, found, result.language),
            actors,
            text,
            span,
            found.text,
            f"headline dated by the lead: {found.rule}",
            role=Role.HEADLINE,
            concepts=concepts,
            title=document.title,
        )
    if result.published is None:
        return None
    text, span = _naming_sentence(document, lead, result.language)
    return EventMention(
        DateSpan(result.published),
        "occurred",
        actors,
        text,
        span,
        None,
        f"reported on the publication date ({result.published_from})",
        role=Role.HEADLINE,
        anchor="publication",
        concepts=concepts,
        title=document.title,
    )


def _naming_sentence(document: Document, lead: list[Sentence], language: str) -> tuple[str, tuple[int, int]]:
    for sentence in lead:
        text = document.text[sentence.start : sentence.end]
        if most_specific(find_concepts(text, language)):
            return text, (sentence.start, sentence.end)
    return document.title, document.title_span


def _section_mentions(
    document: Document,
    result: Extraction,
    sentences: list[Sentence],
    lead_end: int,
    lead_concepts: tuple[str, ...],
    actors_before,
    used: set[tuple[int, int]],
) -> list[EventMention]:
    """A sub-heading that names a different kind of happening from the headline's («Кошербаев
    принял участие в Министерской конференции» after a report of his talks) starts a report of
    its own, dated by its opening lines or else by publication."""
    mentions = []
    headings = _headings(document.text, lead_end, sentences)
    starts = [s.start for s in sentences]
    date_starts = [d.span[0] for d in result.dates]  # dates come in text order
    for number, heading in enumerate(headings):
        heading_text = document.text[heading.start : heading.end]
        if not most_specific(find_concepts(heading_text, result.language)):
            continue
        limit = heading.start + _LEAD_CHARS
        if number + 1 < len(headings):
            limit = min(limit, headings[number + 1].start)
        first = bisect_left(starts, heading.start)
        opening = sentences[first : min(bisect_left(starts, limit), first + _LEAD_SENTENCES)]
        if not opening:
            continue  # the line sits inside a sentence the splitter did not break
        section_end = opening[-1].end
        concepts = find_concepts(document.text[heading.start : section_end], result.language)
        if not conflicting(concepts, lead_concepts):
            continue  # more about the headline's happening
        in_section = result.dates[
            bisect_left(date_starts, heading.start) : bisect_left(date_starts, section_end)
        ]
        found = next((d for d in in_section if d.precision == "day"), None)
        actors = actors_before(section_end, heading.start)
        if found is not None:
            used.add(found.span)
            when, kind, date_text, anchor = as_date_span(found), found.kind, found.text, "text"
            rule = f"section dated by its opening: {found.rule}"
        elif result.published is not None:
            when, kind, date_text, anchor = DateSpan(result.published), "occurred", None, "publication"
            rule = f"section reported on the publication date ({result.published_from})"
        else:
            continue
        evidence = opening[1] if len(opening) > 1 else opening[0]
        mentions.append(
            EventMention(
                when,
                kind,
                actors,
                document.text[evidence.start : evidence.end],
                (evidence.start, evidence.end),
                date_text,
                rule,
                role=Role.SECTION,
                anchor=anchor,
                concepts=concepts,
                title=heading_text,
                kinds=find_concepts(heading_text, result.language),
            )
        )
    return mentions


# A sub-heading: a line of its own, a few words, no closing punctuation, with text after it.
_HEADING_LINE = re.compile(r"^[^\S\n]*(?P<text>[^\n]{12,160}?)[^\S\n]*$", re.MULTILINE)


def _headings(text: str, start: int, sentences: list[Sentence]) -> list[Sentence]:
    found = []
    text_end = len(text.rstrip())
    for match in _HEADING_LINE.finditer(text, start):
        line = match.group("text")
        if line[-1] in '.!?…;:,»"' or len(line.split()) < 3:
            continue
        if match.end() >= text_end:
            continue  # the last line is a sign-off, not a heading
        sentence = sentence_at(sentences, match.start("text"))
        if sentence is None or sentence.start != match.start("text"):
            continue  # a line break inside a sentence («в 2025 г.)» then more), not a heading
        found.append(Sentence(match.start("text"), match.end("text")))
    return found


def as_date_span(found: FoundDate) -> DateSpan:
    return date_span(found.start, found.end, found.precision, found.qualifier)


def date_span(start: dt.date, end: dt.date, precision: str, qualifier: str | None) -> DateSpan:
    """The model's span for a found period: a month stays a month, never becomes its 1st."""
    if precision == "day":
        first, last = PartialDate.from_date(start), PartialDate.from_date(end)
    elif precision == "month":
        first, last = PartialDate(start.year, start.month), PartialDate(end.year, end.month)
    elif precision == "year":
        first, last = PartialDate(start.year), PartialDate(end.year)
    else:  # week, part of a month, season: known as a run of days, shown at their own precision
        return DateSpan(PartialDate.from_date(start), PartialDate.from_date(end), precision, qualifier)
    return DateSpan(first, None if first == last else last, precision, qualifier)


def _clause(text: str, found: FoundDate) -> tuple[str, tuple[int, int]]:
    """The sentence, or for a long one the clause around the date, kept within _SUMMARY_CHARS."""
    start, end = found.sentence
    if end - start <= _SUMMARY_CHARS:
        return text[start:end], (start, end)
    low, high = max(start, found.span[0] - _SUMMARY_CHARS // 2), min(end, found.span[1] + _SUMMARY_CHARS // 2)
    separators = (", ", "; ", " – ", " — ")
    left = max(text.rfind(sep, low, found.span[0]) for sep in separators)
    rights = [i for sep in separators if (i := text.find(sep, found.span[1], high)) >= 0]
    clause_start = left + 2 if left >= low else low
    clause_end = min(rights) if rights else high
    if clause_end - clause_start < 60:  # a clause of a few words says too little: take the window
        clause_start, clause_end = low, high
    return text[clause_start:clause_end].strip(), (clause_start, clause_end)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
