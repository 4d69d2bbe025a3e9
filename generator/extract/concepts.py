"""Key terms: what kind of happening a text reports, as language-neutral concept ids.

The merge stage compares reports written in Russian, Kazakh and English; «меморандум»,
«меморандумға» and "memorandum" must count as one word there. The table lives in
`generator/data/concepts.toml` (forms, classes, which concept is broader than which).
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .latin import with_latin
from .sentences import fold_keys as fold
from .sentences import words

CLASSES = ("gathering", "document", "occurrence", "frame", "act", "topic")
SPECIFIC = ("gathering", "document", "occurrence")  # kinds that tell one happening from another
FREE_ORDER = ("ru", "kk")  # languages whose two-word forms match in either order
_SHORT_STEM = 3  # "on", "to", "in": a stem this short in a form must follow the word before it
_GAP = 2  # words allowed between the stems of a multi-word form («критически важных минералов»)


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    cls: str
    broader: str | None = None
    bilateral: bool = False

    @property
    def specific(self) -> bool:
        """A kind of gathering or document: what tells one happening from another."""
        return self.cls in SPECIFIC


@dataclass(frozen=True, slots=True)
class _Form:
    concept: str
    stems: tuple[tuple[str, bool], ...]  # (stem, whole word only)
    adjacent: bool = False  # its short words follow at once (English function words)


def concepts_file_bytes() -> bytes:
    return resources.files("generator").joinpath("data", "concepts.toml").read_bytes()


_site = {"text": ""}  # the site's own content/concepts.toml, validated by ingest


def use_site_concepts(text: str) -> None:
    """Extend or override the built-in key terms with a site's `content/concepts.toml` (its
    tables add concepts; a table named like a built-in one replaces it)."""
    if text == _site["text"]:
        return
    _site["text"] = text
    _load.cache_clear()
    concept_table.cache_clear()
    find_concepts.cache_clear()


def site_concepts_digest() -> str:
    """Part of the extraction cache key: another site table means other key terms."""
    return hashlib.sha256(_site["text"].encode("utf-8")).hexdigest()[:16] if _site["text"] else ""


@cache
def concept_table() -> dict[str, Concept]:
    table, _ = _load()
    return table


@cache
def _load() -> tuple[
    dict[str, Concept], dict[str, tuple[dict[str, list[_Form]], tuple[tuple[str, str], ...]]]
]:
    data = tomllib.loads(concepts_file_bytes().decode("utf-8"))
    data.update(tomllib.loads(_site["text"]))
    table: dict[str, Concept] = {}
    matchers: dict[str, tuple[dict[str, list[_Form]], tuple[tuple[str, str], ...]]] = {}
    for concept_id, entry in data.items():
        if entry["class"] not in CLASSES:
            raise ValueError(f"concepts.toml: [{concept_id}] has class {entry['class']!r}")
        table[concept_id] = Concept(
            concept_id, entry["class"], entry.get("broader"), bool(entry.get("bilateral", False))
        )
    for concept in table.values():
        if concept.broader is not None and concept.broader not in table:
            raise ValueError(f"concepts.toml: [{concept.id}] is narrower than unknown {concept.broader!r}")
    for language in ("ru", "kk", "en"):
        by_start: dict[str, list[_Form]] = {}
        negatives: list[tuple[str, str]] = []
        for concept_id, entry in data.items():
            forms = entry.get(language, [])
            for form in with_latin(forms) if language == "kk" else forms:
                stems = tuple((stem.rstrip("$"), stem.endswith("$")) for stem in fold(form.lower()).split())
                by_start.setdefault(stems[0][0][:2], []).append(_Form(concept_id, stems, language == "en"))
                if len(stems) == 2 and language in FREE_ORDER:
                    # «выявлен случа» also finds «случаев были выявлены»
                    by_start.setdefault(stems[1][0][:2], []).append(_Form(concept_id, stems[::-1]))
            negatives.extend(
                (concept_id, fold(phrase.lower())) for phrase in with_latin(entry.get("not", []))
            )
        matchers[language] = (by_start, tuple(negatives))
    return table, matchers


@lru_cache(maxsize=8192)  # a sentence is asked about again for its clauses and its headline
def find_concepts(text: str, language: str) -> tuple[str, ...]:
    """The concepts a text names, in the table's order (so the result is the same every run)."""
    table, matchers = _load()
    by_start, negatives = matchers.get(language, matchers["en"])
    lowered = fold(text.lower())
    blocked = [
        (concept, i, i + len(phrase)) for concept, phrase in negatives for i in _occurrences(lowered, phrase)
    ]
    tokens = words(lowered)
    found: set[str] = set()
    for position, token in enumerate(tokens):
        for form in by_start.get(token.text[:2], ()):
            if form.concept in found or not _matches(tokens, position, form.stems, form.adjacent):
                continue
            if any(c == form.concept and low <= token.start < high for c, low, high in blocked):
                continue
            found.add(form.concept)
    return tuple(concept for concept in table if concept in found)


