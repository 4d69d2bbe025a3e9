"""Ingest: the files in `content/` become documents, notes, actors and pages.

The only stage that touches `content/`. Every file is read even after one fails, so an editor
sees all the problems of a build at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import Actor, Document, Note, Page
from .actors import read_actors
from .articles import ARTICLE_SUFFIXES, read_article
from .notes import NOTE_SUFFIXES, NoteFile, assemble_note, note_stem, read_note_file
from .pages import read_pages
from .text import decode, detect_language

__all__ = ["Content", "decode", "detect_language", "read_article", "read_content"]


@dataclass
class Content:
    documents: list[Document]
    notes: list[Note]
    actors: dict[str, Actor]
    pages: list[Page]


def read_content(content_dir: Path) -> Content:
    errors: list[ContentError] = []
    actors: dict[str, Actor] = {}
    try:
        actors = read_actors(content_dir / "actors.toml")
    except ContentError as error:
        errors.append(error)
    documents = _collect(errors, _files(content_dir / "articles", ARTICLE_SUFFIXES), read_article)
    note_files = _collect(errors, _files(content_dir / "notes", NOTE_SUFFIXES), read_note_file)
    notes = _assemble_notes(errors, note_files, set(actors), {doc.id for doc in documents})
    pages: list[Page] = []
    try:
        pages = read_pages(content_dir / "about")
    except ContentError as error:
        errors.append(error)
    _check_unique(errors, [(doc.id, doc.path) for doc in documents], "source id")
    _check_unique(errors, [(note.id, note.paths[0]) for note in notes], "event id")
    if errors:
        raise ContentErrors(errors)
    return Content(sorted(documents, key=lambda d: d.id), sorted(notes, key=lambda n: n.id), actors, pages)


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in suffixes and not p.name.startswith(".")
    )


def _collect(errors: list[ContentError], paths: list[Path], read) -> list:
    results = []
    for path in paths:
        try:
            results.append(read(path))
        except ContentError as error:
            errors.append(error)
    return results


def _assemble_notes(
    errors, note_files: list[NoteFile], actor_ids: set[str], source_ids: set[str]
) -> list[Note]:
    groups: dict[str, list[NoteFile]] = {}
    for note_file in note_files:
        groups.setdefault(note_stem(note_file.path)[0], []).append(note_file)
    notes = []
    for stem, files in sorted(groups.items()):
        try:
            notes.append(assemble_note(stem, files, actor_ids, source_ids))
        except ContentError as error:
            errors.append(error)
    return notes


def _check_unique(errors: list[ContentError], items: list[tuple[str, Path]], what: str) -> None:
    seen: dict[str, Path] = {}
    for item_id, path in items:
        if item_id in seen:
            errors.append(
                ContentError(
                    path,
                    None,
                    f"{what} {item_id!r} is also used by {seen[item_id]}",
                    "rename one of the files (or change its `id:`)",
                )
            )
        seen.setdefault(item_id, path)
