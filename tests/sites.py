"""A fresh site as a journalist starting a chronology has it: three languages, an empty actor
registry, and the articles given (a name → text mapping, or a folder to copy)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

SITE_TOML = """languages = ["ru", "kk", "en"]
default_language = "ru"
base_url = ""

[title]
ru = "Хроника"
kk = "Шежіре"
en = "Chronology"
"""


def empty_registry_site(root: Path, articles: Mapping[str, str] | Path) -> Path:
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
