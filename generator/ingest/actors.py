"""The actor registry: `content/actors.toml`, one table per person, state, organisation or place."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, did_you_mean, raise_all, unknown_keys
from ..ids import URL_ID, URL_ID_RULE
from ..model import ACTOR_TYPES, LANGUAGES, Actor
from ..site_files import exists
from ..transliterate import guess
from .text import key_line, read_toml, table_lines

ACTOR_FIELDS = ("type", "names", "aliases", "country", "role", "media")


def read_actors(path: Path) -> dict[str, Actor]:
    if not exists(path):
        raise ContentError(
            path,
            None,
            "the actor registry is missing",
            "create content/actors.toml (see README: Actor registry)",
        )
    text, data = read_toml(path)
    lines = table_lines(text)
    actors = {}
    errors: list[ContentError] = []
    for actor_id, entry in data.items():
        line = lines.get(actor_id)
        if isinstance(entry, dict):
            what = f"actor [{actor_id}]"
            errors += unknown_keys(
                path, entry, ACTOR_FIELDS, lambda key, at=line: key_line(text, key, at), what
            )
        try:
            actors[actor_id] = _actor(path, line, actor_id, entry)
        except ContentError as error:
            errors.append(error)
    for actor in actors.values():
        if actor.country and actor.country not in data:
            errors.append(
                ContentError(
                    path,
                    lines.get(actor.id),
                    f"{actor.id}: country {actor.country!r} is not an actor",
                    f"{did_you_mean(actor.country, data)}use the id of a country table in this file",
                )
            )
    raise_all(errors)
    return actors


def _actor(path: Path, line: int | None, actor_id: str, entry: object) -> Actor:
    def fail(message: str, fix: str) -> ContentError:
        return ContentError(path, line, f"[{actor_id}]: {message}", fix)

    if not isinstance(entry, dict):
        raise fail("is not a table", f"write it as [{actor_id}] followed by its fields")
    if not URL_ID.match(actor_id):
        raise fail(f"the id is not {URL_ID_RULE}", "rename the table")
    actor_type = entry.get("type")
    if actor_type not in ACTOR_TYPES:
        raise fail(f"type {actor_type!r} is unknown", f"use one of {', '.join(ACTOR_TYPES)}")
    names = entry.get("names")
    if (
        not isinstance(names, dict)
        or not names
        or not all(
            lang in LANGUAGES and isinstance(name, str) and name.strip() for lang, name in names.items()
        )
    ):
        raise fail(
            "needs a name in ru, kk or en (each one a text)", 'write names = { ru = "…", kk = "…", en = "…" }'
        )
    given = {lang: names[lang].strip() for lang in LANGUAGES if lang in names}
    guessed = {lang: guess(given[_closest(lang, given)], lang) for lang in LANGUAGES if lang not in given}
    aliases = entry.get("aliases") or {}
    if not isinstance(aliases, dict) or not all(
        lang in LANGUAGES and isinstance(forms, list) and all(isinstance(f, str) and f for f in forms)
        for lang, forms in aliases.items()
    ):
        raise fail(
            "aliases must be lists of names per language", 'write aliases = { ru = ["…"], kk = ["…"] }'
        )
    role = entry.get("role") or {}
    if not isinstance(role, dict) or not all(isinstance(text, str) for text in role.values()):
        raise fail("role must be a text per language", 'write role = { ru = "…", kk = "…", en = "…" }')
    country = entry.get("country")
    if country is not None and not isinstance(country, str):
        raise fail("country must be one actor id", 'write country = "kazakhstan"')
    return Actor(
        id=actor_id,
        type=actor_type,
        names={lang: given.get(lang) or guessed[lang] for lang in LANGUAGES},
        aliases={lang: list(aliases.get(lang, [])) for lang in LANGUAGES},
        country=country,
        role=dict(role),
        media=bool(entry.get("media", False)),
        guessed=tuple(sorted(guessed)),
    )


# Which written name a missing one is best guessed from: Kazakh and Russian share a script.
_GUESS_FROM = {"ru": ("kk", "en"), "kk": ("ru", "en"), "en": ("ru", "kk")}


def _closest(language: str, given: dict[str, str]) -> str:
    return next(lang for lang in _GUESS_FROM[language] if lang in given)


def guessed_name_warnings(path: Path, actors: dict[str, Actor]) -> list[str]:
    """A registry entry without a language's name builds; each such page shows a marked guess."""
    return [
        f"{path}: [{actor.id}] has no {lang} name; pages show «{actor.names[lang]}», a transliteration "
        f'marked as such (add {lang} = "…" to its names)'
        for actor in actors.values()
        for lang in sorted(actor.guessed)
    ]
