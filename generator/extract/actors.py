"""Actor mentions: registry names in every inflected form, longest match first.

The index is built once per build from the registry. Matching walks the words of a document once
and looks each candidate up in dictionaries keyed by word sequences, so its cost grows with the
length of the text, not with the size of the registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from ..model import Actor
from .inflection import english_possessives, kazakh_stems, russian_sequences
from .sentences import Word, fold, words
from .vocabulary import inflection_rules

Key = tuple[str, ...]
TextWord = Word
NOT_A_MENTION = ""  # the id of phrases that contain a name but name something else


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str
    text: str
    span: tuple[int, int]


@dataclass
class ActorIndex:
    """Word sequences → actor id. `exact` holds every registry form of every language; `inflected`
    adds, per document language, the forms that language's grammar makes of them."""

    exact: dict[Key, str] = field(default_factory=dict)
    inflected: dict[str, dict[Key, str]] = field(default_factory=dict)
    upper: dict[Key, str] = field(default_factory=dict)  # datelines: «ВАШИНГТОН», «АСТАНА.KAZINFORM»
    surnames: dict[str, dict[Key, str]] = field(default_factory=dict)  # valid after the full name
    separators: dict[Key, set[tuple[str, ...]]] = field(default_factory=dict)
    longest: int = 1
    first_words: dict[str, dict[str, int]] = field(default_factory=dict)  # language → word → longest form
    media: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()  # every registry word, for telling unknown names apart
    dotted: frozenset[str] = frozenset()  # forms ending in a full stop: «U.S.»


def build_actor_index(actors: dict[str, Actor]) -> ActorIndex:
    index = ActorIndex(inflected={"ru": {}, "kk": {}, "en": {}}, surnames={"ru": {}, "kk": {}, "en": {}})
    ambiguous: dict[str, set[Key]] = {"ru": set(), "kk": set(), "en": set()}
    for actor_id, actor in sorted(actors.items()):
        person = actor.type == "person"
        for language, form in _forms(actor):
            words, separators = _split(form)
            if not words:
                continue
            key = tuple(words)
            index.exact.setdefault(key, actor_id)
            index.separators.setdefault(key, set()).add(separators)
            index.upper.setdefault(tuple(w.upper() for w in words), actor_id)
            index.longest = max(index.longest, len(words))
            for variant in _variants(language, words, person):
                index.inflected[language].setdefault(variant, actor_id)
                index.separators.setdefault(variant, set()).add(separators)
            if person and len(words) > 1:
                for variant in [(words[-1],), *_variants(language, words[-1:], True)]:
                    _add_unique(index.surnames[language], ambiguous[language], variant, actor_id)
    for language, keys in ambiguous.items():
        for key in keys:
            index.surnames[language].pop(key, None)  # two people share it: never guess
    for language, phrases in inflection_rules()["not_mentions"].items():
        for phrase in phrases:
            words, separators = _split(phrase)
            if len(words) < 2:
                continue  # a single word would shadow the name itself
            key = tuple(words)
            index.exact[key] = NOT_A_MENTION
            index.separators.setdefault(key, set()).add(separators)
            index.longest = max(index.longest, len(words))
            for variant in _variants(language, words, False):
                index.inflected[language][variant] = NOT_A_MENTION
                index.separators.setdefault(variant, set()).add(separators)
    for language, table in index.inflected.items():
        firsts: dict[str, int] = {}
        for key in [*index.exact, *table]:
            firsts[key[0]] = max(firsts.get(key[0], 0), len(key))
        index.first_words[language] = firsts
    index.dotted = frozenset(
        fold(form.strip()) for _, a in actors.items() for _, form in _forms(a) if form.strip().endswith(".")
    )
    index.media = frozenset(a for a, actor in actors.items() if actor.media)
    index.people = frozenset(a for a, actor in actors.items() if actor.type == "person")
    index.words = frozenset(w for key in index.exact for w in key) | frozenset(
        w for table in index.inflected.values() for key in table for w in key
    )
    return index


def _forms(actor: Actor) -> Iterable[tuple[str, str]]:
    for language, name in actor.names.items():
        yield language, name
    for language, aliases in actor.aliases.items():
        for alias in aliases:
            yield language, alias


def _split(form: str) -> tuple[list[str], tuple[str, ...]]:
    form = fold(form.strip())
    found = words(form)
    separators = tuple(_separator(form[a.end : b.start]) for a, b in pairwise(found))
    return [w.text for w in found], separators


def _separator(gap: str) -> str:
    return " " if gap.strip() == "" else gap.strip()


def _variants(language: str, words: list[str], person: bool) -> list[Key]:
    if language == "ru":
        return russian_sequences(words, person)
    if language == "en":
        return [(*words[:-1], last) for last in english_possessives(words[-1])]
    return []  # Kazakh endings are stripped at match time


