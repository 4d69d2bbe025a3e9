"""Actors without a registry: names found in the text, reduced to keys that hold across scripts.

A report of a trial in Russian names «Сатыбалдиева», one in Kazakh Latin «Satybaldiev», one in
English "Satybaldiyev": none is in `content/actors.toml`, yet they name one man. Each word of a
discovered name becomes its consonant skeleton (`generator/data/names.toml`), the same in every
script; two keys match when they are equal or one is the other plus a short case ending. Titles
and job words are split off (they are roles, not names) and outlets are set apart as media:
they report happenings, they take part in none.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources

from .latin import with_latin
from .sentences import fold, words

# A number in groups of three ("640,000", «640 000») or with a decimal part («4,3», "4.3").
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)(?!\d)")
_GROUP_MARKS = str.maketrans("", "", ",\u00a0\u202f ")


@dataclass(frozen=True, slots=True)
class NameRules:
    groups: tuple[tuple[str, str], ...]  # letter groups first, longest first
    letters: dict[str, str]
    shortest: int
    ending: int
    media: frozenset[str]  # keys of outlets, joined by spaces
    cues_before: dict[str, frozenset[str]]
    cues_after: dict[str, frozenset[str]]
    titles: dict[str, tuple[str, ...]]


def names_file_bytes() -> bytes:
    return resources.files("generator").joinpath("data", "names.toml").read_bytes()


@cache
def name_rules() -> NameRules:
    data = tomllib.loads(names_file_bytes().decode("utf-8"))
    skeleton = data["skeleton"]
    groups = tuple(sorted(skeleton["groups"].items(), key=lambda kv: -len(kv[0])))
    rules = NameRules(
        groups,
        dict(skeleton["letters"]),
        int(skeleton["shortest"]),
        int(skeleton["ending"]),
        frozenset(),
        {k: frozenset(_alphabets(k, v)) for k, v in data["media"]["cues_before"].items()},
        {k: frozenset(_alphabets(k, v)) for k, v in data["media"]["cues_after"].items()},
        {k: tuple(_alphabets(k, v)) for k, v in data["titles"].items()},
    )
    media = frozenset(" ".join(_word_keys(rules, name, keep_short=True)) for name in data["media"]["names"])
    return NameRules(**{**{f: getattr(rules, f) for f in rules.__slots__}, "media": media})


def _alphabets(language: str, words: list[str]) -> list[str]:
    return with_latin(words) if language == "kk" else words


def skeleton(word: str, rules: NameRules | None = None) -> str:
    """«Көшербаев», "Kosherbayev", «Köşerbaev» → "ksrbv": consonant classes, no vowels."""
    rules = rules or name_rules()
    text = fold(word.lower())
    for group, value in rules.groups:
        if group in text:
            text = text.replace(group, value.upper())  # upper case: already mapped
    return "".join(ch.lower() if ch.isupper() else rules.letters.get(ch, "") for ch in text)


def _word_keys(rules: NameRules, name: str, keep_short: bool = False) -> list[str]:
    """The keys of a name's words. Short words (Dala, Ак, Joe) are too common alone: they are
    prefixed to the next long word's key («Дала Банк» dlbnk and bnk), or, all short, joined
    («Ак Жол» kjl). `keep_short` (telling outlets) keeps each word's key as it is."""
    keys, pending = [], ""
    for word in words(name):
        text = re.sub(r"['’]s?$", "", word.text)  # "Nomad's": the name is Nomad
        parts = [skeleton(part, rules) for part in text.split("-")]
        if "-" in text and not any(len(key) >= rules.shortest for key in parts):
            parts = ["".join(parts)]  # "Aisha-Bibi" as a whole: each half alone is too short
        for key in filter(None, parts):
            if keep_short or len(key) >= rules.shortest:
                if pending and not keep_short:
                    keys.append(pending + key)
                keys.append(key)
                pending = ""
            else:
                pending += key
    if len(pending) >= rules.shortest and not keep_short:
        keys.append(pending)
    return keys


@lru_cache(maxsize=16384)  # asked of every word of every capitalised run
def is_title_word(word: str, language: str) -> bool:
    lowered = fold(word.lower())
    titles = name_rules().titles.get(language, ())
    if language == "en":
        return lowered.removesuffix("'s") in titles
    # A title ending in "$" is a whole word («АО»); the others take endings («министра»).
    return any(lowered == t[:-1] if t.endswith("$") else lowered.startswith(t) for t in titles)


