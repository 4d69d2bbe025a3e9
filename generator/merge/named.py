"""Who else an event's sources name: the people, bodies and places extraction discovered in its
reports that the registry does not know, one entry per person however many scripts, languages
and case endings name them («Кошербаев», «Көшербаевтың», "Kosherbayev").

A name belongs to an event when it stands in the sentence of a report the event cites. Two
names are one when every word-key of the shorter matches a key of the longer ("Kosherbayev" is
"Ermek Kosherbayev"; "Daniyar Ospanov" is not "Bauyrzhan Ospanov").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..extract import Extraction, UnknownName
from ..extract.discovered import name_keys, shared_keys
from ..model import Event, NamedActor


@dataclass
class _Person:
    keys: set[str] = field(default_factory=set)
    forms: dict[str, Counter] = field(default_factory=dict)  # by language
    roles: dict[str, Counter] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    first: int = 0  # order of first appearance: keeps the list stable run to run

    def add(self, name: UnknownName, language: str, source: str) -> None:
        self.keys |= set(name.keys)
        self.forms.setdefault(language, Counter())[name.key] += 1
        if name.role:
            self.roles.setdefault(language, Counter())[name.role] += 1
        if source not in self.sources:
            self.sources.append(source)

    def named(self) -> NamedActor:
        def best(counts: dict[str, Counter]) -> dict[str, str]:
            # Kazakh pages are in Cyrillic: a Cyrillic spelling before a Latin one, then the most used.
            return {
                lang: min(c.items(), key=lambda kv: (lang == "kk" and not _cyrillic(kv[0]), -kv[1], kv[0]))[0]
                for lang, c in sorted(counts.items())
            }

        names = best(self.forms)
        if "ru" in names:
            names["ru"] = _russian_nominative(names["ru"], [n for lang, n in names.items() if lang != "ru"])
        return NamedActor(names, best(self.roles), tuple(self.sources))


def _russian_nominative(name: str, elsewhere: list[str]) -> str:
    """«Нурлана Омарова», when the same person is "Nurlan Omarov" or «Нұрлан Омаров» in another
    language, is a man named in the genitive: «Нурлан Омаров» (alone it may be a woman's name)."""
    words = name.split()
    for other in elsewhere:
        theirs = other.split()
        if len(theirs) == len(words) and all(
            mine.endswith("а")
            and theirs_word[-1:].lower() not in "aаәä"
            and name_keys(mine[:-1]) == name_keys(theirs_word)
            for mine, theirs_word in zip(words, theirs, strict=True)
        ):
            return " ".join(mine[:-1] for mine in words)
    return name


def named_of(events: list[Event], extractions: dict[str, Extraction]) -> None:
    """Fill each event's `named`: most sources first, then first named."""
    for event in events:
        people: list[_Person] = []
        seen = 0
        for ref in event.sources:
            extraction = extractions.get(ref.source)
            if extraction is None or ref.evidence_span is None:
                continue
            low, high = ref.evidence_span
            for name in extraction.unknown_names:
                if name.media or not name.keys or not (name.sentence[0] < high and low < name.sentence[1]):
                    continue
                person = _same(people, name.keys)
                if person is None:
                    person = _Person(first=seen)
                    people.append(person)
                seen += 1
                person.add(name, extraction.language, ref.source)
        people.sort(key=lambda p: (-len(p.sources), p.first))
        event.named = [person.named() for person in people]


def _same(people: list[_Person], keys: tuple[str, ...]) -> _Person | None:
    for person in people:
        if shared_keys(keys, person.keys) == len(keys) or shared_keys(person.keys, set(keys)) == len(
            person.keys
        ):
            return person
    return None


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
