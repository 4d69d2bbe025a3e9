"""Errors an editor can act on: which file, which line, what is wrong, how to fix it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass
class ContentError(Exception):
    path: Path | str
    line: int | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.message}"
        return f"{text}\n  fix: {self.fix}" if self.fix else text


class ContentErrors(Exception):
    """Every error found in one pass, so an editor fixes them all before the next build."""

    def __init__(self, errors: list[ContentError]):
        super().__init__(f"{len(errors)} error(s) in content")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def toml_error_line(error: Exception) -> int | None:
    """tomllib reports the position only inside its message: `(at line 3, column 7)`."""
    match = re.search(r"at line (\d+)", str(error))
    return int(match.group(1)) if match else None


def did_you_mean(word: str, known) -> str:
    """The start of a fix naming the known word closest to a misspelt one, or nothing."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def unknown_keys(path: Path | str, keys, known: tuple[str, ...], line_of, what: str) -> list[ContentError]:
    """An error for each key of `keys` that `known` lacks: a misspelt key is never ignored.
    `line_of(key)` gives its line; `what` says where it was written ("a note's front matter")."""
    return [
        ContentError(
            path,
            line_of(key),
            f"unknown key {key!r} in {what}",
            f"{did_you_mean(key, known)}{what} takes {', '.join(known)}",
        )
        for key in keys
        if key not in known
    ]


def raise_all(errors: list[ContentError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)
