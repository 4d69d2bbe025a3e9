"""Names the registry does not know, proposed to the editor instead of dropped.

A run of capitalised words that no actor matched, outside any date, is a candidate. The first
word of a sentence is capitalised anyway, so it counts only when it is not an ordinary word
(«Министр», «В», «The»). `timeline check` adds the candidates up over all articles.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from .actors import TextWord
from .discovered import is_media, is_title_word, name_keys, names_file_bytes
from .inflection import kazakh_stems
from .latin import with_latin
from .sentences import Sentence, sentence_at
from .tense import russian_morphology
from .vocabulary import date_words


@dataclass(frozen=True, slots=True)
class UnknownName:
    key: str  # the dictionary form the occurrences are counted under
    text: str
    span: tuple[int, int]
    sentence: tuple[int, int]
    keys: tuple[str, ...] = ()  # cross-script keys of its words (generator/extract/discovered.py)
    media: bool = False  # an outlet: it reports happenings, it takes part in none
    role: str = ""  # the title split off its front: "President" of "President Joe Biden"


def find_unknown_names(
    text: str,
    words: list[TextWord],
    sentences: list[Sentence],
    language: str,
    covered: list[tuple[int, int]],
    registry_words: frozenset[str],
) -> list[UnknownName]:
    inner_capitals = _capitalised_inside_sentences(words, sentences)
    taken = bytearray(len(text))  # characters inside an actor or a date: one lookup per word
    for start, end in covered:
        taken[start:end] = b"\x01" * (end - start)
    calendar_words = _calendar_words(language)
    found: list[UnknownName] = []
    run: list[TextWord] = []
    for word in [*words, None]:
        if (
            word is not None
            and _candidate(word, taken, calendar_words, registry_words)
            and _joins(text, run, word)
        ):
            run.append(word)
            continue
        if run:
            found.extend(_name_from_run(text, run, sentences, language, inner_capitals))
        run = [word] if word is not None and _candidate(word, taken, calendar_words, registry_words) else []
    return found


def _candidate(
    word: TextWord, taken: bytearray, calendar_words: frozenset[str], registry: frozenset[str]
) -> bool:
    first = word.text[0]
    if not first.isupper() or (any(ch.isdigit() for ch in word.text) and "-" not in word.text):
        return False  # «KazSat-4», «Союз-2» are names; «2026» and «G20» are not names to propose
    if word.text.lower() in calendar_words or word.text in registry:
        return False
    return not taken[word.start]


def _joins(text: str, run: list[TextWord], word: TextWord) -> bool:
    """Capitalised words separated by one space form one name; an abbreviation and a name do not
    («ООН Антониу Гутерриш» is an organisation, then a person)."""
    if not run or text[run[-1].end : word.start] not in (" ", "\u00a0"):
        return False
    return _is_abbreviation(run[-1].text) == _is_abbreviation(word.text)


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _name_from_run(text, run, sentences, language, inner_capitals) -> list[UnknownName]:
    sentence = sentence_at(sentences, run[0].start)
    opens_sentence = sentence is not None and not any(
        ch.isalnum() for ch in text[sentence.start : run[0].start]
    )
    run, role = _split_role(text, run, language)
    if not run:
        return []
    first = run[0].text.removesuffix("'s").removesuffix("’s")  # "Omarov's lawyers …"
    opens = opens_sentence and not role
    # «Дала Банк», "Nomad Air": capitalised words that fill a quotation are a name, however
    # ordinary the words («дала», «банк»).
    quoted = _fills_quotation(text, run[0].start, run[-1].end)
    if opens and not quoted and first not in inner_capitals and _opens_only(run, language):
        run = run[1:]
    if not run or (not quoted and language == "ru" and all(_ordinary_word(w.text, language) for w in run)):
        return []  # «Президент», «Меморандума», «Саммите»: capitalised out of respect, not names
    start, end = run[0].start, run[-1].end
    bounds = (sentence.start, sentence.end) if sentence else (start, end)
    surface = text[start:end]
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    return [
        UnknownName(
            _key(run, language, text),
            surface,
            (start, end),
            bounds,
            name_keys(surface),
            is_media(surface, before, after, language),
            role,
        )
    ]


_OPENING_QUOTES = "«“„\"'"
_CLOSING_QUOTES = "»”“\"'"


def _fills_quotation(text: str, start: int, end: int) -> bool:
    """The run is all a quotation holds: «Дала Банк», “Sapar Air” (a case ending may follow the
    closing mark in Kazakh Latin: «Dala Bank»-ke)."""
    return start > 0 and text[start - 1] in _OPENING_QUOTES and text[end : end + 1] in tuple(_CLOSING_QUOTES)


def _split_role(text: str, run: list[TextWord], language: str) -> tuple[list[TextWord], str]:
    """ "President Joe Biden" is Joe Biden, role President; "Foreign Minister Ermek Kosherbayev"
    is Ermek Kosherbayev, role Foreign Minister (the run up to its last title word); «министр
    Ерлан Карин» takes the title word just before the run."""
    last = max((i for i, w in enumerate(run) if is_title_word(w.text, language)), default=-1)
    if last >= 0:
        # «Президент Казахстана Касым-Жомарт Токаев»: the country a title is of is the role's.
        while language == "ru" and last + 2 < len(run) and _place_in_genitive(run[last + 1].text):
            last += 1
        role_words, run = run[: last + 1], run[last + 1 :]
        return run, _role_form(text[role_words[0].start : role_words[-1].end], language)
    before = text[max(0, run[0].start - 40) : run[0].start].rstrip().split()
    if before and before[-1].islower() and is_title_word(before[-1], language):
        return run, _role_form(before[-1], language)
    return run, ""


@lru_cache(maxsize=4096)  # a story names the same titles and places again and again
def _place_in_genitive(word: str) -> bool:
    return any({"Geox", "gent"} <= set(p.tag.grammemes) for p in russian_morphology().parse(word.lower())[:2])


@lru_cache(maxsize=4096)
def _role_form(role: str, language: str) -> str:
    """A one-word Russian title in its dictionary form: «министром» → «министр»."""
    if language != "ru" or " " in role:
        return role
    parses = russian_morphology().parse(role.lower())
    return _cased_like(role, parses[0].normal_form) if parses else role


def _capitalised_inside_sentences(words: list[TextWord], sentences: list[Sentence]) -> set[str]:
    """Words seen capitalised somewhere other than at the opening of a sentence."""
    openers, previous = set(), None
    for word in words:
        sentence = sentence_at(sentences, word.start)
        if sentence is not None and sentence is not previous:
            openers.add(word.start)
            previous = sentence
    return {w.text for w in words if w.text[:1].isupper() and w.start not in openers}


def _opens_only(run: list[TextWord], language: str) -> bool:
    """Whether a sentence's first word is only its opener, not the start of the name after it.
    A lone capitalised word is an opener unless the text capitalises it elsewhere (checked by the
    caller); in a run of several, only a word Russian's dictionary knows, or one of the openers
    of names.toml, is ("The Senate", "Bozshakol Copper": the first is, the second is not)."""
    if language == "ru" or len(run) == 1:
        return _ordinary_word(run[0].text, language)
    return run[0].text.lower() in _openers(language)


@cache
def _openers(language: str) -> frozenset[str]:
    words = tomllib.loads(names_file_bytes().decode("utf-8"))["openers"].get(language, [])
    return frozenset(with_latin(words)) if language == "kk" else frozenset(words)


def _ordinary_word(word: str, language: str) -> bool:
    """Whether a capitalised word is an ordinary word rather than a name. Russian asks the
    dictionary; Kazakh and English have none here, so a word that opens a sentence counts as a
    name only when the text also capitalises it inside a sentence (checked by the caller)."""
    if language != "ru":
        return True
    parses = russian_morphology().parse(word.lower())
    proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
    return any(p.is_known and not (proper & set(p.tag.grammemes)) for p in parses[:1])


def _key(run: list[TextWord], language: str, text: str = "") -> str:
    words = [w.text for w in run]
    if language == "ru":
        man = _mans_name_case(words, text)
        if man is not None:  # «Ерлана Карина» is Ерлан Карин, not a woman named Карина
            first, ending = man
            return " ".join([first.capitalize(), *(_without(w, ending) for w in words[1:])])
        if len(words) > 1 and _womans_name(words[0]):
            return " ".join(words)  # «Алия Бекова»: a woman, named as written
        words = [w if w.isupper() else _cased_like(w, _russian_name_form(w)) for w in words]
    elif language == "kk":
        # The longest stem: «Көшербаевтың» → «Көшербаев», and «Өскемен» keeps its «мен».
        stems = [s for s in kazakh_stems(words[-1]) if len(s) >= 4 and len(words[-1]) - len(s) >= 2]
        words[-1] = stems[0] if stems and not _ends_like_a_name(words[-1]) else words[-1]
    else:
        for ending in ("'s", "’s"):
            words[-1] = words[-1].removesuffix(ending)
    return " ".join(words)


# The case ending a man's surname takes in each oblique case (Карин: Карина, Карину, Кариным, Карине).
_SURNAME_ENDINGS = {"gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"}


def _mans_name_case(words: list[str], text: str) -> tuple[str, str] | None:
    """A man's first name in an oblique case followed by a surname in -ин/-ов/-ев with that
    case's ending: (the first name's nominative, the ending). «Нурлана Омарова» may be a woman
    too: it is a man when the text also gives the surname in a man's form («Омаров», «Омаровым»)."""
    if len(words) < 2:
        return None
    for parse in russian_morphology().parse(words[0].lower())[:3]:
        tag = parse.tag
        case = tag.case
        if "masc" in tag and case in _SURNAME_ENDINGS:
            ending = _SURNAME_ENDINGS[case]
            surname = words[1].lower()
            stem = surname[: -len(ending)] if surname.endswith(ending) else ""
            masculine = re.compile(rf"(?<!\w){re.escape(stem)}(?:ым|у|е)?(?!\w)", re.IGNORECASE)
            if stem.endswith(("ин", "ын", "ов", "ев", "ёв")) and masculine.search(text):
                return parse.normal_form, ending
    return None


