"""What pages, feeds and exports say alike: kind labels, the language a text is really in, and
the published address of an output path."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import NamedTuple
from urllib.parse import quote

from ..config import SiteConfig
from .catalogs import load_translations


def N_(message: str) -> str:
    """Marks a msgid for `pybabel extract` where it is translated later, through a variable."""
    return message


KIND_LABELS = {
    "occurred": N_("Took place"),
    "planned": N_("Planned"),
    "cancelled": N_("Cancelled"),
    "target": N_("Target"),
}


class Localized(NamedTuple):
    """A text with the language it is really written in, which may differ from the page's."""

    text: str
    language: str


def localized(mapping: dict[str, str], language: str, default: str) -> Localized:
    """The text in `language`, else in the default language, else any: with its real language."""
    for candidate in (language, default, *sorted(mapping)):
        if mapping.get(candidate):
            return Localized(mapping[candidate], candidate)
    return Localized("", language)


def absolute_url(config: SiteConfig, path: str) -> str | None:
    """The published address of an output path, or None when site.toml has no base_url."""
    if not config.base_url:
        return None
    return config.base_url.rstrip("/") + "/" + quote(path, safe="/")


def gettext_for(config: SiteConfig, language: str) -> Callable[[str], str]:
    return load_translations(config.templates_dir, language).gettext


@cache
def _alphabet(language: str) -> dict[str, int]:
    table = tomllib.loads(files("generator").joinpath("data/alphabets.toml").read_text("utf-8"))
    return {letter: position for position, letter in enumerate(table.get(language, ""))}


def collation_key(text: str, language: str) -> tuple:
    """Dictionary order in `language`: «Қазақстан» after «Казахстан», not after «Я»; spaces and
    punctuation first, then the alphabet, then letters of other scripts."""
    alphabet = _alphabet(language)
    key = []
    for char in text.casefold():
        if char in alphabet:
            key.append((1, alphabet[char]))
        elif char.isalpha():
            key.append((2, ord(char)))
        else:
            key.append((0, ord(char)))
    return tuple(key)
