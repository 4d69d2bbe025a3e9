"""Whether a sentence speaks of the past or the future.

A bare «в четверг» or «6 ноября» has no year; the tense of the verb picks between the last such
day and the next one, and a future date is a plan, not a fact.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from .latin import with_latin
from .sentences import fold_keys, words
from .vocabulary import date_words

PAST, PRESENT, FUTURE = "past", "present", "future"


@cache
def russian_morphology() -> _Morphology:
    import pymorphy3  # loaded on first use: building the analyser costs a few tens of ms

    return _Morphology(pymorphy3.MorphAnalyzer())


# pymorphy3 asks Unicode for the name of each letter, and letters Unicode names only by rule (a
# Tangut ideograph) make that fail; it only knows Russian words anyway.
_UNKNOWN_SCRIPT = re.compile(r"[^\u0000-\u052f\u2000-\u206f]")  # not Latin, Greek, Cyrillic or punctuation


class _Morphology:
    """The analyser, given only words it can analyse; any other word has no reading."""

    def __init__(self, analyser):
        self.analyser = analyser

    def parse(self, word: str) -> list:
        if _UNKNOWN_SCRIPT.search(word):
            return []
        return self.analyser.parse(word)


def sentence_tense(text: str, language: str, skip: list[tuple[int, int]] | None = None) -> str | None:
    """The tense of `text`, ignoring words inside `skip` spans (the dates themselves: «прошлой»
    in «прошлой осенью» is no verb)."""
    every = words(text)
    tokens = [w for w in every if not any(s <= w.start < e for s, e in skip or [])]
    lowered = [w.text.lower().replace("ё", "е") for w in tokens]
    intention = not _opens_with_date(every, skip or [])
    if language == "kk":
        return _kazakh_tense(lowered, intention)
    # A reporting verb dated by the words after it ("said on Tuesday") is the telling's past;
    # anywhere else it says nothing of when what it reports happens.
    telling = _dated_telling(every, skip or [], date_words(language)["tense"])
    if language == "ru":
        return _russian_tense(lowered, first_verb=not intention, telling=telling)
    return _english_tense(" ".join(lowered), intention, telling)


_TELLING_REACH = 4  # words from a reporting verb to the date of its telling: "said in Astana on"


_LONG_WORD = 6  # a word this long after a reporting verb is what it tells, not where or when


def _dated_telling(every, skip: list[tuple[int, int]], cues) -> bool:
    """A reporting verb followed by a date, with no word of what it reports between: "said on
    Tuesday", «заявил во вторник» (not "said it would open on Tuesday")."""
    reporting, openers = cues.get("reporting", ()), cues.get("reported_openers", ())
    for i, word in enumerate(every):
        if word.text.lower() not in reporting:
            continue
        for following in every[i + 1 : i + 1 + _TELLING_REACH]:
            if any(s <= following.start < e for s, e in skip):
                return True
            if following.text.lower() in openers or len(following.text) > _LONG_WORD:
                break  # what it reports has begun: the date is of that
    return False


_OPENING_WORDS = 2  # "On Wednesday", "Also on 24 March", «А 24 марта»
_OPENING_WORD_CHARS = 5


def _opens_with_date(every, skip: list[tuple[int, int]]) -> bool:
    """Whether the clause opens with a date, after at most two short words ("On Wednesday",
    "Also on 24 March"): such a date dates the clause's own verb, not the act it says is
    intended."""
    first = next((i for i, w in enumerate(every) if any(s <= w.start < e for s, e in skip)), None)
    return (
        first is not None
        and first <= _OPENING_WORDS
        and all(len(w.text) <= _OPENING_WORD_CHARS for w in every[:first])
    )


def _russian_tense(tokens: list[str], first_verb: bool = False, telling: bool = False) -> str | None:
    """With `first_verb` (the clause opens with its date), the first finite verb is the
    clause's own: «24 марта утвердили тарифы, которые будут платить пассажиры» is past."""
    cues = date_words("ru")["tense"]
    analyser = russian_morphology()
    if first_verb:
        for token in tokens:
            tense = FUTURE if token in cues["future"] else _finite_tense(analyser, token, cues)
            if tense in (PAST, FUTURE):
                return tense
    if any(token in cues["future"] for token in tokens):
        return FUTURE
    for i, token in enumerate(tokens):
        if token in cues["intention"] and any(_is_infinitive(analyser, t) for t in tokens[i + 1 : i + 3]):
            return FUTURE
    found = None
    for token in tokens:
        if token in cues["reporting"] and not telling:
            continue  # «…», — заявил он: the telling's past, not the quotation's
        tense = _finite_tense(analyser, token, cues)
        if tense == FUTURE:
            return FUTURE
        if tense == PAST:
            found = PAST
        elif tense == PRESENT and found is None:
            found = PRESENT
    return found


