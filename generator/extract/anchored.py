"""Days anchored to another happening: «через неделю после оглашения приговора», "two days
after the vote", «үкімнен кейін бір аптадан соң».

Extraction finds the expression, how many days it counts and the words of the happening it
counts from; the merge stage dates it through that happening's event when the corpus knows it
(`generator/merge/anchored.py`). The words live in `generator/data/discourse.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .concepts import find_concepts, most_specific
from .happenings import discourse
from .sentences import fold_keys

_END = r"(?=[,.;:!?»\"”)\n]|\s+(?:и|а|но|and|but|when|где|когда)\s|$)"
# The words naming the happening counted from: up to the clause's end, or, when the sentence
# runs on without a break («через неделю после объявления режима ЧС в регион приезжал
# министр»), its first six words.
_ANCHOR = rf"(?P<anchor>[^,.;:!?«»\"“”()\n]{{3,60}}?{_END}|[\w-]+(?:\s+[\w-]+){{0,5}})"


@dataclass(frozen=True, slots=True)
class AnchoredDay:
    text: str
    span: tuple[int, int]
    offset: int  # days from the anchor happening: +7 a week after, −1 a day before
    anchor: str  # the words naming that happening


def _words(table: dict[str, int]) -> str:
    return "|".join(re.escape(word) for word in sorted(table, key=len, reverse=True))


@cache
def _patterns(language: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    data = discourse()["anchored"].get(language)
    if data is None:
        return ()
    number = rf"(?:(?P<n>\d{{1,2}}|{_words(data['numbers'])})\s+)"
    unit = rf"(?P<unit>{_words(data['units'])})"
    flags = re.IGNORECASE
    if language == "ru":
        after = "|".join(data["after"])
        before = "|".join(data["before"])
        return (
            (
                re.compile(
                    rf"(?<!\w)(?:{after})\s+{number}?{unit}\s+{data['after_word']}\s+{_ANCHOR}", flags
                ),
                1,
            ),
            (
                re.compile(
                    rf"(?<!\w)(?:{before})\s+{number}?{unit}\s+{data['before_word']}\s+{_ANCHOR}", flags
                ),
                -1,
            ),
        )
    if language == "en":
        return (
            (re.compile(rf"(?<!\w){number}{unit}\s+{data['after_word']}\s+{_ANCHOR}", flags), 1),
            (re.compile(rf"(?<!\w){number}{unit}\s+{data['before_word']}\s+{_ANCHOR}", flags), -1),
        )
    # Kazakh: the anchor comes first, in the ablative, then «кейін», the count and «соң».
    ablative = r"(?:нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)"
    anchor = r"(?P<anchor>(?:\w+\s+){0,3}?\w+?)"
    return (
        (
            re.compile(
                rf"(?<!\w){anchor}{ablative}\s+(?:кейін|keiin)\s+{number}?{unit}\w*\s+(?:өткен\s+|ötken\s+)?"
                r"(?:соң|кейін|soñ|keiin)",
                flags,
            ),
            1,
        ),
    )


def _naming_end(text: str, start: int, end: int, language: str) -> int:
    """Where the anchor's words have named their happening: «после объявления режима ЧС| в
    регион приезжал министр» — the words after it belong to the sentence's own happening."""
    named = most_specific(find_concepts(text[start:end], language))
    if not named:
        return end
    for word in re.finditer(r"\S+", text[start:end]):
        if most_specific(find_concepts(text[start : start + word.end()], language)) == named:
            return start + word.end()
    return end


def find_anchored(text: str, regions: list[tuple[int, int]], language: str) -> list[AnchoredDay]:
    folded = fold_keys(text)  # «keıın» as «keiin»; same length, so spans hold
    data = discourse()["anchored"].get(language, {})
    found = []
    for pattern, sign in _patterns(language):
        for start, end in regions:
            for match in pattern.finditer(folded, start, end):
                count_text = (match.group("n") or "").lower()
                count = int(count_text) if count_text.isdigit() else data["numbers"].get(count_text, 1)
                days = data["units"][match.group("unit").lower()] * count
                end = match.end("anchor")
                if language != "kk":  # the Kazakh anchor comes before the count: nothing to trim
                    end = _naming_end(text, match.start("anchor"), end, language)
                anchor = text[match.start("anchor") : end].strip()
                span = (match.start(), end)
                found.append(AnchoredDay(text[span[0] : end], span, sign * days, anchor))
    return sorted(found, key=lambda a: a.span)