def name_keys(name: str) -> tuple[str, ...]:
    """The keys of a discovered name's words, title words left out."""
    rules = name_rules()
    return tuple(dict.fromkeys(_word_keys(rules, name)))


def is_media(name: str, before: str, after: str, language: str) -> bool:
    """An outlet by name («Kazinform», «Казинформа»), or a name a reporting verb points at
    («сообщает Tengrinews», "told Reuters", «Egemen хабарлайды»)."""
    rules = name_rules()
    keys = " ".join(_word_keys(rules, name, keep_short=True))
    if any(
        keys == media or (len(media) >= rules.shortest and _extends(keys, media, rules.ending))
        for media in rules.media
    ):
        return True
    # Only a cue next to the name, with no punctuation between, points at it.
    previous = re.search(r"(\w+)[ \u00a0]+$", fold(before.lower()))
    following = re.match(r"[ \u00a0]+(\w+)", fold(after.lower()))
    if previous and previous.group(1) in rules.cues_before.get(language, ()):
        return True
    return bool(following) and following.group(1) in rules.cues_after.get(language, ())


def keys_match(first: str, second: str) -> bool:
    """Equal, or one stem with different endings: «Тоқаев» tkv and «Тоқаевтың» tkvtn, and
    «Карасайского» krsskg and «Карасайском» krsskm (a longer shared stem when both go on)."""
    if first == second:
        return True
    rules = name_rules()
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    tails = (len(first) - common, len(second) - common)
    needed = rules.shortest if 0 in tails else rules.shortest + 1
    return common >= needed and max(tails) <= rules.ending


def _extends(long: str, short: str, ending: int) -> bool:
    return long.startswith(short) and 0 < len(long) - len(short) <= ending


def key_start(key: str) -> str:
    """The letters every key that may match this one begins with (`shortest` in names.toml)."""
    return key[: name_rules().shortest]


def shared_keys(mine, theirs) -> int:
    """How many of `mine` match one of `theirs` (each counted once). Equal keys are found by
    look-up; a key with another ending only among those of the same first consonants."""
    theirs = theirs if isinstance(theirs, (set, frozenset)) else set(theirs)
    count, by_start = 0, None
    for key in mine:
        if key in theirs:
            count += 1
            continue
        if by_start is None:
            by_start = {}
            for other in theirs:
                by_start.setdefault(key_start(other), []).append(other)
        if any(keys_match(key, other) for other in by_start.get(key_start(key), ())):
            count += 1
    return count


def numbers_in(text: str, skip: list[tuple[int, int]]) -> tuple[str, ...]:
    """Amounts and counts («38 участков», "$1.1bn", «7 лет»), as numbers: outside the dates
    (`skip`, relative to `text`), two digits or a decimal part at least, so «в 2 этапа» and the
    day of a date tell nothing. A number is known only up to its scale word, which each language
    puts differently ("640,000", «640 тыс.», «640 мың»; "$1.1bn", «1,1 млрд»): it is kept in
    thousands, millions… as need be, so that it falls between 1 and 1 000."""
    found = []
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in skip):
            continue
        raw = match.group(1)
        grouped = len(raw) > 4 and not raw[-4].isdigit()  # "640,000", «640 000»
        digits = raw.translate(_GROUP_MARKS) if grouped else raw.replace(",", ".")
        if len(digits) == 4 and digits.isdigit() and digits[:2] in ("19", "20"):
            continue  # a year
        value = _in_thousands(Decimal(digits))
        if len(value.replace(".", "")) >= 2:
            found.append(f"#{value}")
    return tuple(dict.fromkeys(found))


def _in_thousands(value: Decimal) -> str:
    while value >= 1000:
        value /= 1000
    return format(value.normalize(), "f")


ROUND_NUMBER_WEIGHT = 0.5  # «10 млн», "20 people": round counts recur across a story
NUMBER_WEIGHT = 1.0  # «школы № 41», "37 people", «640 тыс.»: a count both give
EXACT_NUMBER_WEIGHT = 2.0  # one few reports would give by chance: «17,5%», "No. 361", "3.1 million"


def number_weight(number: str) -> float:
    """A decimal amount or a number of three digits that is not round is as telling as a name;
    a round count tells little."""
    digits = number.lstrip("#")
    significant = digits.replace(".", "").strip("0")
    if "." in digits or len(significant) >= 3:
        return EXACT_NUMBER_WEIGHT
    return ROUND_NUMBER_WEIGHT if len(significant) <= 1 else NUMBER_WEIGHT
