"""A note's picture: `image:` in its front matter, written any way an editor would.

`flood.jpg` (next to the note, or in the site's assets/), `assets/flood.jpg`, `/assets/flood.jpg`
and `../../assets/flood.jpg` (the path a Markdown preview of the note follows) all name a file
of the site; which one, is settled here, once. Every note's picture is published as
`assets/media/<note>-<file name>`. A missing file or one that is no picture is an error naming
the note's line.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..theme import ASSETS_DIR

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")
MEDIA = "assets/media/"  # where pictures kept beside the notes are published


def resolve_image(value: object, note: Path, site_root: Path, fail) -> tuple[Path, str]:
    """(the file, the path it is published at). `fail(message, fix)` makes the error."""
    if not isinstance(value, str) or not value.strip():
        raise fail("`image` must be a file name", "write image: flood.jpg (next to the note or in assets/)")
    written = value.strip().replace("\\", "/")
    if "://" in written or written.startswith("data:"):
        raise fail(f"image {written!r} is not a file of the site", "save the picture beside the note")
    relative = posixpath.normpath(written.lstrip("/"))
    while relative.startswith("../"):
        relative = relative[3:]
    if Path(relative).suffix.lower() not in IMAGE_SUFFIXES:
        raise fail(f"image {written!r} is not a picture", f"use a {', '.join(IMAGE_SUFFIXES)} file")
    for candidate, published in _candidates(relative, note, site_root):
        if candidate.is_file():
            return candidate, published
    raise fail(
        f"no image {written!r} next to the note or in assets/",
        f"put {Path(relative).name} beside {note.name} or in the site's assets/ folder",
    )


def _candidates(relative: str, note: Path, site_root: Path):
    """Where the file may be, each with the one path every picture of a note is published at
    (the data exports name it, and a publish keeps it under that name)."""
    published = MEDIA + f"{note.stem.split('.')[0]}-{Path(relative).name}"
    if relative.startswith("assets/"):
        yield site_root / relative, published
        yield ASSETS_DIR / relative.removeprefix("assets/"), published
        return
    yield note.parent / relative, published
    yield site_root / "assets" / relative, published
