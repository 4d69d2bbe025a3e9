"""What a dated clause is to its article: a happening on the timeline, or context.

Not every date in a report dates a happening. «С 2016 года», "since 2010" say since when
something has been so; "had been planned for 14 March but was pushed back" gives a day on which
nothing happens; a year named in passing («в 2019 году компания вышла на биржу») is the story's
background. Those are kept as the article's context (role `background`): `timeline extract`
shows them, the timeline does not. The cue words live in `generator/data/discourse.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from ..model import LANGUAGES, Document
from .concepts import concept_table, find_concepts, most_specific, related
from .dates import FoundDate
from .discovered import shared_keys
from .latin import kk_latin, with_latin
from .sentences import fold_keys as fold


class Role(StrEnum):
    """An event mention's place in its article (its value is what the cache stores)."""

    HEADLINE = "headline"  # what the article reports
    SECTION = "section"  # a sub-heading that starts a report of another happening
    SENTENCE = "sentence"  # a happening recalled or announced in the body
    BACKGROUND = "background"  # context: since-when, a plan's old date, a year in passing


# Why a dated sentence is background and not a happening of its own; the merge reads the last.
WORDS_DAY = "; background: the day of the words that report a happening dated otherwise"
TOLD_BEFORE = "; the happening the sentence before told, by the day of the words about it"


@dataclass(frozen=True, slots=True)
class Modality:
    old_plan: tuple[str, ...]
    postponed: tuple[str, ...]
    since: tuple[str, ...]
    since_after: tuple[str, ...]
    planned: tuple[str, ...]
    cancelled: tuple[str, ...]


def discourse_file_bytes() -> bytes:
    return resources.files("generator").joinpath("data", "discourse.toml").read_bytes()


@cache
def discourse() -> dict:
    """The cue words; every Kazakh list also in the Latin alphabet (`latin.py`)."""
    data = tomllib.loads(discourse_file_bytes().decode("utf-8"))
    for section in data.values():
        if "kk" in section:
            section["kk"] = _in_both_alphabets(section["kk"])
    return data


def _in_both_alphabets(value):
    if isinstance(value, list):
        return with_latin(value)
    if isinstance(value, dict) and all(isinstance(v, int) for v in value.values()):
        return value | {kk_latin(word): v for word, v in value.items() if kk_latin(word) not in value}
    if isinstance(value, dict):
        return {key: _in_both_alphabets(v) for key, v in value.items()}
    return value


_MODALITY_KEYS = ("old_plan", "postponed", "since", "since_after", "planned", "cancelled")  # Modality's order


@cache
def modality(language: str) -> Modality:
    data = discourse()["modality"].get(language if language in LANGUAGES else "en", {})
    return Modality(
        *(
            tuple(data.get(key, []))
            for key in ("old_plan", "postponed", "since", "since_after", "planned", "cancelled")
        )
    )


# A clause ends at a comma, a semicolon, a dash between spaces or a contrasting conjunction.
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[–—]\s|\s(?:but|но|а|алайда|однако|while)\s", re.IGNORECASE)


_WINDOW = 400  # characters either side of a date: a 100 000-character «sentence» costs no more


def _window(sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    return max(sentence[0], span[0] - _WINDOW), min(sentence[1], span[1] + _WINDOW)


_CLAUSE_WORDS = 3  # words besides the date a clause needs to say what happened on it


def clause_bounds(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """The clause of `sentence` holding `span`: between the breaks around it. A clause of the
    date and a word or two, or one followed by an aside of two words between commas, goes on
    past the break, as far as its verb: «Qozğalysty 21 nauryzda, senbıde, aşu josparlanğan
    edı», «Движение 21 марта, в субботу, планировалось открыть»."""
    start, end = _window(sentence, span)
    left = start
    for match in _CLAUSE_BREAK.finditer(text, start, span[0]):
        left = match.end()
    right = _CLAUSE_BREAK.search(text, span[1], end)
    while right is not None:
        following = _CLAUSE_BREAK.search(text, right.end(), end)
        aside = following is not None and len(re.findall(r"\w+", text[right.end() : following.start()])) <= 2
        if not aside and _words_besides(text, left, right.start(), span) >= _CLAUSE_WORDS:
            break
        right = following
    return left, right.start() if right else end


def _words_besides(text: str, start: int, end: int, span: tuple[int, int]) -> int:
    return len(re.findall(r"\w+", text[start : span[0]])) + len(re.findall(r"\w+", text[span[1] : end]))


_NOUN_WORDS = 3  # words after "Sunday's" that name what the possessive dates
_HEAD_WORDS = 1  # words before a comma that a participle or relative clause after it qualifies


@cache
def _attribution_tail(language: str) -> re.Pattern[str] | None:
    tails = discourse()["frames"].get(language, {}).get("tail", [])
    if not tails:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(fold(t)) for t in tails)})(?!\w)")


