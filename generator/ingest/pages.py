"""Free-standing pages (about): `content/about/about.ru.md`, `about.kk.md`, …"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, raise_all, unknown_keys
from ..model import Page
from ..site_files import is_folder, list_folder, read_site_bytes
from .frontmatter import split_front_matter
from .notes import note_stem
from .text import decode


def read_pages(folder: Path) -> list[Page]:
    pages: dict[str, Page] = {}
    for path in [p for p in list_folder(folder) if p.suffix == ".md"] if is_folder(folder) else []:
        stem, language = note_stem(path)
        if language is None:
            raise ContentError(
                path,
                None,
                "a page file must name its language",
                f"rename it to {stem}.ru.md, {stem}.kk.md or {stem}.en.md",
            )
        text, _ = decode(path, read_site_bytes(path))
        front = split_front_matter(path, text)
        if front:
            raise_all(unknown_keys(path, front.fields, ("title",), front.line, "a page's front matter"))
        title = front.fields.get("title") if front else None
        if title is not None and not isinstance(title, str):
            raise ContentError(
                path, front.line("title"), "a page's title must be one line of text", 'write `title: "…"`'
            )
        title = (title or "").strip()
        if not front or not title:
            raise ContentError(path, 1, "a page needs front matter with a title", "add ---\\ntitle: …\\n---")
        page = pages.setdefault(stem, Page(stem, {}, {}))
        page.files[language] = path
        page.title[language] = title
        page.body[language] = front.body.strip()
    return list(pages.values())
