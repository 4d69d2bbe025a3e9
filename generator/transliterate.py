"""A name in the other scripts, guessed letter by letter (generator/data/transliteration.toml).

Used where a name is known in one language only: the stubs `timeline actors` proposes, and the
name a page shows, marked as a guess, for a registry entry that lacks the page's language.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

KAZAKH_LATIN_LETTERS = frozenset("äğıñöşūüçq")
KAZAKH_CYRILLIC_LETTERS = frozenset("әғқңөұүһі")


@cache
def _tables() -> dict[str, dict[str, str]]:
    data = resources.files("generator").joinpath("data/transliteration.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _convert(text: str, table_name: str) -> str:
    table = _tables()[table_name]
    longest = max(map(len, table))
    out, i = [], 0
    while i < len(text):
        for size in range(longest, 0, -1):
            piece = text[i : i + size]
            if piece.lower() in table:
                converted = table[piece.lower()]
                out.append(converted[:1].upper() + converted[1:] if piece[:1].isupper() else converted)
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def script_of(name: str) -> str:
    """ "cyrillic", "kazakh-latin" (a letter of the 2021 alphabet English never uses) or "latin"."""
    lowered = name.lower()
    if any("а" <= ch <= "я" or ch in "ёәғқңөұүһі" for ch in lowered):
        return "cyrillic"
    return "kazakh-latin" if any(ch in KAZAKH_LATIN_LETTERS for ch in lowered) else "latin"


def guess(name: str, language: str) -> str:
    """`name`, written in any script, as `language` ("ru", "kk", "en") would likely write it."""
    script = script_of(name)
    if language == "en":
        if script == "cyrillic":
            return _convert(name, "cyrillic_to_english")
        return _convert(name, "kazakh_latin_to_english") if script == "kazakh-latin" else name
    if script == "kazakh-latin":
        cyrillic = _convert(name, "kazakh_latin_to_cyrillic")
    elif script == "latin":
        cyrillic = _convert(name, "english_to_cyrillic")
    else:
        cyrillic = name
    return _convert(cyrillic, "kazakh_to_russian") if language == "ru" else cyrillic
