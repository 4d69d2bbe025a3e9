"""Reads `site.toml`: languages, titles and the address the site is published at."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, toml_error_line
from .model import LANGUAGES


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    languages: list[str]
    default_language: str
    title: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    base_url: str = ""

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def assets_dir(self) -> Path:
        return self.root / "assets"


def load_config(root: Path) -> SiteConfig:
    path = root / "site.toml"
    if not path.is_file():
        raise ContentError(
            path,
            None,
            "site.toml not found",
            "run timeline from the site folder or pass --site DIR",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(
            path, toml_error_line(error), f"not valid TOML: {error}", "fix the syntax"
        ) from None
    languages = data.get("languages", ["ru", "kk"])
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if not languages or unknown:
        raise ContentError(
            path,
            _key_line(path, "languages"),
            f"unsupported languages {unknown or languages}",
            f"list one or more of {', '.join(LANGUAGES)}",
        )
    default = data.get("default_language", languages[0])
    if default not in languages:
        raise ContentError(
            path,
            _key_line(path, "default_language"),
            f"default_language {default!r} is not in languages {languages}",
            "pick one of the listed languages",
        )
    title = data.get("title", {})
    missing = [lang for lang in languages if not title.get(lang)]
    if missing:
        raise ContentError(
            path,
            _key_line(path, "[title]"),
            f"no site title for {', '.join(missing)}",
            'add it under [title], e.g. ru = "…"',
        )
    return SiteConfig(
        root=root,
        languages=list(languages),
        default_language=default,
        title=dict(title),
        description=dict(data.get("description", {})),
        base_url=str(data.get("base_url", "")),
    )


def _key_line(path: Path, key: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if line.strip().startswith(key):
            return number
    return None
