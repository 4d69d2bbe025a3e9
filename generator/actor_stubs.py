"""`timeline actors`: the names the articles use and the registry lacks, as registry entries to
paste into content/actors.toml.

One stub per name, whatever script and language it is written in: «Сатыбалдиев»,
«Сатыбалдиевтің» and "Satybaldiyev" are one person (their cross-script keys match,
generator/extract/discovered.py). Each stub has the name in each language in its dictionary
form — the shortest form written that the other forms extend («Қазақстан» of «Қазақстанның»),
else the form extraction's morphology gives — and, where no article writes the name in a
language, a guess by transliteration (generator/transliterate.py), marked as one. The type is a
guess too (a title before the name, Russian morphology, words such as «банк» or "Air", endings
such as -ов or -uly); outlets are proposed with `media = true`.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from .extract import Extraction
from .extract.discovered import is_title_word, keys_match, names_file_bytes, skeleton
from .extract.inflection import kazakh_stems
from .extract.tense import russian_morphology
from .model import LANGUAGES
from .transliterate import guess, script_of


@dataclass
class Stub:
    id: str
    type: str
    names: dict[str, str]
    guessed: list[str]  # the languages whose name is a transliteration
    forms: list[str]  # every form the articles write
    articles: list[str]
    media: bool = False
    roles: list[str] = field(default_factory=list)
    by_form: dict[str, str] = field(default_factory=dict)  # each written form → its dictionary form


@cache
def _rules() -> dict:
    return tomllib.loads(names_file_bytes().decode("utf-8"))["stubs"]


def actor_stubs(extractions: dict[str, Extraction], min_articles: int = 2) -> list[Stub]:
    """Names used in at least `min_articles` articles, the most used first."""
    groups: list[tuple[tuple[str, ...], list]] = []  # each: the words' consonant keys, the names
    for source, extraction in sorted(extractions.items()):
        for name in extraction.unknown_names:
            if not _is_a_name(name.key, extraction.language):
                continue
            keys = tuple(skeleton(word.removesuffix("'s")) for word in name.text.split())
            group = next((g for g in groups if _same_name(g[0], keys)), None)
            if group is None:
                groups.append((keys, [(source, extraction.language, name)]))
            else:
                group[1].append((source, extraction.language, name))
    stubs = [_stub(found) for _, found in groups if len({s for s, _, _ in found}) >= min_articles]
    stubs.sort(key=lambda stub: (-len(stub.articles), stub.id))
    return _unique_ids(stubs)


def _same_name(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Word by word the same consonants, case endings aside: «Сатыбалдиевтің» = "Satybaldiyev"."""
    return len(mine) == len(theirs) and all(
        a == b or (a and b and keys_match(a, b)) for a, b in zip(mine, theirs, strict=True)
    )


def _is_a_name(key: str, language: str) -> bool:
    words = key.split()
    if len(words) == 1 and (is_title_word(key, language) or key.lower() in _rules()["not_names"][language]):
        return False
    return not all(word.lower() in _rules()["not_names"].get(language, []) for word in words)


def _stub(found: list) -> Stub:
    written: dict[str, list] = defaultdict(list)  # by language and script: "ru", "kk", "kk-Latn", "en"
    roles, media = [], 0
    for _source, language, name in found:
        where = "kk-Latn" if language == "kk" and script_of(name.text) != "cyrillic" else language
        written[where].append(name)
        media += name.media
        if name.role and name.role not in roles:
            roles.append(name.role)
    reference = _shortest_keys([name.text for names in written.values() for name in names])
    names = {where: _dictionary_form(where, found_there, reference) for where, found_there in written.items()}
    chosen, guessed = _in_every_language(names)
    articles = sorted({source for source, _, _ in found})
    forms = sorted({name.text for names in written.values() for name in names})
    is_media = media * 2 > len(found)
    kind = _type(chosen, forms, roles, is_media)
    by_form = {name.text: names[where] for where, found_there in written.items() for name in found_there}
    return Stub(_slug(chosen["en"]), kind, chosen, guessed, forms, articles, is_media, roles, by_form)


def _shortest_keys(texts: list[str]) -> list[str]:
    """Per word, the consonant key of its shortest spelling in any script: the word without
    endings («Сатыбалдиевтің», "Satybaldiyev" → stbldv)."""
    split = [text.split() for text in texts]
    length = Counter(len(words) for words in split).most_common(1)[0][0]
    return [
        min((skeleton(words[i].removesuffix("'s")) for words in split if len(words) == length), key=len)
        for i in range(length)
    ]


