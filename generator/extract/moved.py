"""A plan's old day told in the sentence after the happening: «Линию открыли 5 июня. Открытие
планировалось на 15 мая». The old day then belongs to the happening of the sentence before,
as it would if one sentence said both («перенесли с 15 мая на 5 июня»)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .concepts import concepts_after
from .happenings import Role, discourse
from .sentences import Sentence, sentence_index

if TYPE_CHECKING:
    from ..model import DateSpan
    from . import EventMention


def lend_old_days(
    mentions: list[EventMention], old_plans: dict[tuple[int, int], DateSpan], sentences: list[Sentence]
) -> list[EventMention]:
    """Each old day whose sentence names no new day of its own goes to the day-precise report of
    the sentence just before it, unless that report has an old day already."""
    if not old_plans:
        return mentions

    def sentence_of(mention: EventMention) -> int:
        return sentence_index(sentences, mention.span[0])

    dated = [(sentence_of(m), i) for i, m in enumerate(mentions) if m.role in (Role.SENTENCE, Role.HEADLINE)]
    with_new_day = {number for number, _ in dated}
    found = list(mentions)
    for bounds, old_day in old_plans.items():
        number = sentence_index(sentences, bounds[0])
        if number in with_new_day or number == 0:
            continue
        before = [i for n, i in dated if n == number - 1]
        for i in before:
            mention = found[i]
            if mention.formerly is None and mention.when.precision == "day" and mention.when != old_day:
                found[i] = replace(mention, formerly=old_day)
    return found


def marked_as_another(mentions: list, language: str) -> list:
    """Mentions whose own kind of happening is worded as another one («Сол күні екінші жартылай
    финалда …»): the merge keeps them from the report of that kind their article gave first."""
    markers = tuple(discourse()["another"].get(language, ()))
    if not markers:
        return mentions
    return [
        replace(m, another=True) if set(m.kinds) & concepts_after(m.text, language, markers) else m
        for m in mentions
    ]