def concepts_after(text: str, language: str, markers: tuple[str, ...]) -> set[str]:
    """The concepts whose words follow one of `markers` (word beginnings) at once, or after one
    word: «втором полуфинале» → semifinal."""
    _table, matchers = _load()
    by_start, _negatives = matchers.get(language, matchers["en"])
    tokens = words(fold(text.lower()))
    found: set[str] = set()
    for position, token in enumerate(tokens):
        if not token.text.startswith(markers):
            continue
        for at in range(position + 1, min(len(tokens), position + 3)):
            for form in by_start.get(tokens[at].text[:2], ()):
                if _matches(tokens, at, form.stems, form.adjacent):
                    found.add(form.concept)
    return found


def _matches(tokens, position: int, stems: tuple[tuple[str, bool], ...], adjacent: bool = False) -> bool:
    if not _word_matches(tokens[position].text, *stems[0]):
        return False
    at = position
    for stem, whole in stems[1:]:
        # An English form's short word ("closed on", "will close") follows at once: "closed
        # three schools on Thursday" names no closing. Russian and Kazakh stems that short are
        # roots («жаб» in «мәмілені жазда жабу»), which may stand further off.
        gap = 0 if adjacent and len(stem) <= _SHORT_STEM else _GAP
        following = range(at + 1, min(len(tokens), at + 2 + gap))
        at = next((i for i in following if _word_matches(tokens[i].text, stem, whole)), -1)
        if at < 0:
            return False
    return True


def _word_matches(word: str, stem: str, whole: bool) -> bool:
    return word == stem if whole else word.startswith(stem)


def _occurrences(text: str, phrase: str):
    start = text.find(phrase)
    while start >= 0:
        yield start
        start = text.find(phrase, start + 1)


def most_specific(concepts, table: dict[str, Concept] | None = None) -> set[str]:
    """The gatherings and documents named, less those another named one narrows down: a text
    naming «встреча» and «переговоры» reports talks."""
    table = table or concept_table()
    named = {c for c in concepts if c in table and table[c].specific}
    ancestors = {a for c in named for a in _ancestors(c, table)}
    return named - ancestors


def specific_kinds(concepts, kinds) -> frozenset[str]:
    """What tells a report's happening apart: the gatherings and documents the report's text
    names (`concepts`), and the occurrences its own clause names (`kinds`). An article's lead
    tells of a trial, a verdict and an arrest at once; only the dated clause says which one
    this report is of."""
    table = concept_table()
    own = most_specific(kinds, table)
    if own:
        return frozenset(own)  # the dated clause names its happening: the rest of the text is others'
    wide = [c for c in concepts if c in table and table[c].cls in ("gathering", "document")]
    return frozenset(most_specific(wide, table))


def with_broader(kinds, table: dict[str, Concept] | None = None) -> set[str]:
    """The kinds and every kind broader than one of them: a report of results is one of the vote."""
    table = table or concept_table()
    return {a for c in kinds if c in table for a in (c, *_ancestors(c, table))}


def conflicting(first, second, table: dict[str, Concept] | None = None) -> bool:
    """Two texts report different happenings if each names a gathering (or each a document) and
    no gathering of one is the same as, or broader or narrower than, one of the other's."""
    table = table or concept_table()
    return clashing(most_specific(first, table), most_specific(second, table), table)


def clashing(specific_a, specific_b, table: dict[str, Concept]) -> bool:
    """`conflicting` for sets already reduced by `most_specific`."""
    for cls in SPECIFIC:
        mine = [c for c in specific_a if table[c].cls == cls]
        theirs = [c for c in specific_b if table[c].cls == cls]
        if mine and theirs and not any(_related(x, y, table) for x in mine for y in theirs):
            return True
    return False


def related(specific_a, specific_b, table: dict[str, Concept]) -> bool:
    """Whether one side names a kind the other names too (or a broader or narrower one)."""
    return any(_related(x, y, table) for x in specific_a for y in specific_b)


def _related(x: str, y: str, table: dict[str, Concept]) -> bool:
    return x == y or x in _ancestors(y, table) or y in _ancestors(x, table)


def _ancestors(concept: str, table: dict[str, Concept]) -> list[str]:
    found = []
    parent = table[concept].broader
    while parent is not None and parent not in found:
        found.append(parent)
        parent = table[parent].broader
    return found