def _dictionary_form(where: str, names: list, reference: list[str]) -> str:
    """Word by word: in Russian the nominative morphology gives, if it keeps the word's
    consonants; the shortest form written that every other form extends, if it has no ending
    left; in Kazakh the stem without its endings; else what extraction gave."""
    split = [name.text.split() for name in names]
    if any(len(words) != len(reference) for words in split):
        return Counter(name.key for name in names).most_common(1)[0][0]
    keyed = [name.key.split() for name in names if len(name.key.split()) == len(reference)]
    result = []
    for position, key in enumerate(reference):
        seen = sorted({words[position].removesuffix("'s").removesuffix("’s") for words in split}, key=len)
        shortest = seen[0]
        given = Counter(words[position] for words in keyed).most_common(1)
        if where == "ru" and given and skeleton(given[0][0]) == key:
            result.append(given[0][0])  # Russian morphology's nominative: «Ерлана» → «Ерлан»
            continue
        if all(other.startswith(shortest) for other in seen) and skeleton(shortest) == key:
            result.append(shortest)
            continue
        stems = kazakh_stems(shortest) if where.startswith("kk") else ()
        stem = next((stem for stem in stems if skeleton(stem) == key), None)
        result.append(stem or (given[0][0] if given else shortest))
    return " ".join(result)


def _in_every_language(names: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """A name per language: as written there, else guessed from what was written elsewhere
    (Kazakh from its own Latin spelling first, Russian from Kazakh Cyrillic, English from Latin)."""
    preference = {"ru": ("kk", "kk-Latn", "en"), "kk": ("kk-Latn", "ru", "en"), "en": ("kk-Latn", "ru", "kk")}
    chosen, guessed = {}, []
    for language in LANGUAGES:
        if language in names:
            chosen[language] = names[language]
            continue
        origin = next(where for where in (*preference[language], *names) if where in names)
        chosen[language] = guess(names[origin], language)
        guessed.append(language)
    return chosen, guessed


def _type(names: dict[str, str], forms: list[str], roles: list[str], media: bool) -> str:
    words = {word.lower() for form in forms for word in re.findall(r"\w+", form)}
    if (
        media
        or words & set(_rules()["org_words"])
        or any(w.isupper() and len(w) > 1 for f in forms for w in f.split())
    ):
        return "org"
    if roles:
        return "person"
    tags = _russian_tags(names["ru"])
    if tags & {"Surn", "Name", "Patr"}:
        return "person"
    if "Geox" in tags:
        return "place"
    last_words = {form.split()[-1].lower().removesuffix("'s") for form in forms}
    if any(word.endswith(tuple(_rules()["person_endings"])) for word in last_words):
        return "person"
    return "place" if len(names["en"].split()) == 1 else "org"


def _russian_tags(name: str) -> set[str]:
    morphology = russian_morphology()
    tags: set[str] = set()
    for word in name.split():
        parses = morphology.parse(word)
        if parses and parses[0].score >= 0.3:
            tags |= {grammeme for grammeme in ("Surn", "Name", "Patr", "Geox") if grammeme in parses[0].tag}
    return tags


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", guess(name, "en").lower()).strip("-")
    return slug or "actor"


def _unique_ids(stubs: list[Stub]) -> list[Stub]:
    seen: Counter = Counter()
    for stub in stubs:
        seen[stub.id] += 1
        if seen[stub.id] > 1:
            stub.id = f"{stub.id}-{seen[stub.id]}"
    return stubs


def format_stubs(stubs: list[Stub], registry_ids: set[str]) -> str:
    """TOML to paste into content/actors.toml; every guess says so in a comment."""
    if not stubs:
        return "# every name two or more articles use is in content/actors.toml\n"
    blocks = []
    for stub in stubs:
        identifier = stub.id if stub.id not in registry_ids else f"{stub.id}-new"
        lines = [
            f"# in {len(stub.articles)} article(s): {', '.join(stub.articles)}",
            f"# written: {', '.join(stub.forms)}",
        ]
        if stub.roles:
            lines.append(f"# titled: {', '.join(stub.roles)}")
        if stub.guessed:
            lines.append(f"# guessed by transliteration, check them: {', '.join(stub.guessed)}")
        names = ", ".join(f"{lang} = {_quoted(stub.names[lang])}" for lang in LANGUAGES)
        aliases = ", ".join(
            f"{lang} = [{_quoted(stub.names[lang])}]" for lang in LANGUAGES if lang not in stub.guessed
        )
        lines += [
            f"[{identifier}]",
            f'type = "{stub.type}"  # guessed: person, country, org or place',
            f"names = {{ {names} }}",
            f"aliases = {{ {aliases} }}",
        ]
        if stub.media:
            lines.append("media = true  # an outlet: it reports events, it takes part in none")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