@cache
def _other_happening(language: str) -> re.Pattern[str] | None:
    words = discourse()["other_happening"].get(language, [])
    if not words:
        return None
    return re.compile(rf"\s(?:{'|'.join(re.escape(w) for w in words)})\s", re.IGNORECASE)


def is_possessive(text: str, span: tuple[int, int]) -> bool:
    """ "Sunday's election": the date of the noun after it, not of the sentence's verb."""
    return text[span[1] : span[1] + 2] in ("'s", "’s")


def own_kinds(text: str, sentence: tuple[int, int], span: tuple[int, int], language: str) -> tuple[str, ...]:
    """The kinds of happening the date's own clause names: the clause, cut where a clause about
    another happening starts after the date ("after an outbreak that began…"). A clause naming
    none that follows a comma qualifies the noun before it («итоги голосования, прошедшего
    накануне», "the vote, held on Sunday"): that noun's kinds. Empty when neither names one."""
    if is_possessive(text, span):
        return find_concepts(" ".join(text[span[1] + 2 : sentence[1]].split()[:_NOUN_WORDS]), language)
    start, end = clause_bounds(text, sentence, span)
    other_clause = _other_happening(language)
    if other_clause is not None:
        other = other_clause.search(text, span[1], end)
        end = other.start() if other else end
    kinds = find_concepts(text[start:end], language)
    if kinds or start <= sentence[0] or text[start - 2 : start] != ", ":
        return kinds
    head = text[max(sentence[0], start - 80) : start - 2].split()[-_HEAD_WORDS:]
    return find_concepts(" ".join(head), language)


def _has(text: str, phrases: tuple[str, ...]) -> bool:
    return any(phrase in text for phrase in phrases)


def is_old_plan(text: str, sentence: tuple[int, int], span: tuple[int, int], language: str) -> bool:
    """The day a plan had before it was moved or dropped: «планировался на 2 апреля»,
    "had been scheduled for March 14", «перенесли с 2 апреля на 14 мая» (the first date)."""
    cues = modality(language)
    start, end = clause_bounds(text, sentence, span)
    before = fold(text[start : span[0]].lower())
    if _has(fold(text[start:end].lower()), cues.old_plan):
        return True
    low, high = _window(sentence, span)
    moved = _has(fold(text[low:high].lower()), cues.postponed)
    # The preposition may be the date's own first word («с 15 мая» is one date).
    opening = fold(text[span[0] : span[1]].lower())
    return moved and (
        re.search(r"(?:^|\s)(?:с|со|from)\s*$", before) is not None
        or re.match(r"(?:с|со|from)\s", opening) is not None
    )


def is_cancelled(text: str, sentence: tuple[int, int], span: tuple[int, int], language: str) -> bool:
    """A plan called off: «концерт, который должен был пройти 24 мая, отменили», "the debate
    planned for 4 June will not take place". Not a plan moved to another day ("postponed")."""
    cues = modality(language)
    low, high = _window(sentence, span)
    around = fold(text[low:high].lower())
    return _has(around, cues.cancelled) and not _has(around, cues.postponed)


def names_a_plan(text: str, language: str, old_only: bool = False) -> bool:
    """A clause about a plan («перенесли на 27 апреля», "had been scheduled for", «28 мамырға
    жоспарланған»): its day lies near the report, ahead of when the plan was made, whatever
    the tense of the verb that reports the plan."""
    cues = modality(language)
    lowered = fold(text.lower())
    if old_only:  # a future verb is right about a coming day, not about one a plan had before
        return _has(lowered, cues.old_plan)
    return any(_has(lowered, group) for group in (cues.planned, cues.old_plan, cues.postponed))


def is_attribution(text: str, sentence: tuple[int, int], span: tuple[int, int], language: str) -> bool:
    """ "…, the court said on Monday", «…, сообщили в пятницу в акимате»: the day of the words
    that report the happening, not of the happening, when the clause names no kind of its own."""
    start, end = clause_bounds(text, sentence, span)
    clause = fold(text[start:end].lower())
    tail = _attribution_tail(language)
    if tail is None or tail.search(clause) is None:
        return False
    return not most_specific(find_concepts(text[start:end], language))


def points_back(text: str, found: FoundDate, language: str) -> bool:
    """«Бұл туралы сейсенбі күні комиссия хабарлады», «Об этом во вторник сообщили в акимате»:
    the sentence opens by pointing at what the one before told, and says only who told it
    when. Its day is the day of the words about that happening."""
    start, end = found.sentence
    opening = fold(text[start : start + 40].lower()).lstrip(' «"“')
    cues = discourse().get("back_reference", {}).get(language, ())
    if not any(opening.startswith(cue) for cue in cues):
        return False
    # Who told it may carry a kind's word (the election commission): the telling verb decides.
    tail = _attribution_tail(language)
    return tail is not None and tail.search(fold(text[start:end].lower())) is not None


