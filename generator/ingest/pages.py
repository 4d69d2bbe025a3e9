"""Free-standing pages (about): `content/about/about.ru.md`, `about.kk.md`, …"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, raise_all, unknown_keys
from ..model import Page
from .frontmatter import split_front_matter
from .notes import note_stem
from .text import decode


def read_pages(folder: Path) -> list[Page]:
    pages: dict[str, Page] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        stem, language = note_stem(path)
        if language is None:
            raise ContentError(
                path,
                None,
                "a page file must name its language",
                f"rename it to {stem}.ru.md, {stem}.kk.md or {stem}.en.md",
            )
        text, _ = decode(path, path.read_bytes())
        front = split_front_matter(path, text)
        if front:
            raise_all(unknown_keys(path, front.fields, ("title",), front.line, "a page's front matter"))
        title = str((front.fields.get("title") if front else "") or "").strip()
        if not front or not title:
            raise ContentError(path, 1, "a page needs front matter with a title", "add ---\\ntitle: …\\n---")
        page = pages.setdefault(stem, Page(stem, {}, {}))
        page.files[language] = path
        page.title[language] = title
        page.body[language] = front.body.strip()
    return list(pages.values())
