"""`timeline new DIR`: a site that builds at once, from the starter in generator/theme/starter.

The starter holds site.toml, an actor and a topic registry with commented examples, an about
page, an example article and an example note per language, each explaining itself. Files named
for one language (`example_kk.txt`, `about.kk.md`) are written only for the languages chosen.
Templates, assets and interface catalogs are not copied: they come from the built-in theme, and
a site overrides them file by file in its own templates/ and assets/.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from string import Template

from .errors import ContentError
from .model import LANGUAGES
from .theme import THEME_DIR

STARTER_DIR = THEME_DIR / "starter"
DEFAULT_LANGUAGES = ("ru", "kk")
DEFAULT_TITLES = {"ru": "Хроника", "kk": "Хроника", "en": "Chronology"}
# A starter file written for one language only: example_kk.txt, about.kk.md, note.en.md.
_OF_LANGUAGE = re.compile(r"[._](?P<language>[a-z]{2})\.(?:md|txt)$")
# Starter files saved under another name: a dot file would hide from the package's data globs.
_RENAMED = {"gitignore": ".gitignore"}


@dataclass(frozen=True)
class NewSite:
    root: Path
    languages: tuple[str, ...]
    files: tuple[str, ...]  # what was written, relative to root


def parse_languages(text: str) -> tuple[str, ...]:
    languages = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if not languages or unknown or len(set(languages)) != len(languages):
        raise ContentError(
            "--languages",
            None,
            f"{text!r} is not a list of distinct supported languages",
            f"write e.g. --languages ru,kk using {', '.join(LANGUAGES)} (the first is the default)",
        )
    return languages


def create_site(
    root: Path, languages: tuple[str, ...] = DEFAULT_LANGUAGES, title: str | None = None
) -> NewSite:
    """Writes the starter into `root`, which must be new or empty: nothing there is overwritten.
    The files are written beside it first and moved in at once, so a failure leaves no half site."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ContentError(
            root,
            None,
            "the folder is not empty, and timeline new never writes over files",
            "pick a new folder name, e.g. timeline new my-chronology",
        )
    values = _values(languages, title)
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.", dir=root.parent))
    try:
        written = [_write(path, staging, values) for path in _starter_files(languages)]
        if root.exists():
            root.rmdir()
        staging.rename(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return NewSite(root, languages, tuple(sorted(written)))


def _starter_files(languages: tuple[str, ...]) -> list[Path]:
    chosen = []
    for path in sorted(p for p in STARTER_DIR.rglob("*") if p.is_file()):
        language = _OF_LANGUAGE.search(path.name)
        if language is None or language["language"] in languages:
            chosen.append(path)
    return chosen


def _values(languages: tuple[str, ...], title: str | None) -> dict[str, str]:
    titles = {lang: title or DEFAULT_TITLES[lang] for lang in languages}
    return {
        "date": dt.date.today().isoformat(),
        "languages": ", ".join(json.dumps(lang) for lang in languages),
        "default_language": languages[0],
        "titles": "\n".join(
            f"{lang} = {json.dumps(text, ensure_ascii=False)}" for lang, text in titles.items()
        ),
        "sources": ", ".join(f"example_{lang}" for lang in languages),
    }


def _write(starter: Path, staging: Path, values: dict[str, str]) -> str:
    relative = starter.relative_to(STARTER_DIR)
    relative = relative.with_name(_RENAMED.get(relative.name, relative.name))
    target = staging / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(Template(starter.read_text("utf-8")).substitute(values), "utf-8")
    return relative.as_posix()
