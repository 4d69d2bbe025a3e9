"""The data tables extraction reads: date words per language and inflection rules.

Kept in `generator/data/` so an editor can add a month form or a suffix without touching code;
every file feeds the rules version, so changing one invalidates cached extractions.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import metadata, resources

_DATA = resources.files("generator").joinpath("data")


@cache
def date_words(language: str) -> dict:
    return tomllib.loads(_DATA.joinpath("dates", f"{language}.toml").read_text("utf-8"))


@cache
def inflection_rules() -> dict:
    return tomllib.loads(_DATA.joinpath("inflection.toml").read_text("utf-8"))


def data_files() -> list[str]:
    """Every data table, as a path under `generator/data/`: all of them feed the rules version,
    so a table added later cannot be forgotten."""
    found = []
    for entry in sorted(_DATA.iterdir(), key=lambda p: p.name):
        if entry.is_dir():
            found += [f"{entry.name}/{p.name}" for p in sorted(entry.iterdir(), key=lambda p: p.name)]
        elif entry.name.endswith(".toml"):
            found.append(entry.name)
    return [name for name in found if name.endswith(".toml")]


@cache
def rules_fingerprint() -> str:
    """What an extraction depends on besides the article and the registry: the data tables, the
    code that reads articles and extracts from them, and the Russian dictionary. A change to any
    of them re-extracts everything."""
    digest = hashlib.sha256()
    for name in data_files():
        digest.update(name.encode())
        digest.update(_DATA.joinpath(*name.split("/")).read_bytes())
    package = resources.files("generator")
    for folder in (package.joinpath("extract"), package.joinpath("ingest"), package):
        for module in sorted(p.name for p in folder.iterdir() if p.name.endswith(".py")):
            if folder == package and module != "model.py":
                continue
            digest.update(folder.joinpath(module).read_bytes())
    for distribution in ("pymorphy3", "pymorphy3-dicts-ru"):
        digest.update(_version(distribution).encode())
    return digest.hexdigest()[:16]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"
