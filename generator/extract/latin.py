"""Kazakh in the 2021 Latin alphabet: the Cyrillic word lists spelled in it.

Key terms, cue words and titles are written once, in Cyrillic; a Kazakh text in the Latin
alphabet («Jıbek joly kubogynyñ finaly auystyryldy») is matched through their Latin spelling,
made letter by letter from the table in `generator/data/alphabets.toml`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _alphabets() -> dict:
    return tomllib.loads(resources.files("generator").joinpath("data", "alphabets.toml").read_text("utf-8"))


@cache
def _letters() -> dict[int, str]:
    return str.maketrans(_alphabets()["kk_latin"])


@cache
def _alternative_letters() -> dict[int, str]:
    return str.maketrans({**_alphabets()["kk_latin"], **_alphabets()["kk_latin_alternatives"]})


def kk_latin(text: str) -> str:
    """«кейінге қалдыр» → "keiinge qaldyr" (lower case; «і» as "i", as texts are compared)."""
    return text.lower().translate(_letters())


def with_latin(forms):
    """The forms, then the Latin spellings of each one written in Cyrillic (once each)."""
    found = list(forms)
    seen = set(found)
    for form in forms:
        for latin in (kk_latin(form), form.lower().translate(_alternative_letters())):
            if latin not in seen:
                seen.add(latin)
                found.append(latin)
    return found
