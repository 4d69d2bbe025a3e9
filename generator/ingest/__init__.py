"""Ingest: the files in `content/` become documents, notes, actors and pages.

The only stage that touches `content/`. Every file is read even after one fails, so an editor
sees all the problems of a build at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import Actor, Decision, Document, Note, Page, Tag
from ..site_files import is_folder, list_folder
from .actors import guessed_name_warnings, read_actors
from .articles import ARTICLE_SUFFIXES, read_article
from .concepts import read_concepts
from .decisions import DECISIONS_FILE, read_decisions
from .images import IMAGE_SUFFIXES
from .notes import NOTE_SUFFIXES, NoteFile, assemble_note, note_stem, read_note_file
from .pages import read_pages
from .tags import read_tags
from .text import decode, detect_language
from .translations import Translations, read_translations

__all__ = ["Content", "decode", "detect_language", "read_article", "read_content"]


@dataclass
class Content:
    documents: list[Document]
    notes: list[Note]
    actors: dict[str, Actor]
    pages: list[Page]
    warnings: list[str]
    tags: dict[str, Tag]
    concepts: str = ""  # content/concepts.toml, validated: the site's own key terms
    decisions: list[Decision] = field(default_factory=list)  # content/decisions.toml, in applying order
    translations: Translations = field(default_factory=dict)  # content/translations/<lang>.po


def read_content(content_dir: Path, known_articles: dict[Path, Document] | None = None) -> Content:
    """`known_articles` (kept by `timeline serve` between builds, updated here): the articles as
    an earlier build read them; those whose bytes did not change are not decoded again."""
    errors: list[ContentError] = []
    warnings: list[str] = []
    actors: dict[str, Actor] = {}
    actor_ids: set[str] | None = None
    try:
        actors = read_actors(content_dir / "actors.toml")
        actor_ids = set(actors)
        warnings += guessed_name_warnings(content_dir / "actors.toml", actors)
    except ContentError as error:
        errors.append(error)
    article_paths = _files(content_dir / "articles", ARTICLE_SUFFIXES, warnings)
    note_paths = _files(content_dir / "notes", NOTE_SUFFIXES, warnings, companions=IMAGE_SUFFIXES)
    known = known_articles if known_articles is not None else {}
    documents = _collect(errors, article_paths, lambda path: read_article(path, known.get(path)))
    if known_articles is not None:
        known_articles.clear()
        known_articles.update((doc.path, doc) for doc in documents)
    note_files = _collect(errors, note_paths, read_note_file)
    notes = _assemble_notes(errors, note_files, actor_ids, {doc.id for doc in documents})
    pages: list[Page] = []
    try:
        pages = read_pages(content_dir / "about")
    except ContentError as error:
        errors.append(error)
    tags: dict[str, Tag] = {}
    try:
        tags = read_tags(content_dir / "tags.toml")
    except ContentError as error:
        errors.append(error)
    concepts = ""
    try:
        concepts = read_concepts(content_dir / "concepts.toml")
    except ContentError as error:
        errors.append(error)
    translations: Translations = {}
    try:
        translations = read_translations(content_dir)
    except ContentErrors as found:
        errors.extend(found.errors)
    except ContentError as error:
        errors.append(error)
    decisions: list[Decision] = []
    try:
        decisions = read_decisions(content_dir / DECISIONS_FILE, {doc.id for doc in documents})
    except ContentErrors as found:
        errors.extend(found.errors)
    except ContentError as error:
        errors.append(error)
    _check_unique(errors, [(doc.id, doc.path) for doc in documents], "source id", "rename one of the files")
    _check_unique(
        errors, [(n.id, n.paths[0]) for n in notes], "event id", "rename one of the notes or change its `id:`"
    )
    if errors:
        raise ContentErrors(errors)
    documents.sort(key=lambda d: d.id)
    notes.sort(key=lambda n: n.id)
    for tag in sorted({tag for note in notes for tag in note.tags} - set(tags)):
        warnings.append(
            f"{content_dir / 'tags.toml'}: tag {tag!r} has no names, so pages show its id "
            f'(add [{tag}] with names = {{ ru = "…", kk = "…", en = "…" }})'
        )
        tags[tag] = Tag(tag)
    return Content(documents, notes, actors, pages, warnings, tags, concepts, decisions, translations)


def _files(
    folder: Path, suffixes: tuple[str, ...], warnings: list[str], companions: tuple[str, ...] = ()
) -> list[Path]:
    """The files a folder holds in the formats we read; anything else is named, never silently
    skipped, except `companions`: the pictures notes show, read when a note names them."""
    if not is_folder(folder):
        return []
    found = []
    for path in list_folder(folder):
        if path.name.startswith("."):
            continue
        if is_folder(path):
            warnings.append(f"{path}: a folder, not read (only the files of {folder.name}/ itself are read)")
            continue
        if path.suffix in suffixes:
            found.append(path)
        elif path.suffix.lower() not in companions:
            warnings.append(f"{path}: not read (only {', '.join(suffixes)} files belong in {folder.name}/)")
    return found


def _collect(errors: list[ContentError], paths: list[Path], read) -> list:
    results = []
    for path in paths:
        try:
            results.append(read(path))
        except ContentErrors as found:
            errors.extend(found.errors)
        except ContentError as error:
            errors.append(error)
    return results


def _assemble_notes(
    errors, note_files: list[NoteFile], actor_ids: set[str] | None, source_ids: set[str]
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


def _check_unique(errors: list[ContentError], items: list[tuple[str, Path]], what: str, fix: str) -> None:
    seen: dict[str, Path] = {}
    for item_id, path in items:
        if item_id in seen:
            errors.append(
                ContentError(
                    path,
                    None,
                    f"{what} {item_id!r} is also used by {seen[item_id]}",
                    fix,
                )
            )
        seen.setdefault(item_id, path)
