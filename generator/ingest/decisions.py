"""Editorial decisions: `content/decisions.toml`, what an editor says about extracted events.

Extraction and merge propose; the editor disposes. Each decision is an array-of-tables entry
addressed by stable ids (event ids as in URLs, source ids as file names), so it survives every
re-extraction of the articles:

    [[drop]]     event = "…"                          leave an extracted event out
    [[move]]     source = "…", from = "…", to = "…"   a source's report belongs to another event
    [[split]]    event = "…", sources = ["…"], id = "…"  those sources' reports are an event apart
    [[merge]]    events = ["…", "…"]                  one happening: all join the first
    [[retitle]]  event = "…", title = { kk = "…" }    the title in a language
    [[redate]]   event = "…", date = "2026-05-26"     the date, as a note writes it

Every entry may carry `why = "…"`, kept with the event in data/timeline.json. This module only
reads and checks the file; merge (generator/merge/editorial.py) applies it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import ContentError, ContentErrors, did_you_mean
from ..ids import EVENT_ID
from ..model import LANGUAGES, Action, DateSpan, Decision
from ..site_files import exists
from .text import line_of, read_toml

DECISIONS_FILE = "decisions.toml"


# The keys each action takes; the first ones listed are required.
_KEYS: dict[Action, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Action.DROP: (("event",), ("why",)),
    Action.MOVE: (("source", "from", "to"), ("why",)),
    Action.SPLIT: (("event", "sources"), ("id", "why")),
    Action.MERGE: (("events",), ("why",)),
    Action.RETITLE: (("event", "title"), ("why",)),
    Action.REDATE: (("event", "date"), ("why",)),
}


def read_decisions(path: Path, source_ids: set[str]) -> list[Decision]:
    """Every entry of the file, checked; all its mistakes are reported at once."""
    if not exists(path):
        return []
    text, data = read_toml(path)
    errors: list[ContentError] = []
    decisions = []
    for name, entries in data.items():
        try:
            action = _action(path, text, name, entries)
        except ContentError as error:
            errors.append(error)
            continue
        lines = _entry_lines(text, action)
        for number, entry in enumerate(entries):
            line = lines[number] if number < len(lines) else None
            try:
                decisions.append(_decision(action, path, line, entry, source_ids))
            except ContentError as error:
                errors.append(error)
    if errors:
        raise ContentErrors(errors)
    return sorted(decisions, key=lambda d: d.line or 0)  # as written: each acts on what the last left


def _action(path: Path, text: str, name: str, entries: Any) -> Action:
    key = re.escape(name)
    written = re.search(rf"^[ \t]*(\[\[?[ \t]*{key}\b|{key}[ \t]*=)", text, re.MULTILINE)
    line = line_of(text, written.start()) if written else None
    if name not in Action.__members__.values():
        raise ContentError(
            path,
            line,
            f"unknown decision {name!r}",
            f"{did_you_mean(name, [str(a) for a in Action])}write one of "
            + ", ".join(f"[[{a}]]" for a in Action),
        )
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ContentError(
            path, line, f"{name!r} must be written [[{name}]]", f"write [[{name}]] above its keys"
        )
    return Action(name)


def _entry_lines(text: str, action: Action) -> list[int]:
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{action}[ \t]*\]\]", re.MULTILINE)
    return [line_of(text, match.start()) for match in header.finditer(text)]


def _decision(action: Action, path: Path, line: int | None, entry: dict, source_ids: set[str]) -> Decision:
    required, optional = _KEYS[action]

    def fail(message: str, fix: str) -> ContentError:
        return ContentError(path, line, f"[[{action}]]: {message}", fix)

    for key in entry:
        if key not in required + optional:
            raise fail(
                f"unknown key {key!r}",
                f"{did_you_mean(key, required + optional)}[[{action}]] takes "
                + ", ".join(required + optional),
            )
    missing = [key for key in required if key not in entry]
    if missing:
        raise fail(f"{', '.join(missing)} missing", f"add {missing[0]} = … under [[{action}]]")
    values: dict[str, Any] = {"why": _text(entry.get("why", ""), "why", fail)}
    if action == Action.MOVE:
        values["source"] = _source(entry["source"], source_ids, fail)
        values["from_event"] = _event_id(entry["from"], "from", fail)
        values["to_event"] = _event_id(entry["to"], "to", fail)
    elif action == Action.MERGE:
        values["events"] = tuple(_event_id(e, "events", fail) for e in _list(entry["events"], "events", fail))
        if len(set(values["events"])) < 2:
            raise fail("events must name two events or more", 'write events = ["first-id", "second-id"]')
    else:
        values["event"] = _event_id(entry["event"], "event", fail)
    if action == Action.SPLIT:
        values["sources"] = tuple(
            _source(s, source_ids, fail) for s in _list(entry["sources"], "sources", fail)
        )
        values["new_id"] = _event_id(entry["id"], "id", fail) if "id" in entry else ""
    elif action == Action.RETITLE:
        values["title"] = _titles(entry["title"], fail)
    elif action == Action.REDATE:
        values["date"] = _date(entry["date"], fail)
    return Decision(action, path, line, **values)


def _text(value: Any, key: str, fail) -> str:
    if not isinstance(value, str):
        raise fail(f"{key} must be a text", f'write {key} = "…"')
    return value.strip()


def _list(value: Any, key: str, fail) -> list:
    if not isinstance(value, list) or not value:
        raise fail(f"{key} must be a list", f'write {key} = ["…"]')
    return value


def _event_id(value: Any, key: str, fail) -> str:
    if not isinstance(value, str) or not EVENT_ID.match(value):
        raise fail(f"{key} = {value!r} is not an event id", "copy the id from the event page's address")
    return value


def _source(value: Any, source_ids: set[str], fail) -> str:
    if not isinstance(value, str) or value not in source_ids:
        raise fail(
            f"no article has the source id {value!r}",
            f"{did_you_mean(str(value), source_ids)}a source id is an article's file name "
            "without its extension",
        )
    return value


def _titles(value: Any, fail) -> dict[str, str]:
    if (
        not isinstance(value, dict)
        or not value
        or not all(lang in LANGUAGES and isinstance(t, str) and t.strip() for lang, t in value.items())
    ):
        raise fail(
            "title must be a table of non-empty texts per language", 'write title = { kk = "…", ru = "…" }'
        )
    return {lang: text.strip() for lang, text in value.items()}


def _date(value: Any, fail) -> DateSpan:
    try:
        return DateSpan.parse(value.isoformat() if hasattr(value, "isoformat") else str(value))
    except ValueError as error:
        raise fail(
            f"date: {error}", 'write date = "2026-05-26" (or "2026-05", 2026, "2026-05-20/2026-05-22")'
        ) from None
