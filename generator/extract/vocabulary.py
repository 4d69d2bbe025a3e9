"""The data tables extraction reads: date words per language and inflection rules.

Kept in `generator/data/` so an editor can add a month form or a suffix without touching code;
every file feeds the rules version, so changing one invalidates cached extractions.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import resources

_DATA = resources.files("generator").joinpath("data")


@cache
def date_words(language: str) -> dict:
    return tomllib.loads(_DATA.joinpath("dates", f"{language}.toml").read_text("utf-8"))


@cache
def inflection_rules() -> dict:
    return tomllib.loads(_DATA.joinpath("inflection.toml").read_text("utf-8"))


@cache
def rules_fingerprint() -> str:
    """The rules are this package's code and its data tables: a change to either re-extracts."""
    digest = hashlib.sha256()
    for name in ("dates/ru.toml", "dates/kk.toml", "dates/en.toml", "inflection.toml"):
        digest.update(_DATA.joinpath(*name.split("/")).read_bytes())
    code = resources.files("generator").joinpath("extract")
    for module in sorted(p.name for p in code.iterdir() if p.name.endswith(".py")):
        digest.update(code.joinpath(module).read_bytes())
    return digest.hexdigest()[:16]
