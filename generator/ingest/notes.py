"""Editors' event notes: one file with per-language fields, or Hugo-style `name.ru.md` pairs.

A single file keeps per-language titles in front matter (`title: {ru: …, kk: …}`) and splits its
body with `<!-- lang: ru -->` lines, which no Markdown preview shows. A pair keeps one language per
file; the fields they share (date, kind, actors, sources, tags) must agree, because silently
preferring one file would lose what the editor wrote in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ContentError, raise_all, unknown_keys
from ..ids import EVENT_ID, URL_ID, URL_ID_RULE
from ..model import EVENT_KINDS, LANGUAGES, QUALIFIERS, DateSpan, Note
from ..site_files import check_name_length, read_site_bytes
from .frontmatter import FrontMatter, as_date_text, split_front_matter
from .images import resolve_image
from .text import decode, detect_language, line_of

NOTE_SUFFIXES = (".md", ".markdown")
SHARED_FIELDS = ("id", "date", "kind", "qualifier", "actors", "sources", "tags", "aliases", "image")
NOTE_FIELDS = (
    *("date", "kind", "qualifier", "title", "summary", "actors", "sources", "tags", "id", "aliases"),
    *("image", "image_alt", "language"),
)
_LANGUAGE_MARKER = re.compile(r"^[ \t]*<!--\s*lang:\s*([A-Za-z-]+)\s*-->[ \t]*\r?$", re.MULTILINE)


@dataclass
class NoteFile:
    path: Path
    language: str | None  # from a `name.ru.md` file name; None for a single multilingual file
    front: FrontMatter
    text: str
    key_errors: list[ContentError] = field(default_factory=list)  # misspelt keys, told with the rest


@dataclass
class _Draft:
    """What the files of one note say, with where each field was said, for error messages."""

    stem: str
    fields: dict[str, Any] = field(default_factory=dict)
    where: dict[str, tuple[Path, int | None]] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)
    image_alt: dict[str, str] = field(default_factory=dict)
    key_errors: list[ContentError] = field(default_factory=list)


def note_stem(path: Path) -> tuple[str, str | None]:
    """`mou.kk.md` → ("mou", "kk"); `mou.md` → ("mou", None)."""
    stem = path.name[: -len(path.suffix)]
    base, dot, language = stem.rpartition(".")
    if dot and language in LANGUAGES:
        return base, language
    return stem, None


def read_note_file(path: Path) -> NoteFile:
    check_name_length(path)
    text, _encoding = decode(path, read_site_bytes(path))
    front = split_front_matter(path, text)
    if front is None:
        raise ContentError(
            path,
            1,
            "a note must start with front matter (--- YAML --- or +++ TOML +++)",
            "add at least `date:` and `title:` between --- lines at the top",
        )
    keys = unknown_keys(path, front.fields, NOTE_FIELDS, front.line, "a note's front matter")
    return NoteFile(path, note_stem(path)[1], front, text, keys)


def assemble_note(stem: str, files: list[NoteFile], actor_ids: set[str] | None, source_ids: set[str]) -> Note:
    """`actor_ids` is None when the registry itself failed: its error is reported, not one per note."""
    draft = _Draft(stem)
    for note_file in sorted(files, key=lambda f: f.path.name):
        _add_file(draft, note_file)
    return _validate(draft, actor_ids, source_ids)


def _add_file(draft: _Draft, note_file: NoteFile) -> None:
    path, front = note_file.path, note_file.front
    draft.paths.append(path)
    draft.key_errors += note_file.key_errors
    for key in SHARED_FIELDS:
        if key not in front.fields:
            continue
        value = front.fields[key]
        if key in draft.fields and _normal(draft.fields[key]) != _normal(value):
            other_path, other_line = draft.where[key]
            raise ContentError(
                path,
                front.line(key),
                f"`{key}` is {_shown(value)} here but {_shown(draft.fields[key])} "
                f"in {other_path.name}:{other_line}",
                "the language files of one note must agree: make them the same",
            )
        draft.fields[key] = value
        draft.where[key] = (path, front.line(key))
    if note_file.language:
        _add_single_language(draft, note_file)
    else:
        _add_multilingual(draft, note_file)


def _add_single_language(draft: _Draft, note_file: NoteFile) -> None:
    language, front = note_file.language, note_file.front
    assert language is not None
    for key, target in (("title", draft.title), ("summary", draft.summary), ("image_alt", draft.image_alt)):
        value = front.fields.get(key)
        if isinstance(value, dict):
            raise ContentError(
                note_file.path,
                front.line(key),
                f"`{key}` is per-language but this file is the {language} half of a pair",
                f"write `{key}:` as plain {language} text",
            )
        if value:
            target[language] = _text(note_file.path, front.line(key), key, value)
    if front.body.strip():
        draft.body[language] = front.body.strip()
    draft.where.setdefault("title", (note_file.path, front.line("title")))


def _add_multilingual(draft: _Draft, note_file: NoteFile) -> None:
    path, front = note_file.path, note_file.front
    bodies = _split_bodies(note_file)
    default_language = front.fields.get("language")
    if default_language is not None and default_language not in LANGUAGES:
        raise ContentError(
            path,
            front.line("language"),
            f"unknown language {default_language!r}",
            f"use one of {', '.join(LANGUAGES)}",
        )
    for key, target in (("title", draft.title), ("summary", draft.summary), ("image_alt", draft.image_alt)):
        value = front.fields.get(key)
        if isinstance(value, dict):
            for language, text in value.items():
                if language not in LANGUAGES:
                    raise ContentError(
                        path,
                        front.line(key),
                        f"`{key}` has unknown language {language!r}",
                        f"use {', '.join(LANGUAGES)}",
                    )
                if text:
                    target[language] = _text(path, front.line(key), key, text)
        elif value:
            language = default_language or detect_language(str(value) + " " + front.body)
            target[language] = str(value).strip()
    for language, text in bodies.items():
        draft.body[language or default_language or detect_language(text)] = text
    draft.where.setdefault("title", (path, front.line("title")))


def _split_bodies(note_file: NoteFile) -> dict[str | None, str]:
    body, offset = note_file.front.body, note_file.front.body_start
    markers = list(_LANGUAGE_MARKER.finditer(body))
    if not markers:
        return {None: body.strip()} if body.strip() else {}
    lead = body[: markers[0].start()].strip()
    if lead:
        line = line_of(note_file.text, offset)
        raise ContentError(
            note_file.path,
            line,
            "text before the first <!-- lang: … --> marker has no language",
            "move it below a marker such as <!-- lang: ru -->",
        )
    bodies: dict[str | None, str] = {}
    for index, marker in enumerate(markers):
        language = marker.group(1)
        line = line_of(note_file.text, offset + marker.start())
        if language not in LANGUAGES:
            raise ContentError(
                note_file.path,
                line,
                f"unknown language {language!r} in marker",
                f"use one of {', '.join(LANGUAGES)}",
            )
        if language in bodies:
            raise ContentError(
                note_file.path,
                line,
                f"a second <!-- lang: {language} --> section",
                "merge the two sections into one",
            )
        end = markers[index + 1].start() if index + 1 < len(markers) else len(body)
        bodies[language] = body[marker.end() : end].strip()
    return bodies


def _validate(draft: _Draft, actor_ids: set[str] | None, source_ids: set[str]) -> Note:
    """Every field checked on its own, so all the mistakes of a note are reported at once."""
    fields = draft.fields
    errors: list[ContentError] = list(draft.key_errors)

    def fail(key: str, message: str, fix: str) -> ContentError:
        path, line = draft.where.get(key, (draft.paths[0], None))
        return ContentError(path, line, message, fix)

    def checked(check, default):
        try:
            return check()
        except ContentError as error:
            errors.append(error)
            return default

    note_id = checked(lambda: _note_id(fields, draft.stem, fail), draft.stem)
    span = checked(lambda: _span(fields, fail), None)
    kind = checked(lambda: _kind(fields, fail), "occurred")
    checked(lambda: _has_title(draft.title, fail), None)
    actors = checked(lambda: _known(fields, "actors", actor_ids, fail), [])
    sources = checked(lambda: _known(fields, "sources", source_ids, fail), [])
    tags = checked(lambda: _tags(fields, fail), [])
    aliases = checked(lambda: _aliases(fields, note_id, fail), [])
    image, image_path = checked(lambda: _image(draft, fail), (None, None))
    raise_all(errors)
    return Note(
        id=note_id,
        paths=draft.paths,
        span=span,
        kind=kind,
        title=draft.title,
        summary=draft.summary,
        body=draft.body,
        actors=actors,
        sources=sources,
        tags=tags,
        aliases=aliases,
        image=image,
        image_path=image_path,
        image_alt=draft.image_alt,
    )


def _note_id(fields: dict, stem: str, fail) -> str:
    note_id = str(fields.get("id") or stem)
    if not URL_ID.match(note_id):
        raise fail(
            "id",
            f"{note_id!r} cannot be an event id (it becomes the page's URL)",
            f"use {URL_ID_RULE}, in `id:` or the file name",
        )
    return note_id


def _span(fields: dict, fail) -> DateSpan:
    if fields.get("date") in (None, ""):
        raise fail(
            "date" if "date" in fields else "title",
            "the note has no date",
            "add `date: 2025-11-06` (or 2025-11, 2025, a/b range)",
        )
    qualifier = fields.get("qualifier")
    if qualifier not in QUALIFIERS:
        raise fail("qualifier", f"qualifier {qualifier!r} is unknown", "use before, after or approximate")
    try:
        return DateSpan.parse(as_date_text(fields["date"]), qualifier)
    except ValueError as error:
        raise fail(
            "date",
            f"bad date {as_date_text(fields['date'])}: {error}",
            "write YYYY-MM-DD, YYYY-MM, YYYY or START/END",
        ) from None


def _kind(fields: dict, fail) -> str:
    kind = fields.get("kind", "occurred")
    if kind not in EVENT_KINDS:
        raise fail("kind", f"kind {kind!r} is unknown", f"use one of {', '.join(EVENT_KINDS)}")
    return kind


def _has_title(title: dict[str, str], fail) -> None:
    if not title:
        raise fail("title", "the note has no title", "add `title:` with a text per language (ru:, kk:)")


def _known(fields: dict, key: str, known: set[str] | None, fail) -> list[str]:
    """`actors` or `sources`: ids of the registry or of the articles (None: the registry failed)."""
    ids = _string_list(fields.get(key), key, fail)
    missing = [i for i in ids if known is not None and i not in known]
    if missing and key == "actors":
        raise fail(
            "actors",
            f"unknown actor id(s): {', '.join(missing)}",
            "use ids from content/actors.toml, or add the actor there first",
        )
    if missing:
        raise fail(
            "sources",
            f"no article with id {', '.join(missing)} in content/articles/",
            "a source id is the article's file name without extension",
        )
    return ids


def _tags(fields: dict, fail) -> list[str]:
    tags = _string_list(fields.get("tags"), "tags", fail)
    bad_tags = [tag for tag in tags if not URL_ID.match(tag)]
    if bad_tags:
        raise fail(
            "tags",
            f"tag(s) {', '.join(bad_tags)} are not ids: a tag becomes part of a URL",
            f"use {URL_ID_RULE}; give readers' names in content/tags.toml",
        )
    return tags


def _aliases(fields: dict, note_id: str, fail) -> list[str]:
    aliases = _string_list(fields.get("aliases"), "aliases", fail)
    bad_aliases = [alias for alias in aliases if not URL_ID.match(alias) and not EVENT_ID.match(alias)]
    if bad_aliases or note_id in aliases:
        raise fail(
            "aliases",
            f"aliases {', '.join(bad_aliases or [note_id])} cannot be earlier ids of this event",
            "list the ids the event had before (the names of its old pages, without .html)",
        )
    return aliases


def _image(draft: _Draft, fail) -> tuple[Path | None, str | None]:
    if draft.fields.get("image") is None:
        return None, None
    note_path = draft.where["image"][0]
    found = resolve_image(
        draft.fields["image"],
        note_path,
        note_path.parents[2],
        lambda message, fix: fail("image", message, fix),
    )
    if not draft.image_alt:
        raise fail(
            "image",
            "the picture has no text for readers who cannot see it",
            "add image_alt: with what it shows, per language (ru:, kk:)",
        )
    return found


def _string_list(value: Any, key: str, fail) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(key, f"`{key}` must be a list of ids", f"write `{key}: [a, b]`")
    return list(dict.fromkeys(value))


def _normal(value: Any) -> Any:
    return as_date_text(value) if not isinstance(value, (list, dict, str)) else value


def _shown(value: Any) -> str:
    """A field's value as the editor wrote it: 2026-02-05, [a, b]."""
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return as_date_text(value)


def _text(path: Path, line: int | None, key: str, value: Any) -> str:
    if not isinstance(value, (str, int, float)):
        raise ContentError(path, line, f"`{key}` must be text", f"write `{key}: …` as one line of text")
    return str(value).strip()
