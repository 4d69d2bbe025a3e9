"""Inflected forms of registry names: Russian cases, Kazakh suffix chains, English possessives.

The registry lists names in dictionary form; articles use them in every case. Russian personal
names get a deterministic paradigm (pymorphy3 turns «Токаев» into «Токаи» and reads «Клеверли» as
a verb); other Russian words — «Соединенные Штаты», «министерство» — are inflected by pymorphy3.
Kazakh names are matched as a known stem plus a chain of endings, so no form list is needed.
"""

from __future__ import annotations

import itertools
from functools import cache, lru_cache

from .latin import kk_latin
from .tense import russian_morphology
from .vocabulary import inflection_rules

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_CONSONANTS = set("бвгджзйклмнпрстфхцчшщ")


def russian_variants(word: str, person: bool) -> set[str]:
    """Every case form of one word of a Russian name, the word itself included."""
    if not word or not set(word.lower()) & _CYRILLIC:
        return {word}
    if "-" in word:  # «Касым-Жомарт»: only the last part declines
        head, _, tail = word.rpartition("-")
        return {f"{head}-{form}" for form in russian_variants(tail, person)}
    if len(word) > 1 and word.isupper():
        if word[-1].lower() in _CONSONANTS:
            return {word} | {word + ending for ending in inflection_rules()["russian_abbreviation_endings"]}
        return {word}
    if person or not _dictionary_word(word):
        return _name_paradigm(word) if word[0].isupper() else {word}
    return _dictionary_forms(word)


def _name_paradigm(word: str) -> set[str]:
    rules = inflection_rules()
    lowered = word.lower()
    for rule in rules["russian_names"]:
        ending = rule["ending"]
        if not lowered.endswith(ending):
            continue
        if "add" in rule:
            endings = list(rule["add"])
            if lowered[-1] in rules["soft_instrumental"]:
                endings = [e if e != "ом" else "ем" for e in endings]
            return {word} | {word + e for e in endings}
        stem = word[: len(word) - len(ending)]
        return {word} | {stem + e for e in rule["replace"]}
    return {word}


def _dictionary_word(word: str) -> bool:
    return any(p.is_known for p in russian_morphology().parse(word.lower())[:3])


def _dictionary_forms(word: str) -> set[str]:
    """Case forms of a dictionary word that stands in the nominative; other words (the genitive
    «дел» in «Министерство иностранных дел») keep their form."""
    forms = {word}
    # every nominative reading: «Большая» is both «большой» and the comparative «больший»
    for parse in russian_morphology().parse(word.lower()):
        if parse.tag.case != "nomn" or parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            continue
        for case in _CASES:
            inflected = parse.inflect({case})
            if inflected is not None:
                forms.add(_like(word, inflected.word.replace("ё", "е")))
    return forms


def _like(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def russian_sequences(words: list[str], person: bool) -> list[tuple[str, ...]]:
    """All combinations of the words' case forms: agreement is not checked, since a mismatched
    combination never stands in real text and so costs nothing."""
    options = [sorted(russian_variants(w, person)) for w in words]
    return list(itertools.product(*options))


@cache
def kazakh_endings() -> frozenset[str]:
    """Every chain plural? + possessive? + case? (+ «-ғы» after a locative), with or without the
    hyphen abbreviations take («АҚШ-тың»)."""
    rules = inflection_rules()["kazakh"]
    locative = {"да", "де", "та", "те", "нда", "нде"}
    chains = set()
    for plural in ["", *rules["plural"]]:
        for possessive in ["", *rules["possessive"]]:
            for case in ["", *rules["case"]]:
                chains.add(plural + possessive + case)
                if case in locative:
                    chains.update(plural + possessive + case + tail for tail in rules["after_locative"])
    chains.discard("")
    # The same endings in the Latin alphabet, «ı» written as such or as "i": «Omarovqa», «Astanadağy».
    chains |= {kk_latin(chain) for chain in chains} | {kk_latin(chain).replace("i", "ı") for chain in chains}
    return frozenset(chains | {"-" + chain for chain in chains})


@lru_cache(maxsize=65536)
def kazakh_stems(word: str) -> tuple[str, ...]:
    """Stems `word` may be a registry name plus endings of: «Қазақстанның» → «Қазақстан»."""
    endings = kazakh_endings()
    voicing = {v: k for k, v in inflection_rules()["kazakh"]["voicing"].items()}
    voicing |= {kk_latin(v): kk_latin(k) for v, k in voicing.items()}
    stems = []
    for cut in range(len(word) - 1, 0, -1):
        if len(word) - cut > 9:
            break
        if word[cut:] in endings:
            stem = word[:cut]
            stems.append(stem)
            if stem[-1] in voicing:
                stems.append(stem[:-1] + voicing[stem[-1]])
    return tuple(stems)


def english_possessives(word: str) -> list[str]:
    return [word + ending for ending in inflection_rules()["english"]["possessive"]]