def _womans_name(word: str) -> bool:
    return any(
        {"Name", "femn", "nomn"} <= set(p.tag.grammemes) for p in russian_morphology().parse(word.lower())[:3]
    )


def _without(word: str, ending: str) -> str:
    return word[: -len(ending)] if word.lower().endswith(ending) else word


def _ends_like_a_name(word: str) -> bool:
    """Kazakh place names ending in what looks like an ending: «Өскемен», «Семей»."""
    return word.lower().endswith(("мен", "бен", "пен")) and len(word) <= 8


_SURNAME_SHAPES = ("ов", "ев", "ёв", "ин", "ын")  # a man's surname in the nominative


def _russian_name_form(word: str) -> str:
    """The nominative of a name, when the dictionary reads the word as one («Ерлана» → «Ерлан»);
    otherwise the word as written: an unknown surname is not a verb («Сейткали», not «Сейткать»)."""
    proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
    parses = russian_morphology().parse(word.lower())[:2]
    for parse in parses:
        if proper & set(parse.tag.grammemes):
            return parse.normal_form
    if word.lower().endswith(_SURNAME_SHAPES):
        return word.lower()  # «Токаев» is no plural of «токай»
    if parses and parses[0].is_known and parses[0].tag.POS == "NOUN":
        return parses[0].normal_form  # «Байконура» → «Байконур»
    return word.lower()


def _cased_like(surface: str, word: str) -> str:
    """The dictionary form with the surface's capitals: «Telegram-канале» → «Telegram-канал»."""
    surface_parts, parts = surface.split("-"), word.split("-")
    if len(surface_parts) != len(parts):
        return word.capitalize()
    return "-".join(
        p.capitalize() if s[:1].isupper() else p for s, p in zip(surface_parts, parts, strict=True)
    )


@cache
def _calendar_words(language: str) -> frozenset[str]:
    data = date_words(language)
    words = {f for group in ("months", "weekdays", "seasons") for forms in data[group] for f in forms}
    return frozenset(w.lower() for w in words)
