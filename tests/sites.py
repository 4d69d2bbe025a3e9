"""A fresh site as a journalist starting a chronology has it: three languages, an empty actor
registry, and the articles given (a name → text mapping, or a folder to copy)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from generator.theme import THEME_DIR

SITE_TOML = """languages = ["ru", "kk", "en"]
default_language = "ru"
base_url = ""

[title]
ru = "Хроника"
kk = "Шежіре"
en = "Chronology"
"""


def run_timeline(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """`timeline …` as a user types it, in `cwd`, with this checkout's code."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_site(source: Path, target: Path) -> None:
    """A site's own files: site.toml, content/, and the templates/ and assets/ it overrides."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "templates", "assets"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    shutil.copy(source / "site.toml", target / "site.toml")


def edit_site_file(site: Path, relative: Path | str, old: str, new: str) -> Path:
    """Replaces `old` by `new` in one of the site's files, in one write. A file of templates/ or
    assets/ the site does not have yet is first taken from the built-in theme, as an editor
    overriding it would copy it."""
    path = site / relative
    source = path if path.is_file() else THEME_DIR / relative
    text = source.read_text("utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def append_to_site_file(site: Path, relative: Path | str, addition: str) -> Path:
    """Adds `addition` at the end of one of the site's files (taken from the theme if the site
    does not override it yet), in one write."""
    path = site / relative
    source = path if path.is_file() else THEME_DIR / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source.read_text("utf-8") + addition, "utf-8")
    return path


def empty_registry_site(root: Path, articles: Mapping[str, str] | Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.toml").write_text(SITE_TOML, "utf-8")
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    (root / "content" / "actors.toml").write_text("", "utf-8")
    if isinstance(articles, Path):
        for path in sorted(articles.iterdir()):
            shutil.copyfile(path, folder / path.name)
    else:
        for name, text in articles.items():
            (folder / name).write_text(text, "utf-8")
    return root