def _finite_tense(analyser, token: str, cues) -> str | None:
    """The tense of a finite verb: «объявит», «получим» future (not the narrator's «напомним»),
    «объявил» past, «открывается» present (happening as the report is written)."""
    parse = _russian_verb(analyser, token)
    if parse is None:
        return None
    if "futr" in parse.tag and token not in cues["narrator"]:
        return FUTURE
    if "past" in parse.tag:
        return PAST
    if "pres" in parse.tag and "3per" in parse.tag:
        return PRESENT
    return None


@cache
def _is_infinitive(analyser, token: str) -> bool:
    return any(p.tag.POS == "INFN" for p in analyser.parse(token)[:2])


@cache
def _russian_verb(analyser, token: str):
    for parse in analyser.parse(token)[:2]:
        # «подписан», «завершено»: short passive participles are finite past predicates
        if parse.tag.POS in ("VERB", "PRTS") and parse.score >= 0.2:
            return parse
    return None


@cache
def _kazakh_cues() -> dict[str, frozenset[str] | tuple[str, ...]]:
    """The tense cues in both alphabets: «жиналады» and «jinalady» end alike."""
    cues = date_words("kk")["tense"]
    found: dict[str, frozenset[str] | tuple[str, ...]] = {
        key: frozenset(with_latin(cues[key])) for key in ("future", "intention", "present", "past", "quoting")
    }
    for key in (
        "future_endings",
        "past_endings",
        "converb_endings",
        "reported_future",
        "reported_past",
        "plural_accusative",
    ):
        found[key] = tuple(with_latin(cues[key]))
    return found


def _kazakh_tense(tokens: list[str], intention: bool = True) -> str | None:
    """Kazakh puts the finite verb last: read the endings from the end of the sentence."""
    cues = _kazakh_cues()
    tokens = [fold_keys(token) for token in tokens]
    if tokens and len(tokens[-1]) > 3 and tokens[-1].endswith(cues["converb_endings"]):
        return PRESENT
    if any(token in cues["future"] for token in tokens):
        return FUTURE
    for before, token in pairwise(tokens if intention else []):
        if token in cues["intention"] and before.endswith(
            ("уға", "уге", "уды", "уді", "uğa", "uge", "udy", "udi")
        ):
            return FUTURE
    vowel_pasts = _kazakh_vowel_pasts()
    for before, token in pairwise(tokens):
        if token in cues["quoting"] and _is_kazakh_future(before, cues, vowel_pasts):
            return FUTURE
    for token in tokens:
        if token.endswith(cues["reported_future"]):
            return FUTURE
        if token.endswith(cues["reported_past"]):
            return PAST
    for token in reversed(tokens):
        if token.endswith(cues["plural_accusative"]):
            continue
        if token in cues["present"]:
            return PRESENT
        if token in cues["past"] or token in vowel_pasts:
            return PAST
        if _is_kazakh_future(token, cues, vowel_pasts):
            return FUTURE
        if any(token.endswith(ending) for ending in cues["past_endings"]) and len(token) > 3:
            return PAST
    return None


def _is_kazakh_future(token: str, cues, vowel_pasts: frozenset[str]) -> bool:
    return token not in vowel_pasts and len(token) > 4 and token.endswith(cues["future_endings"])


@cache
def _kazakh_vowel_pasts() -> frozenset[str]:
    stems = date_words("kk")["tense"]["vowel_stems"]
    return frozenset(with_latin([stem + ending for stem in stems for ending in ("ды", "ді")]))


def _english_tense(text: str, intention: bool = True, telling: bool = False) -> str | None:
    """Future by its auxiliaries, past by «-ed» and the common irregular pasts; a verb in the
    present («visits», «opens») gives no tense, so the nearest date is taken."""
    cues = date_words("en")["tense"]
    padded = f" {text} ".replace("'ll ", " 'll ").replace("’ll ", " ’ll ")
    futures = [found for cue in cues["future"] if (found := padded.find(f" {cue} ")) >= 0]
    past = _english_past(padded, cues, telling)
    if futures and not intention and past is not None and past < min(futures):
        # A clause that opens with its date is dated by its first verb: "On 24 March, officials
        # approved the fares passengers will pay" tells of the approval.
        return PAST
    if futures:
        return FUTURE
    # "had intended to reopen on 1 July": an intention of the past, no plan.
    if intention and any(f" {cue} " in padded and f" had {cue} " not in padded for cue in cues["intention"]):
        return FUTURE
    return PAST if past is not None else None


def _english_past(padded: str, cues, telling: bool = False) -> int | None:
    """Where the first past verb is: an irregular past, or an «-ed» word that is no participle;
    a reporting verb only when it is the dated telling."""
    participle_after = cues["participle_after"]
    reporting = () if telling else cues["reporting"]
    previous = ""
    for match in re.finditer(r"[\w'’]+", padded):
        token = match.group()
        if token in reporting:
            previous = token
            continue
        if token in cues["past"] or (
            token.endswith("ed") and len(token) > 4 and previous not in participle_after
        ):
            return match.start() - 1
        previous = token
    return None
