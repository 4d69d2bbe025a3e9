"""Date expressions in Russian, Kazakh and English, resolved to periods and explained.

The grammar is hand-written (dateparser reads «в 2024 году» as a duration and «40%» as 2040):
patterns are built here from the word lists in `generator/data/dates/<lang>.toml`. Every pattern
needs a calendar marker (a month, a year word, a weekday, a relative word), which is what keeps
«20 из 60», «50-ден», «G20» and «2000 участников» from ever becoming dates.

Each match is resolved against the publication date and the sentence's tense, and carries the
name of the rule that resolved it, so an editor can see why a date is what it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from ..model import in_year_window
from . import periods as cal
from .sentences import Sentence, fold, sentence_at
from .tense import russian_morphology, sentence_tense
from .vocabulary import date_words


@dataclass(frozen=True, slots=True)
class FoundDate:
    text: str
    span: tuple[int, int]
    start: dt.date
    end: dt.date
    precision: str
    qualifier: str | None
    kind: str  # occurred | planned | target
    rule: str
    sentence: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a matched expression means, before the sentence decides planned or occurred."""

    period: cal.Period
    precision: str
    rule: str
    qualifier: str | None = None
    kind: str | None = None  # set when the form itself says it (a dateline is the day reported)


@dataclass
class Context:
    published: dt.date | None
    reference_year: int | None  # the latest year the text names, when there is no publication date
    year_anchor: dt.date | None  # a publication date known to the month: its last day
    language: str
    text: str
    sentence: Sentence | None
    skip: list[tuple[int, int]] = field(default_factory=list)  # the sentence's dates, in order
    current: tuple[int, int] = (0, 0)  # the span of the date being resolved
    last_day: dt.date | None = None  # the last day the text named before the current date
    _tenses: dict[tuple[int, int], str | None] = field(default_factory=dict)
    _breaks: tuple[list[int], list[int]] | None = None  # clause break starts and ends

    def tense(self) -> str | None:
        """The tense of the clause holding the current date, else of the clauses after it (the
        verb often follows: «Бүгін Астанада Қазақстан – Ұлыбритания … өтіп жатыр»), else of the
        sentence around it: in «Сегодня открывается форум, а завтра министр посетит Алматы» each
        date has its own verb."""
        if self.sentence is None:
            return None
        for clause in self._clauses_around(self.current):
            found = self._tense_of(clause)
            if found is not None:
                return None if self._about_a_plan(clause, found) else found
        return None

    def lasts(self) -> bool:
        """«Показы продлятся до 18 апреля», "will run until 18 April", «18 сәуірге дейін
        жалғасады»: the date ends something under way (a verb of lasting within a few words)."""
        if self.sentence is None:
            return False
        start = max(self.sentence.start, self.current[0] - _LASTING_REACH)
        end = min(self.sentence.end, self.current[1] + _LASTING_REACH)
        return bool(_lasting(self.language).search(self.text, start, end))

    def _about_a_plan(self, clause: tuple[int, int], tense: str) -> bool:
        """«Открытие перенесли на 27 апреля» (a past verb, a coming day), "had been planned for
        April 2" (a future word, a day gone by): a plan's day is read as the nearest."""
        from .happenings import names_a_plan  # happenings reads found dates: imported when used

        if tense == "present":
            return False
        return names_a_plan(self.text[clause[0] : clause[1]], self.language, old_only=tense == cal.FUTURE)

    def _clauses_around(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        sentence = self.sentence
        assert sentence is not None
        if self._breaks is None:
            breaks = _clause_breaks(self.language).finditer(self.text, sentence.start, sentence.end)
            found = [m.span() for m in breaks]
            self._breaks = ([s for s, _ in found], [e for _, e in found])
        starts, ends = self._breaks
        before = bisect.bisect_right(ends, span[0])
        start = ends[before - 1] if before else sentence.start
        after = bisect.bisect_left(starts, span[1])
        stops = [*starts[after : after + _WIDEST_CLAUSE], sentence.end]
        # Clauses are cut to _CLAUSE_CHARS around the date: a 100 000-character «sentence» costs
        # no more than a short one.
        low, high = max(sentence.start, span[0] - _CLAUSE_CHARS), span[1] + _CLAUSE_CHARS
        clauses = [(max(start, low), min(stop, high)) for stop in stops]
        return [*clauses, (low, min(sentence.end, high))]

    def _tense_of(self, bounds: tuple[int, int]) -> str | None:
        if bounds not in self._tenses:
            start, end = bounds
            first = bisect.bisect_left(self.skip, (start, start))
            last = bisect.bisect_left(self.skip, (end, end))
            spans = [(a - start, b - start) for a, b in self.skip[first:last]]
            self._tenses[bounds] = sentence_tense(self.text[start:end], self.language, spans)
        return self._tenses[bounds]

    def undated(self, build: Callable[[int], cal.Period | None]) -> tuple[cal.Period, str] | None:
        anchor = self.published or self.year_anchor
        if anchor is not None:
            tense = self.tense()
            found = cal.choose_year(build, anchor, tense)
            how = {"past": "the last before", "future": "the next after"}.get(tense or "", "nearest to")
            return (found, f"year: {how} publication {anchor}") if found else None
        if self.reference_year is not None:
            found = build(self.reference_year)
            return (found, f"year: {self.reference_year}, the latest year the text names") if found else None
        return None


Resolver = Callable[[re.Match[str], Context], Reading | None]

_WIDEST_CLAUSE = 3  # how many clause breaks to look past for a verb
_CLAUSE_CHARS = 400


@cache
def _clause_breaks(language: str) -> re.Pattern[str]:
    # English joins clauses with «and» as often as with a comma: «arrived today and will meet».
    conjunction = (
        r"|\sthat\s|\s(?:and|but)\s(?=(?:will|would|was|were|is|are|has|have|had|said|says)\b)"
        if language == "en"
        else ""
    )
    return re.compile(rf",\s|;\s|:\s|\s[–—]\s{conjunction}")


def _dotless(word: str) -> str:
    """The patterns ignore case, and Unicode case-folding makes «ı» (Kazakh Latin) match «i»:
    the look-up must read them alike too («säuırge» is «säuir» with an ending)."""
    return word.replace("ı", "i").replace("i̇", "i")


def _phrase_key(words: str) -> str:
    """A phrase of a word table as the case-blind patterns match it: one space, lower case, «ı» as «i»."""
    return _dotless(" ".join(words.lower().split()))


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    resolve: Resolver


def find_dates(
    text: str,
    regions: list[tuple[int, int]],
    sentences: list[Sentence],
    language: str,
    published: dt.date | None,
    year_anchor: dt.date | None = None,
    reference_year: int | None = None,
) -> list[FoundDate]:
    """Every date expression in `regions`. Year-less dates are placed around the publication
    date, else around `year_anchor` (the last day of a month-precise publication date), else in
    `reference_year` (a year-precise one), else in the latest year the text names."""
    folded = fold(text)  # same length: every offset still points into `text`
    chosen = _longest_first(_candidates(folded, regions, language), len(text))
    if published is None and year_anchor is None and reference_year is None:
        reference_year = _latest_year(folded, language)
    contexts: dict[int, Context] = {}
    found = []
    kept = []
    for start, end, pattern, match in chosen:
        sentence = sentence_at(sentences, start)
        if _capitalised_month_inside_sentence(match, language, text, sentence):
            continue  # «9 Мая», «Қазанда» (in Kazan): a name, not a month
        key = sentence.start if sentence else -start - 1
        context = contexts.get(key)
        if context is None:
            context = Context(published, reference_year, year_anchor, language, text, sentence)
            contexts[key] = context
        context.skip.append((start, end))
        kept.append((start, end, pattern, match))
    quotes = _quotations(text, [(start, end) for start, end, _, _ in kept])
    # Words quoted count their days from when they were said: «…бейсенбі күні қараймыз», — деді
    # ол сейсенбіде. The quoted dates wait until the day of the words is known.
    outside = [k for k in kept if _quote_of(quotes, k[0]) is None]
    inside = [k for k in kept if _quote_of(quotes, k[0]) is not None]
    last_day = None
    for start, end, pattern, match in outside:
        sentence = sentence_at(sentences, start)
        context = contexts.get(sentence.start if sentence else -start - 1)
        if context is None:
            continue
        context.current, context.last_day = (start, end), last_day
        reading = _resolve(pattern, match, context)
        if reading is None:
            continue
        if _names_a_day(reading, text, sentence, (start, end), language):
            last_day = reading.period[0]
        found.append(_found(text, start, end, pattern, reading, context, sentence))
    quoted_last: dict[tuple[int, int], dt.date | None] = {}
    for start, end, pattern, match in inside:
        sentence = sentence_at(sentences, start)
        context = contexts.get(sentence.start if sentence else -start - 1)
        if context is None:
            continue
        quote = _quote_of(quotes, start)
        assert quote is not None
        spoken = _speech_day(found, quote, sentence)
        said = replace(context, published=spoken, _tenses={}) if spoken else context
        said.current, said.last_day = (start, end), quoted_last.get(quote, spoken)
        reading = _resolve(pattern, match, said)
        if reading is None:
            continue
        if (
            spoken is None
            and pattern.name in _COUNTED
            and reading.qualifier is None
            and reading.precision == "day"
        ):
            # Said on a day the text does not give (by the report's day, or a little before).
            reading = replace(
                reading, qualifier="approximate", rule=reading.rule + "; said on an unknown day"
            )
        if _names_a_day(reading, text, sentence, (start, end), language):
            quoted_last[quote] = reading.period[0]
        found.append(_found(text, start, end, pattern, reading, said, sentence, spoken))
    found.sort(key=lambda f: f.span)
    return _in_apposition(found, text)


def _found(text, start, end, pattern, reading, context, sentence, spoken=None) -> FoundDate:
    kind, why = _kind(reading, context)
    if spoken is not None:
        why += f"; said on {spoken.isoformat()}: counted from that day"
    return FoundDate(
        text[start:end],
        (start, end),
        reading.period[0],
        reading.period[1],
        reading.precision,
        reading.qualifier,
        kind,
        _explain(pattern, reading, why),
        (sentence.start, sentence.end) if sentence else (start, end),
    )


_COUNTED = ("weekday", "relative day", "relative period", "ago")  # counted from a day: the speaker's
_QUOTE = re.compile(r"«[^«»]{3,}»|“[^“”]{3,}”|\"[^\"]{3,}\"")


def _quotations(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations that hold a date (only those are looked for: a text may be long)."""
    spans = []
    for match in _QUOTE.finditer(text):
        if any(match.start() < start < match.end() for start, _ in dates):
            spans.append(match.span())
    return spans


def _quote_of(quotes: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    return next((q for q in quotes if q[0] < position < q[1]), None)


def _speech_day(found: list[FoundDate], quote: tuple[int, int], sentence: Sentence | None) -> dt.date | None:
    """The day the quoted words were said: a day named after the quotation, in its sentence
    («», — деді төраға сейсенбіде», "…,\" she said on Tuesday")."""
    if sentence is None:
        return None
    for date in found:
        if quote[1] <= date.span[0] < sentence.end and date.precision == "day" and date.start == date.end:
            return date.start
    return None


def _names_a_day(reading: Reading, text: str, sentence: Sentence | None, span, language: str) -> bool:
    """Whether «накануне» after this date counts from it: an exact day on which something
    happens, not the day a plan had before it was moved."""
    from .happenings import is_old_plan  # happenings reads found dates: imported when used

    if reading.precision != "day" or reading.period[0] != reading.period[1]:
        return False
    bounds = (sentence.start, sentence.end) if sentence else span
    return not is_old_plan(text, bounds, span, language)


def _in_apposition(found: list[FoundDate], text: str) -> list[FoundDate]:
    """«Накануне, 13 мая», "yesterday, May 13": a relative day followed by the date it stands
    for is one date, the exact one."""
    kept = []
    for number, date in enumerate(found):
        following = found[number + 1] if number + 1 < len(found) else None
        if (
            following is not None
            and date.rule.startswith("relative day")
            and following.precision == "day"
            and text[date.span[1] : following.span[0]].strip(" ,") == ""
        ):
            continue
        kept.append(date)
    return kept


def _longest_first(candidates, length: int) -> list[tuple[int, int, Pattern, re.Match[str]]]:
    """The longest reading of any stretch of words wins («6 ноября 2025 года», not «6 ноября»).
    A mask of taken characters keeps this linear in the text, however many candidates."""
    taken = bytearray(length)
    chosen = []
    for start, end, pattern, match in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, pattern, match))
    return sorted(chosen, key=lambda c: c[0])


def _resolve(pattern: Pattern, match: re.Match[str], context: Context) -> Reading | None:
    """Absurd values («3000 лет назад» before year 1, «1000000 дней») are no date, not a crash."""
    try:
        reading = pattern.resolve(match, context)
    except (ValueError, OverflowError):
        return None
    if reading is not None and not all(in_year_window(day) for day in reading.period):
        return None  # «завтра» in an article of 2999-12-31: a day no timeline shows
    return reading


def _capitalised_month_inside_sentence(match, language: str, text: str, sentence: Sentence | None) -> bool:
    if language == "en":
        return False  # English capitalises every month
    for group in ("m", "m1"):
        if group not in match.re.groupindex or match.start(group) < 0:
            continue
        word = text[match.start(group) : match.end(group)]
        if word[:1].isupper() and not word.isupper():
            before = text[sentence.start : match.start(group)] if sentence else "x"
            if any(ch.isalnum() for ch in before):
                return True
    return False


def _candidates(folded: str, regions: list[tuple[int, int]], language: str) -> Iterator:
    for pattern in patterns(language):
        for region_start, region_end in regions:
            for match in pattern.regex.finditer(folded, region_start, region_end):
                start, end = match.span("date") if "date" in pattern.regex.groupindex else match.span()
                if end > start:
                    yield start, end, pattern, match


def _kind(reading: Reading, context: Context) -> tuple[str, str]:
    """Occurred, planned or a target, and why: the explanation goes into the rule."""
    if reading.kind is not None:
        return reading.kind, ""
    published = context.published
    later = published is not None and reading.period[0] > published
    future = context.tense() == cal.FUTURE  # present tense counts as now: occurred
    if reading.qualifier == "before" and (later or future) and not context.lasts():
        return "target", "target: a deadline " + (
            "after publication" if later else "in a future-tense sentence"
        )
    if later:
        return "planned", "planned: after publication"
    if future and (published is None or reading.period[1] >= published):
        return "planned", "planned: future-tense sentence"
    return "occurred", ""


_LASTING_REACH = 30  # characters either side of the date a verb of lasting is looked for in


@cache
def _lasting(language: str) -> re.Pattern[str]:
    words = sorted(date_words(language).get("lasting", []), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)


def _explain(pattern: Pattern, reading: Reading, why: str) -> str:
    rule = reading.rule if reading.rule.startswith(pattern.name) else f"{pattern.name}: {reading.rule}"
    if reading.qualifier:
        rule += f"; {reading.qualifier}"
    return f"{rule}; {why}" if why else rule


def _latest_year(folded: str, language: str) -> int | None:
    found = (m.groupdict() for m in _year_marker(language).finditer(folded))
    years = [int(groups.get("y") or groups["y2"]) for groups in found]
    return max(years) if years else None


@cache
def _year_marker(language: str) -> re.Pattern[str]:
    v = Vocabulary.of(language)
    marked = rf"(?<!\d)(?P<y>{YEAR})\s*(?:{v.year_words})(?!\w)|" if v.year_words else ""
    return re.compile(rf"{marked}(?<!\w)(?:{v.month_any})\s+(?P<y2>{YEAR})(?!\d)", re.I)


# ---------------------------------------------------------------------------------------------
# Vocabulary: the data tables turned into regex alternations and lookups.
# ---------------------------------------------------------------------------------------------


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@dataclass(frozen=True)
class Vocabulary:
    language: str
    data: dict
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    season_of: dict[str, int]
    month_any: str
    weekday_any: str
    season_any: str
    year_words: str

    @classmethod
    @cache
    def of(cls, language: str) -> Vocabulary:
        data = date_words(language)

        def index(groups: list[list[str]]) -> dict[str, int]:
            return {form: i for i, forms in enumerate(groups) for form in forms}

        months, weekdays, seasons = index(data["months"]), index(data["weekdays"]), index(data["seasons"])
        if language == "en":  # English capitalises months and weekdays («may» is a verb), or caps them all
            months = {g: i for f, i in months.items() for g in (f.capitalize(), f.upper())}
            weekdays = {g: i for f, i in weekdays.items() for g in (f.capitalize(), f.upper())}
        return cls(
            language,
            data,
            months,
            weekdays,
            seasons,
            _alternation(months),
            _alternation(weekdays),
            _alternation(seasons),
            _alternation(data["year_words"]),
        )

    def month(self, word: str) -> int:
        return self._lookup(self.month_of, word) + 1

    def weekday(self, word: str) -> int:
        return self._lookup(self.weekday_of, word)

    def season(self, word: str) -> int:
        return self._lookup(self.season_of, word)

    def _lookup(self, table: dict[str, int], word: str) -> int:
        if word in table:
            return table[word]
        lowered = _dotless(word.lower())
        for form, value in table.items():
            if _dotless(form.lower()) == lowered:
                return value
        # Kazakh: a stem with endings («қарашасында» → «қараша»).
        for form in sorted(table, key=len, reverse=True):
            if lowered.startswith(_dotless(form.lower())):
                return table[form]
        raise KeyError(word)

    def qualifier(self, match: re.Match[str]) -> str | None:
        """«к 2035 году» before, «после» after, «около», «примерно в» approximate."""
        groups = match.groupdict()
        if groups.get("approx"):
            return "approximate"
        preposition = groups.get("prep")
        if not preposition:
            return None
        return self.data["qualifiers"].get(preposition.lower()) or None


@cache
def patterns(language: str) -> list[Pattern]:
    found = {"ru": _russian, "kk": _kazakh, "en": _english}[language](Vocabulary.of(language))
    if language == "en":
        return found  # English months must be capitalised: «may» is a verb
    # Russian and Kazakh months are lowercase in running text; a capitalised one opens a
    # sentence, stands in a capitals headline, or is a name (checked after matching).
    return [Pattern(p.name, re.compile(p.regex.pattern, p.regex.flags | re.I), p.resolve) for p in found]


# ---------------------------------------------------------------------------------------------
# Resolvers shared by the languages.
# ---------------------------------------------------------------------------------------------

YEAR = r"(?:1[89]|2[01])\d\d"


def _int(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


def _day_month_year(v: Vocabulary) -> Resolver:
    """«6 ноября 2025 года», «6 ноября», «в четверг, 5 февраля», «November 6, 2025»; in Kazakh
    the year may also follow («3 ақпан 2026 жыл», group y2)."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        d, month, year = _int(m, "d"), v.month(m.group("m")), _int(m, "y") or _int(m, "y2")
        qualifier = v.qualifier(m)
        if d is None or not 1 <= d <= 31:
            return None
        if year is not None:
            period = cal.day(year, month, d)
            return Reading(period, "day", "day month year", qualifier) if period else None
        weekday = m.groupdict().get("wd")
        if weekday:
            near = c.published or (dt.date(c.reference_year, 7, 1) if c.reference_year else None)
            found = cal.year_of_weekday(month, d, v.weekday(weekday), near) if near else None
            period = cal.day(found, month, d) if found else None
            return Reading(period, "day", "weekday+day, year from weekday", qualifier) if period else None
        placed = c.undated(lambda y: cal.day(y, month, d))
        return Reading(placed[0], "day", f"day month, {placed[1]}", qualifier) if placed else None

    return resolve


def _dateline(v: Vocabulary) -> Resolver:
    """«АСТАНА, 14 марта —», "ALMATY, March 3 (Reuters) -": the day the report was filed. It has
    no verb of its own, so the sentence's tense says nothing about it."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        d, month, year = (
            _int(m, "d"),
            v.month(m.group("m")),
            _int(m, "y") or _int(m, "y2"),
        )  # «3 ақпан 2026 жыл»: the year may follow
        if d is None:
            return None
        if year is not None:
            period = cal.day(year, month, d)
        elif c.published is not None:
            period = cal.choose_year(lambda y: cal.day(y, month, d), c.published, None)
        else:
            return None
        if period is None:
            return None
        return Reading(period, "day", "dateline, the day of the report", kind="occurred")

    return resolve


def _day_range(v: Vocabulary) -> Resolver:
    """«4–5 февраля», «с 4 по 6 ноября», «30 ноября – 2 декабря 2025 года»."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        d1, d2, year, year1 = _int(m, "d1"), _int(m, "d2"), _int(m, "y"), _int(m, "y1")
        m2 = v.month(m.group("m"))
        m1 = v.month(m.group("m1")) if m.groupdict().get("m1") else m2
        if d1 is None or d2 is None:
            return None

        def build(y: int) -> cal.Period | None:
            first_year = year1 if year1 is not None else y - 1 if m1 > m2 else y
            first, last = cal.day(first_year, m1, d1), cal.day(y, m2, d2)
            if not first or not last or last[0] < first[0]:
                return None
            return first[0], last[0]

        if year is not None:
            period = build(year)
            return Reading(period, "day", "day range") if period else None
        placed = c.undated(build)
        return Reading(placed[0], "day", f"day range, {placed[1]}") if placed else None

    return resolve


def _numeric_day(m: re.Match[str], c: Context) -> Reading | None:
    period = cal.day(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return Reading(period, "day", "numeric date") if period else None


def _month_year(v: Vocabulary) -> Resolver:
    """«в ноябре 2025 года», «2025 жылдың қарашасында», «in November 2022», «в январе–марте»."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        month = v.month(m.group("m"))
        first_month = v.month(m.group("m1")) if m.groupdict().get("m1") else month
        year = _int(m, "y")
        qualifier = v.qualifier(m) or _postposition(v, m)

        def build(y: int) -> cal.Period | None:
            if first_month > month:
                return cal.month(y - 1, first_month)[0], cal.month(y, month)[1]
            return cal.month(y, first_month)[0], cal.month(y, month)[1]

        if year is not None:
            return Reading(build(year), "month", "month year", qualifier)  # type: ignore[arg-type]
        placed = c.undated(build)
        return Reading(placed[0], "month", f"month, {placed[1]}", qualifier) if placed else None

    return resolve


def _part_of_month(v: Vocabulary) -> Resolver:
    """«в конце января», «в начале месяца», «айдың басында», «early November 2025»."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        part = _part(v, m.group("part"))
        year = _int(m, "y")
        qualifier = v.qualifier(m)
        if m.groupdict().get("m"):
            month = v.month(m.group("m"))
            if year is not None:
                return Reading(
                    cal.part_of_month(year, month, part), "part_of_month", "part of month", qualifier
                )
            placed = c.undated(lambda y: cal.part_of_month(y, month, part))
            if placed is None:
                return None
            return Reading(placed[0], "part_of_month", f"part of month, {placed[1]}", qualifier)
        anchor = c.published
        if anchor is None:
            return None
        period = cal.part_of_month(anchor.year, anchor.month, part)
        return Reading(period, "part_of_month", "part of the publication month", qualifier)

    return resolve


def _part(v: Vocabulary, word: str) -> str:
    parts = v.data["month_parts"]
    word = " ".join(word.lower().split())
    return parts.get(word) or parts[word.rstrip("-")]


def _year(v: Vocabulary) -> Resolver:
    """«в 2024 году», «2024 жылы», «к 2035 году», «2035 жылға дейін», «in 2024», «by 2035»."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        first, last = _int(m, "y1"), _int(m, "y")
        qualifier = v.qualifier(m) or _postposition(v, m)
        if last is None:
            return None
        if first is not None:
            if first >= last:
                return None
            return Reading((cal.year(first)[0], cal.year(last)[1]), "year", "year range", qualifier)
        return Reading(cal.year(last), "year", "year", qualifier)

    return resolve


def _postposition(v: Vocabulary, m: re.Match[str]) -> str | None:
    word = m.groupdict().get("post")
    if not word:
        return None
    return v.data.get("postpositions", {}).get(word.lower()) or None


def _relative_day(v: Vocabulary) -> Resolver:
    # Keys read as the patterns match them: «bır kün būryn» (Kazakh Latin «ı») is «bir kün būryn».
    table = {_phrase_key(k): days for k, days in v.data["relative_days"].items()}
    anaphoric = frozenset(_phrase_key(k) for k in v.data.get("anaphoric", {}).get("days", []))

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        words = _phrase_key(m.group("rel"))
        # «Накануне», "the day before": counted from the day the text named last, if any.
        named = words in anaphoric and c.last_day is not None
        anchor = c.last_day if named else c.published
        if anchor is None:
            return None
        offset = table[words]
        value = anchor + dt.timedelta(days=offset)
        sign = "+" if offset >= 0 else "−"
        what = f"the day named before ({anchor})" if named else "publication date"
        return Reading((value, value), "day", f"{what} {sign} {abs(offset)} day(s) («{m.group('rel')}»)")

    return resolve


def _relative_period(v: Vocabulary) -> Resolver:
    table = {_phrase_key(k): tuple(x) for k, x in v.data["relative_periods"].items()}

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        anchor = c.published
        if anchor is None:
            return None
        unit, offset = table[_phrase_key(m.group("rel"))]
        return _period_from(anchor, unit, offset, "publication")

    return resolve


def _period_from(anchor: dt.date, unit: str, offset: int, what: str) -> Reading:
    if unit == "week":
        return Reading(cal.week(anchor, offset), "week", f"the {what} week {offset:+d}")
    if unit == "month":
        year, month = cal.shift_month(anchor, offset)
        return Reading(cal.month(year, month), "month", f"the {what} month {offset:+d}")
    if unit == "month_so_far":
        return Reading((anchor.replace(day=1), anchor), "part_of_month", f"the {what} month up to that day")
    return Reading(cal.year(anchor.year + offset), "year", f"the {what} year {offset:+d}")


def _ago(v: Vocabulary) -> Resolver:
    units = {_phrase_key(k): x for k, x in v.data["ago"]["units"].items()}
    numbers = {_phrase_key(k): x for k, x in v.data["ago"]["numbers"].items()}

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        anchor = c.published
        if anchor is None:
            return None
        count_text = _phrase_key(m.group("n") or "")
        count = int(count_text) if count_text.isdigit() else numbers.get(count_text, 1) if count_text else 1
        if count <= 0:
            return None  # «несколько дней назад»: no number, no date
        unit = units[_phrase_key(m.group("unit"))]
        if unit == "day":
            value = anchor - dt.timedelta(days=count)
            return Reading((value, value), "day", f"publication date − {count} day(s)")
        return _period_from(anchor, unit, -count, "publication")

    return resolve


def _weekday(v: Vocabulary) -> Resolver:
    """A bare weekday: past tense reads the last one, future tense the next one."""

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        if c.published is None:
            return None
        weekday = v.weekday(m.group("wd"))
        said = (m.groupdict().get("wmod") or "").lower()
        modifier = v.data.get("weekday_modifiers", {}).get(said, said)  # «прошлую» is "last"
        tense = {"last": cal.PAST, "next": cal.FUTURE}.get(modifier) or c.tense()
        value = cal.weekday_near(weekday, c.published, tense)
        if modifier == "last" and value == c.published:
            value -= dt.timedelta(days=7)
        if modifier == "next" and value == c.published:
            value += dt.timedelta(days=7)
        if tense == cal.FUTURE:
            how = f"the next on or after publication {c.published} (future tense)"
        else:
            why = f"{tense} tense" if tense else "no tense: reports tell of what has happened"
            how = f"the last on or before publication {c.published} ({why})"
        return Reading((value, value), "day", f"weekday, {how}")

    return resolve


def _season(v: Vocabulary) -> Resolver:
    modifiers = v.data["season_modifiers"]

    def resolve(m: re.Match[str], c: Context) -> Reading | None:
        index = v.season(m.group("s"))
        year = _int(m, "y")
        if year is not None:
            start_year = year - 1 if index == 3 else year  # «зимой 2025 года»: the winter that ends in 2025
            return Reading(cal.season(start_year, index), "season", "season year")
        if c.published is None:
            return None
        modifier = m.groupdict().get("mod")
        offset = modifiers.get(modifier.lower()) if modifier else 0
        tense = c.tense() if not modifier else None
        period = cal.season_relative(index, c.published, offset or 0, tense)
        if modifier:
            how = {-1: "the last before", 0: "the one of", 1: "the next after"}[offset or 0]
        else:
            how = {"past": "the last before", "future": "the next after"}.get(tense or "", "the nearest to")
        return Reading(period, "season", f"season, {how} publication {c.published}")

    return resolve


# ---------------------------------------------------------------------------------------------
# The grammars.
# ---------------------------------------------------------------------------------------------

B = r"(?<![\w.,\-])"  # no word, digit or decimal part right before
# A dateline opens a line: a place in capitals, a comma, the date, then a dash.
DATELINE = r"^[ \t]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ.\- ]+,\s+"
E = r"(?![\w%])"


def _numeric_patterns(year_words: str) -> list[Pattern]:
    """«05.02.2026 г.», «05.02.2026 жылы» and ISO «2026-02-05»."""
    numeric = rf"{B}(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>{YEAR})(?:\s*(?:{year_words}))?(?!\d)"
    return [Pattern("numeric date", re.compile(numeric), _numeric_day), _iso_pattern()]


def _iso_pattern() -> Pattern:
    return Pattern(
        "ISO date", re.compile(rf"{B}(?P<y>{YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?!\d)"), _numeric_day
    )


def _russian(v: Vocabulary) -> list[Pattern]:
    i = re.IGNORECASE
    month, wd, yw, season = v.month_any, v.weekday_any, v.year_words, v.season_any
    prep = _preposition(v)
    approx = rf"(?:(?P<approx>{_alternation(v.data['approximately'])})\s+)?"
    year = rf"(?:\s+(?P<y>{YEAR})(?:\s*(?:{yw}))?)?"
    nth = r"(?:-?го)?"  # «15-го марта»
    parts = _alternation(v.data["month_parts"])
    rel_days = _alternation(" ".join(k.split()) for k in v.data["relative_days"])
    rel_periods = _alternation(v.data["relative_periods"])
    mods = _alternation(v.data["season_modifiers"])
    numbers = _alternation(v.data["ago"]["numbers"])
    units = _alternation(v.data["ago"]["units"])
    this_month = _alternation(v.data["this_month"])
    return [
        Pattern(
            "dateline",
            re.compile(
                rf"{DATELINE}(?P<date>(?P<d>[0-3]?\d)\s+(?P<m>{month})(?:\s+(?P<y>{YEAR}))?)\s*[—–-]",
                re.M | i,
            ),
            _dateline(v),
        ),
        *_numeric_patterns(r"г\.|года"),
        Pattern(
            "day range",
            re.compile(
                rf"{B}(?:(?:с|со)\s+)?(?P<d1>[0-3]?\d){nth}(?:\s+(?P<m1>{month})(?:\s+(?P<y1>{YEAR}))?)?(?:\s*[-–—]\s*|\s+(?:по|до)\s+)"
                rf"(?P<d2>[0-3]?\d){nth}\s+(?P<m>{month}){year}{E}",
                i,
            ),
            _day_range(v),
        ),
        Pattern(
            "weekday+day",
            re.compile(rf"{B}(?:(?:в|во)\s+)?(?P<wd>{wd}),?\s+(?P<d>[0-3]?\d)\s+(?P<m>{month}){year}{E}", i),
            _day_month_year(v),
        ),
        Pattern(
            "day month",
            re.compile(rf"{B}{prep}(?P<d>[0-3]?\d){nth}\s+(?P<m>{month}){year}{E}", i),
            _day_month_year(v),
        ),
        Pattern(
            "part of month",
            re.compile(
                rf"{B}{approx}(?:в\s+)?(?P<part>{parts})\s+(?:(?P<m>{month}){year}|(?:{this_month})){E}", i
            ),
            _part_of_month(v),
        ),
        Pattern(
            "month year",
            re.compile(
                rf"{B}{prep}(?:(?P<m1>{month})\s*[-–—]\s*)?(?P<m>{month})\s+(?P<y>{YEAR})(?:\s*(?:{yw}))?{E}",
                i,
            ),
            _month_year(v),
        ),
        Pattern(
            "month",
            re.compile(
                rf"{B}(?P<prep>в|во|с|со|до|к)\s+(?:(?P<m1>{month})\s*[-–—]\s*)?(?P<m>{month}){E}(?!\s+\d)", i
            ),
            _month_year(v),
        ),
        Pattern(
            "year range",
            re.compile(
                rf"{B}{prep}(?P<y1>{YEAR})\s*(?:[-–—]|\s+(?:по|до)\s+)\s*(?P<y>{YEAR})\s*(?:годах|годы|гг\.|года|год){E}",
                i,
            ),
            _year(v),
        ),
        Pattern("year", re.compile(rf"{B}{prep}(?P<y>{YEAR})(?:(?:-?м)?\s*(?:{yw})|-м){E}", i), _year(v)),
        Pattern(
            "season",
            re.compile(
                rf"{B}(?:(?:в|во)\s+)?(?:(?P<mod>{mods})\s+)?(?P<s>{season})(?:\s+(?P<y>{YEAR})(?:\s*(?:{yw}))?)?{E}",
                i,
            ),
            _season_guard(v, _season(v), bare=tuple(v.data["bare_seasons"])),
        ),
        Pattern(
            "relative day",
            re.compile(rf"{B}(?P<rel>{_spaced(rel_days)}){E}", i),
            _eve_guard(_relative_day(v)),
        ),
        Pattern(
            "relative period", re.compile(rf"{B}(?P<rel>{_spaced(rel_periods)}){E}", i), _relative_period(v)
        ),
        Pattern(
            "ago",
            re.compile(rf"{B}(?:(?P<n>\d+|{numbers})\s+)?(?P<unit>{units})\s+(?:тому\s+)?назад{E}", i),
            _ago(v),
        ),
        Pattern(
            "weekday",
            re.compile(
                rf"{B}(?:в|во)\s+(?:(?P<wmod>{_alternation(v.data['weekday_modifiers'])})\s+)?(?P<wd>{wd}){E}(?!,?\s+\d)",
                i,
            ),
            _weekday(v),
        ),
    ]


def _kazakh(v: Vocabulary) -> list[Pattern]:
    i = re.IGNORECASE
    suffixes = _alternation(v.data["stem_suffixes"])
    month = rf"(?:{v.month_any})(?:{suffixes})"
    wd = rf"(?:{v.weekday_any})(?:{suffixes})"
    season = rf"(?:{v.season_any})"
    yw = v.year_words
    ordinal = r"(?:-?(?:ші|шы|і|ы|сі|сы|нші|ншы|інде|ында|сінде|сында|нде|нда|де|да|не|на))?"
    day_word = rf"(?:\s+(?:{_alternation(v.data['day_word'])}))?"
    parts = _alternation(v.data["month_parts"])
    month_word = _alternation(v.data["month_word"])
    rel_days = _alternation(" ".join(k.split()) for k in v.data["relative_days"])
    rel_periods = _alternation(v.data["relative_periods"])
    mods = _alternation(v.data["season_modifiers"])
    numbers = _alternation(v.data["ago"]["numbers"])
    units = _alternation(v.data["ago"]["units"])
    post = _alternation(v.data["postpositions"])
    approx = _alternation(v.data["approximately"])
    approx_prefix = rf"(?:(?P<approx>{approx})\s+)?"
    year_prefix = rf"(?:(?P<y>{YEAR})\s*(?:жылғы|жылдың|ж\.)\s+)"
    return [
        Pattern(
            "dateline",
            re.compile(
                rf"{DATELINE}(?P<date>(?P<d>[0-3]?\d){ordinal}\s+(?P<m>{month})(?:\s+(?P<y>{YEAR}))?)\s*[—–-]",
                re.M | i,
            ),
            _dateline(v),
        ),
        *_numeric_patterns(r"ж\.|жылы"),
        Pattern(
            "day range",
            re.compile(
                rf"{B}{year_prefix}?(?P<d1>[0-3]?\d)(?:\s+(?P<m1>{month}))?\s*[-–—]\s*(?P<d2>[0-3]?\d){ordinal}\s+(?P<m>{month}){day_word}{E}"
            ),
            _day_range(v),
        ),
        Pattern(
            "weekday+day",
            re.compile(rf"{B}(?P<d>[0-3]?\d){ordinal}\s+(?P<m>{month}),?\s+(?P<wd>{wd}){day_word}{E}", 0),
            _day_month_year(v),
        ),
        Pattern(
            "weekday+day",
            re.compile(rf"{B}(?P<wd>{wd}),?\s+(?P<d>[0-3]?\d){ordinal}\s+(?P<m>{month}){day_word}{E}", i),
            _day_month_year(v),
        ),
        Pattern(
            "day month",
            re.compile(
                rf"{B}{year_prefix}?(?P<d>[0-3]?\d){ordinal}\s+(?P<m>{month})(?:\s+(?P<y2>{YEAR})\s*(?:{yw}))?{day_word}{E}"
            ),
            _day_month_year(v),
        ),
        Pattern(
            "month day", re.compile(rf"{B}(?P<m>{month})\s+(?P<d>[0-3]?\d){ordinal}{E}"), _day_month_year(v)
        ),
        Pattern(
            "part of month",
            re.compile(
                rf"{B}{approx_prefix}(?:(?P<y>{YEAR})\s*(?:жылдың|жылғы)\s+)?(?:(?P<m>{month})(?:\s+(?:{month_word}))?|(?:осы\s+|ағымдағы\s+)?айдың)\s+(?P<part>{parts}){E}",
                i,
            ),
            _part_of_month(v),
        ),
        Pattern(
            "month year",
            re.compile(
                rf"{B}(?P<y>{YEAR})\s*(?:жылдың|жылғы|жылы|ж\.)\s+(?:(?P<m1>{month})\s*[-–—]\s*)?(?P<m>{month})(?:\s+(?:{month_word}))?{E}"
            ),
            _month_year(v),
        ),
        Pattern("month", re.compile(rf"{B}(?P<m>{month})\s+(?:{month_word}){E}", i), _month_year(v)),
        Pattern(
            "month",
            # Case-sensitive, so «Қазанда» (in Kazan) is no month; «қазанда» is in October.
            re.compile(
                rf"{B}(?P<m>(?:{v.month_any})(?:да|де|та|те|ында|інде|сында|сінде|"
                rf"da|de|ta|te|ynda|inde|ınde|synda|sinde|sınde)){E}"
            ),
            _month_year(v),
        ),
        Pattern(
            "year range",
            re.compile(
                rf"{B}(?P<y1>{YEAR})\s*[-–—]\s*(?P<y>{YEAR})\s*(?:жылдары|жылдардың|жылдарда|жж\.){E}"
            ),
            _year(v),
        ),
        Pattern(
            "year",
            re.compile(
                rf"{B}(?:(?P<approx>{approx})\s+)?(?P<y>{YEAR})\s*(?:{yw})(?:\s+(?P<post>{post}))?{E}", i
            ),
            _year(v),
        ),
        Pattern(
            "season",
            re.compile(
                rf"{B}(?:(?:(?P<y>{YEAR})\s*жылдың\s+)|(?:(?P<mod>{mods})\s+))?(?P<s>{season})(?:де|да|те|та|гі|ғы|інде|ында|і|ы)(?:\s+мезгілінде)?{E}",
                i,
            ),
            _season(v),
        ),
        Pattern("relative day", re.compile(rf"{B}(?P<rel>{_spaced(rel_days)}){E}", i), _relative_day(v)),
        Pattern(
            "relative period", re.compile(rf"{B}(?P<rel>{_spaced(rel_periods)}){E}", i), _relative_period(v)
        ),
        Pattern(
            "ago", re.compile(rf"{B}(?:(?P<n>\d+|{numbers})\s+)?(?P<unit>{units})\s+бұрын{E}", i), _ago(v)
        ),
        Pattern(
            "weekday",
            re.compile(
                rf"{B}(?:(?P<wmod>{_alternation(v.data['weekday_modifiers'])})\s+)?"
                rf"(?P<wd>(?:{v.weekday_any})(?:де|да|те|та|da|de|ta|te)|(?:{v.weekday_any})(?=\s+(?:күні|künı|küni)))(?:\s+(?:күні|künı|küni))?{E}",
                i,
            ),
            _weekday(v),
        ),
    ]


def _english(v: Vocabulary) -> list[Pattern]:
    i = re.IGNORECASE
    month, wd = v.month_any, v.weekday_any
    season = _alternation(f for forms in v.data["seasons"] for f in forms)
    prep = _preposition(v, after=r"(?:the\s+)?")
    approx = rf"(?:(?P<approx>{_alternation(v.data['approximately'])})\s+)?"
    th = r"(?:st|nd|rd|th)?"
    year_after = rf"(?:,?\s+(?P<y>{YEAR}))?"
    weekday_before = rf"(?:(?P<wd>{wd}),?\s+)?"
    parts = r"(?i:early|mid-|mid|late|the beginning of|the start of|the middle of|the end of)"
    rel_days = _alternation(v.data["relative_days"])
    rel_periods = _alternation(v.data["relative_periods"])
    numbers = _alternation(v.data["ago"]["numbers"])
    units = _alternation(v.data["ago"]["units"])
    return [
        Pattern(
            "dateline",
            re.compile(
                rf"{DATELINE}(?P<date>(?P<m>{month})\s+(?P<d>[0-3]?\d)(?:,?\s+(?P<y>{YEAR}))?)(?:\s*\([^)]*\))?\s*[—–-]",
                re.M,
            ),
            _dateline(v),
        ),
        _iso_pattern(),
        Pattern(
            "day range",
            re.compile(
                rf"{B}(?:(?:from|between)\s+)?(?:the\s+)?(?P<d1>[0-3]?\d){th}(?:\s+(?P<m1>{month}))?(?:\s*[-–—]\s*|\s+(?:to|and|until|through)\s+)(?:the\s+)?(?P<d2>[0-3]?\d){th}\s+(?:of\s+)?(?P<m>{month}){year_after}{E}"
            ),
            _day_range(v),
        ),
        Pattern(
            "day range",
            re.compile(
                rf"{B}(?:(?:from|between|on|in)\s+)?(?P<m>{month})\s+(?P<d1>[0-3]?\d){th}\s*(?:[-–—]|\s(?:to|and|until|through)\s)\s*(?P<d2>[0-3]?\d){th}{year_after}{E}"
            ),
            _day_range(v),
        ),
        Pattern(
            "day range",
            re.compile(
                rf"{B}(?:(?:from|between)\s+)?(?P<m1>{month})\s+(?P<d1>[0-3]?\d){th}\s*(?:[-–—]|\s(?:to|and|until|through)\s)\s*(?P<m>{month})\s+(?P<d2>[0-3]?\d){th}{year_after}{E}"
            ),
            _day_range(v),
        ),
        Pattern(
            "day month",
            re.compile(
                rf"{B}{prep}{weekday_before}(?:the\s+)?(?P<d>[0-3]?\d){th}\s+(?:of\s+)?(?P<m>{month}){year_after}{E}"
            ),
            _day_month_year(v),
        ),
        Pattern(
            "month day",
            re.compile(
                rf"{B}{prep}{weekday_before}(?P<m>{month})\s+(?P<d>[0-3]?\d){th}{year_after}(?![\w%])(?!:)"
            ),
            _day_month_year(v),
        ),
        Pattern(
            "part of month",
            re.compile(
                rf"{B}{approx}(?:in\s+)?(?P<part>{parts})\s*"
                rf"(?:(?P<m>{month})(?:,?\s+(?P<y>{YEAR}))?|this month){E}",
            ),
            _part_of_month(v),
        ),
        Pattern(
            "month year",
            re.compile(
                rf"{B}{prep}(?:(?P<m1>{month})\s*[-–—]\s*)?(?P<m>{month})(?:\s+of)?,?\s+(?P<y>{YEAR}){E}"
            ),
            _month_year(v),
        ),
        Pattern(
            "month",
            re.compile(rf"{B}(?P<prep>in|since|by|until|during|before|after)\s+(?P<m>{month}){E}(?!\s+\d)"),
            _month_year(v),
        ),
        Pattern(
            "year range",
            re.compile(
                rf"{B}(?:in|from|between)\s+(?P<y1>{YEAR})\s*(?:[-–—]|\s+(?:to|and|until|through)\s+)\s*(?P<y>{YEAR}){E}",
                i,
            ),
            _year(v),
        ),
        Pattern(
            "year",
            re.compile(
                rf"{B}(?P<prep>in|by|before|after|since|until|around|about|during|circa)\s+(?:the\s+(?:year\s+|end\s+of\s+))?(?P<y>{YEAR}){E}(?!\s*(?:delegates|participants|people|companies|countries))",
                i,
            ),
            _year(v),
        ),
        Pattern(
            "season",
            re.compile(
                rf"{B}(?:(?:in|during)\s+(?:the\s+)?)?(?:(?P<mod>last|this|next|past)\s+)?(?P<s>{season})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?{E}",
                i,
            ),
            _season_guard(v, _season(v), bare=()),
        ),
        Pattern("relative day", re.compile(rf"{B}(?P<rel>{_spaced(rel_days)}){E}", i), _relative_day(v)),
        Pattern(
            "relative period", re.compile(rf"{B}(?P<rel>{_spaced(rel_periods)}){E}", i), _relative_period(v)
        ),
        Pattern("ago", re.compile(rf"{B}(?P<n>\d+|{numbers})\s+(?P<unit>{units})\s+ago{E}", i), _ago(v)),
        Pattern(
            "weekday",
            # "on Sunday", "last Sunday", and the possessive "Sunday's vote"
            re.compile(
                rf"{B}(?:(?P<wmod>(?i:on|last|next|this))\s+|(?=(?:{wd})['’]s\s))(?P<wd>{wd}){E}"
                rf"(?!,?\s+(?:\d|{month}))"
            ),
            _weekday(v),
        ),
    ]


def _preposition(v: Vocabulary, after: str = "") -> str:
    """«примерно в», «к», «around», «by the»: optional words before a date that qualify it."""
    approximately = _alternation(v.data["approximately"])
    prepositions = _alternation(v.data["prepositions"])
    return rf"(?:(?P<approx>{approximately})\s+)?(?:(?P<prep>{prepositions})\s+{after})?"


def _spaced(alternation: str) -> str:
    """Let a multi-word phrase span any run of spaces or a line break."""
    return alternation.replace(r"\ ", r"\s+")


def _season_guard(v: Vocabulary, resolve: Resolver, bare: tuple[str, ...]) -> Resolver:
    """A season word alone is a date only in the adverbial form («осенью»); «осень» needs a
    modifier or a year («прошлой осенью», «осени 2025 года»)."""

    def guarded(m: re.Match[str], c: Context) -> Reading | None:
        if not m.group("mod") and not m.group("y") and m.group("s").lower() not in bare:
            return None
        return resolve(m, c)

    return guarded


def _eve_guard(resolve: Resolver) -> Resolver:
    """«накануне визита» is «on the eve of the visit», a date we cannot know; «накануне» alone is
    the day before publication."""

    def guarded(m: re.Match[str], c: Context) -> Reading | None:
        if m.group("rel").lower() == "накануне":
            after = c.text[m.end() : m.end() + 40]
            following = re.match(r"\s+(\w+)", after)
            if following and following.group(1).islower() and _is_genitive_noun(following.group(1)):
                return None
        return resolve(m, c)

    return guarded


def _is_genitive_noun(word: str) -> bool:
    for parse in russian_morphology().parse(word.lower())[:2]:
        if parse.tag.POS in ("NOUN", "ADJF") and parse.tag.case == "gent":
            return True
    return False