def _add_unique(table: dict[Key, str], ambiguous: set[Key], key: Key, actor_id: str) -> None:
    if table.get(key, actor_id) != actor_id:
        ambiguous.add(key)
    table.setdefault(key, actor_id)


def document_words(text: str, regions: list[tuple[int, int]]) -> list[Word]:
    """The words of the headline and body, ё folded to е (offsets unchanged)."""
    folded = fold(text)
    return [word for start, end in regions for word in words(folded, start, end)]


def find_actors(text: str, words: list[TextWord], language: str, index: ActorIndex) -> list[ActorMention]:
    found: list[ActorMention] = []
    named: set[str] = set()  # people already named in full: their bare surname is theirs
    position = 0
    while position < len(words):
        hit = _longest_at(text, words, position, language, index)
        if hit is None:
            hit = _surname_at(words, position, language, index, named)
        if hit is None:
            found.extend(_hyphen_parts(text, words[position], language, index))
            position += 1
            continue
        length, actor_id = hit
        start, end = words[position].start, words[position + length - 1].end
        if text[end : end + 1] == "." and fold(text[start:end]) + "." in index.dotted:
            end += 1  # «U.S.»: the full stop belongs to the abbreviation
        if actor_id == NOT_A_MENTION:
            position += length
            continue
        found.append(ActorMention(actor_id, text[start:end], (start, end)))
        if length > 1 and actor_id in index.people:
            named.add(actor_id)
        position += length
    return found


def _longest_at(text: str, words: list[TextWord], position: int, language: str, index: ActorIndex):
    """The longest registry form starting at `position`. Only forms whose first word is this word
    are tried, so the cost per word is a dictionary lookup, not a scan of the registry."""
    word = words[position].text
    tables = (index.exact, index.inflected.get(language, {}))
    longest = min(index.first_words.get(language, {}).get(word, 0), len(words) - position)
    for length in range(longest, 1, -1):
        span = words[position : position + length]
        key = tuple(w.text for w in span)
        keys = [key]
        if language == "kk":  # «Америка Құрама Штаттарының»: endings on the last word only
            keys += [(*key[:-1], stem) for stem in kazakh_stems(key[-1])]
        for candidate in keys:
            for table in tables:
                actor_id = table.get(candidate)
                if actor_id is not None and _separated_as_registered(text, span, candidate, index):
                    return length, actor_id
    for candidate in [word, *kazakh_stems(word)] if language == "kk" else [word]:
        for table in tables:
            actor_id = table.get((candidate,))
            if actor_id is not None:
                return 1, actor_id
    if word.isupper() and len(word) > 2:  # datelines: «ВАШИНГТОН», «АСТАНА.KAZINFORM»
        for length in range(min(index.longest, len(words) - position), 0, -1):
            span = words[position : position + length]
            if all(w.text.isupper() for w in span):
                actor_id = index.upper.get(tuple(w.text for w in span))
                if actor_id is not None:
                    return length, actor_id
    return None


def _separated_as_registered(text: str, span: list[TextWord], key: Key, index: ActorIndex) -> bool:
    """«Kazpravda.kz» matches its registry form only with the dot, «Ермек Кошербаев» only with a
    space: words of a name split by a comma or a full stop are not that name."""
    gaps = tuple(_separator(text[a.end : b.start]) for a, b in pairwise(span))
    return gaps in index.separators.get(key, ())


def _hyphen_parts(text: str, word: TextWord, language: str, index: ActorIndex) -> list[ActorMention]:
    """«Xi'an-Almaty», «Алматы-Ташкент»: a name inside a hyphenated compound, when the whole
    word is no registry form («Касым-Жомарт» and «АҚШ-тың» are matched before this)."""
    if "-" not in word.text:
        return []
    found, offset = [], word.start
    tables = (index.exact, index.inflected.get(language, {}))
    for part in word.text.split("-"):
        candidates = [part, *kazakh_stems(part)] if language == "kk" else [part]
        actor_id = next((t[(c,)] for c in candidates for t in tables if (c,) in t), None)
        if actor_id:  # neither absent (None) nor a non-mention ("")
            found.append(
                ActorMention(actor_id, text[offset : offset + len(part)], (offset, offset + len(part)))
            )
        offset += len(part) + 1
    return found


def _surname_at(words: list[TextWord], position: int, language: str, index: ActorIndex, named: set[str]):
    word = words[position].text
    table = index.surnames.get(language, {})
    candidates = [word, *kazakh_stems(word)] if language == "kk" else [word]
    for candidate in candidates:
        actor_id = table.get((candidate,))
        if actor_id is not None and actor_id in named:
            return 1, actor_id
    return None