def recalls(text: str, language: str) -> bool:
    """A sentence that opens by recalling what was told before («Ранее …», "Earlier, …")."""
    opening = fold(text[:40].lower()).lstrip(' «"“')
    return any(opening.startswith(cue) for cue in discourse()["recall"].get(language, ()))


def is_since(text: str, span: tuple[int, int], date_text: str, language: str) -> bool:
    """«с 2016 года», "since 2010", «2016 жылдан бастап»: since when, not when. A range
    («с 4 по 6 ноября») is a when."""
    cues = modality(language)
    lowered = fold(date_text.lower())
    if re.search(r"\s(?:по|до|to|until)\s|[–—-]", lowered):
        return False
    opening = fold(text[max(0, span[0] - 12) : span[0]].lower())
    if any(lowered.startswith(cue) or opening.endswith(cue) for cue in cues.since):
        return True
    after = fold(text[span[1] : span[1] + 12].lower()).lstrip()
    return any(lowered.endswith(cue) or after.startswith(cue) for cue in cues.since_after)


_STAMP_DATE = re.compile(
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}"
)
_STAMP_REST = re.compile(
    r"^[\s,|·:–—-]*(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|gmt|utc|мск|msk))?)?[\s,|·]*$"
)


def is_timestamp_line(line: str) -> bool:
    """«14.03.2024, 09:12», "Updated 2 May 2023 18:40 GMT", «Жарияланды: 14.03.2026 09:12»:
    a date and maybe a time, maybe after a label, and nothing else."""
    text = fold(line.strip().lower())
    if not text or len(text) > 60:
        return False
    for label in sorted(discourse()["timestamp"]["labels"], key=len, reverse=True):
        if text.startswith(label):
            text = text[len(label) :].lstrip(" :—–-")
            break
    match = _STAMP_DATE.search(text)
    if match is None or text[: match.start()].strip(" ,:|·"):
        return False
    return _STAMP_REST.match(text[match.end() :]) is not None


_LEAD_DATES = 6  # exact dates of the lead weighed for the headline, at most


def headline_date(
    document: Document,
    dates: list[FoundDate],
    language: str,
    lead_end: int,
    title_names,
    names_between,
    counted: bool = False,
) -> FoundDate | None:
    """The day of the headline's happening: the lead's first exact date in a clause that names
    what the headline names (a kind of happening, a name), else the lead's first exact date whose
    clause names no other kind. A plan's old day is never it."""
    title_concepts = most_specific(find_concepts(document.title, language))
    exact = [
        d
        for d in dates
        if d.span[0] < lead_end
        and d.precision == "day"
        and not is_old_plan(document.text, d.sentence, d.span, language)
        and not is_possessive(document.text, d.span)
        and not (
            d.sentence[0] >= document.title_span[1]
            and is_attribution(document.text, d.sentence, d.span, language)
        )
    ][:_LEAD_DATES]
    fallback = None
    for found in exact:
        if found.sentence[0] < document.title_span[1]:
            return found  # the headline dates itself
        start, end = _window(found.sentence, found.span)
        # The kinds of the date's own clause, if it names any: "lodged the complaint on 9 June,
        # the day after the results" is no day of a headline about the results.
        own = own_kinds(document.text, found.sentence, found.span, language)
        concepts = most_specific(own or find_concepts(document.text[start:end], language))
        if (title_concepts and concepts & title_concepts) or shared_keys(
            title_names, names_between(start, end)
        ):
            return found
        if fallback is None and not (
            title_concepts and concepts and not related(concepts, title_concepts, concept_table())
        ):
            # A clause about a happening of another kind than the headline's («Recount confirms
            # the win» over "lodged the complaint on 9 June") does not date the headline.
            fallback = found
    return fallback


def happening_kind(text: str, found: FoundDate, language: str) -> str:
    """The date's kind, or `cancelled` when it is a plan's day and the plan was called off."""
    if found.kind == "target" or not is_cancelled(text, found.sentence, found.span, language):
        return found.kind
    if found.kind == "planned" or is_old_plan(text, found.sentence, found.span, language):
        return "cancelled"
    return found.kind


def sentence_role(text: str, found: FoundDate, language: str, concepts) -> tuple[str, str]:
    """A body date's role, and why when it is not on the timeline."""
    if found.precision in ("year", "month", "season") and is_since(text, found.span, found.text, language):
        return Role.BACKGROUND, "; background: since when, not when"
    if is_old_plan(text, found.sentence, found.span, language):
        if is_cancelled(text, found.sentence, found.span, language):
            return Role.SENTENCE, "; cancelled: the day it was planned for"
        return Role.BACKGROUND, "; background: the day a plan had before it was moved"
    if found.precision == "year" and found.kind == "occurred" and not most_specific(concepts):
        return Role.BACKGROUND, "; background: a past year named in passing"
    return Role.SENTENCE, ""
