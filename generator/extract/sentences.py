"""Sentences and words of a document, with their character offsets in the decoded text.

Dates and actors are reported by span, so everything here keeps offsets into the original text
instead of copying cleaned-up strings around.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … followed by space and a capital, a digit, a quote or a dash; or at a
# line break (headlines, photo captions and list items stand on their own lines).
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[«\"“(\-–—\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|[\r\n]+")
# Words: letters and digits joined by inner hyphens and apostrophes («Касым-Жомарт», «АҚШ-тың»,
# «Rubio's»). A dot ends a word: «Kazpravda.kz» is two words, as its registry form is.
_WORD = re.compile(r"\w+(?:[-‑'’]\w+)*")
_FOLD = str.maketrans("ёЁ", "еЕ")
# Key terms and cue words are compared with Kazakh Latin «ı» read as «i» too: texts in the
# 2021 alphabet write «ötedı» and «ötedi» alike. Same length, so offsets still hold.
_FOLD_KEYS = str.maketrans("ёЁı", "еЕi")
# Abbreviations after which a full stop does not end the sentence even before a capital: titles,
# «им.», «ул.», "No.", month abbreviations and initials («А. Нургалиев»). A sentence may well end
# in «2024 г.» or «млн.», so those break before a capital (before a small letter nothing breaks).
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:им|ул|пр|св|ст|напр|Mr|Mrs|Ms|Dr|St|Jr|Sr|U\.S|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|c)|\b[A-ZА-ЯӘҒҚҢӨҰҮҺІ])\.$"
)


def fold(text: str) -> str:
    """ё is written as е as often as not; folding keeps every offset, so spans stay valid."""
    return text.translate(_FOLD)


def fold_keys(text: str) -> str:
    """`fold`, and Kazakh Latin «ı» as «i»: for matching key terms and cue words."""
    return text.translate(_FOLD_KEYS)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int


def split_sentences(text: str, regions: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences inside the given regions (the headline and the body; never a header line)."""
    sentences: list[Sentence] = []
    for region_start, region_end in regions:
        start = region_start
        for boundary in _BOUNDARY.finditer(text, region_start, region_end):
            line_break = any(ch in "\r\n" for ch in boundary.group(0))
            if not line_break and _NO_BREAK_AFTER.search(
                text, max(start, boundary.start() - 8), boundary.start()
            ):
                continue
            if line_break and _wrapped(text, boundary.start(), boundary.end()):
                continue
            _add(sentences, text, start, boundary.start())
            start = boundary.end()
        _add(sentences, text, start, region_end)
    return sentences


def _wrapped(text: str, start: int, end: int) -> bool:
    """A single line break before a small letter, after no full stop, wraps a sentence (a
    Markdown paragraph written over several lines): "the referendum held the\nday before"."""
    if text.count("\n", start, end) > 1 or end >= len(text) or not text[end].islower():
        return False
    return text[start - 1 : start] not in (".", "!", "?", "…", ":")


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    stop = len(text) if end is None else end
    return [Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """The index of the first sentence ending after `offset`, by bisection: documents have many
    sentences and many dates."""
    low, high = 0, len(sentences)
    while low < high:
        middle = (low + high) // 2
        if sentences[middle].end <= offset:
            low = middle + 1
        else:
            high = middle
    return low


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    index = sentence_index(sentences, offset)
    if index < len(sentences) and sentences[index].start <= offset < sentences[index].end:
        return sentences[index]
    return None
