"""An event's title in the page's language when no report, note or translation gives one.

Built from what is known, in that language: the kind of happening most of its reports name
(generator/data/happening_labels.toml) and up to three of its actors by their names in that
language («Кездесу: Қазақстан, АҚШ»), then of the names its sources give in that language
that the registry lacks. The page shows the source's own headline below it, quoted
and marked with its language, until an editor or a translator gives a real title.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..model import Actor, Event
from .wording import Localized, localized

SHOWN_ACTORS = 3
GENERIC = "event"


@dataclass(frozen=True)
class EventTitle:
    text: str
    language: str
    quoted: Localized | None = None  # the source's headline, when the title is built


@cache
def _labels() -> dict[str, dict[str, str]]:
    data = resources.files("generator").joinpath("data/happening_labels.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def event_title(event: Event, language: str, default: str, actors: dict[str, Actor]) -> EventTitle:
    found = localized(event.title, language, default)
    if found.language == language or not found.text:
        return EventTitle(found.text, found.language)
    labels = _labels()
    label = labels.get(event.happening or GENERIC, labels[GENERIC]).get(language) or labels[GENERIC][language]
    names = [actors[a].name(language) for a in event.actors if a in actors and not actors[a].media]
    # Names the registry lacks, where the sources write them in this language.
    names += [named.names[language] for named in event.named if language in named.names]
    shown = ", ".join(names[:SHOWN_ACTORS]) + (" …" if len(names) > SHOWN_ACTORS else "")
    return EventTitle(f"{label}: {shown}" if shown else label, language, found)
