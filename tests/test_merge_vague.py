"""Vague reports (generator/merge/vague.py): a report known only by its month joins the one event
of its story that falls in that month and fits it, and no event when two could be the one, or
when the event is of another story. The articles are written for these tests, in a site with an
empty registry; what each expects is read off the texts."""

from __future__ import annotations

from sites import empty_registry_site

from generator.build import read_chronology
from generator.merge.cluster import Rule
from generator.merge.explain import explain_merge

# An April preview gives only the month of the verdict; the report of the verdict in May names
# its day. Both articles name the defendant and the company; the preview names them only after
# its lead (six sentences), not in the sentence of the month, its headline or its lead.
PREVIEW_RU = """---
title: Прокурор запросил семь лет по делу о хищениях
date: 2026-04-20
---
В городском суде завершилось судебное следствие по громкому делу о хищениях. Гособвинитель
выступил с речью. Защита просила оправдать подсудимого. Потерпевшие настаивают на возмещении
ущерба. Процесс шёл почти год.

Приговор суд огласит в мае.

Подсудимый — бывший директор компании «Ертіс Құрылыс» Нурлан Сейтов.
"""
VERDICT_EN = """---
title: Former Ertis Qurylys director Nurlan Seitov jailed for six years
date: 2026-05-15
---
A court in Pavlodar on 14 May sentenced Nurlan Seitov, former director of the builder Ertis
Qurylys, to six years in prison for embezzlement.
"""
# A second verdict of that story in May: nothing tells which one the preview meant.
SECOND_VERDICT_EN = """---
title: Ertis Qurylys accountant Aliya Bekova given suspended sentence
date: 2026-05-28
---
The same Pavlodar court on 27 May handed Aliya Bekova, the chief accountant of Ertis Qurylys who
worked under Nurlan Seitov, a three-year suspended sentence.
"""
# A verdict of another story in May.
OTHER_STORY_EN = """---
title: Shymkent court jails ex-mayor Bolat Zhanuzakov
date: 2026-05-15
---
A court in Shymkent on 14 May sentenced former mayor Bolat Zhanuzakov to five years for bribery.
"""


def _cited(events) -> list[set[str]]:
    return [{ref.source for ref in e.sources} for e in events]


def test_a_month_preview_joins_the_one_event_of_its_story_that_month(tmp_path):
    site = empty_registry_site(tmp_path, {"p_ru.md": PREVIEW_RU, "v_en.md": VERDICT_EN})
    chronology = read_chronology(site)
    [verdict] = [e for e in chronology.timeline.events if e.span.edtf == "2026-05-14"]
    assert {ref.source for ref in verdict.sources} == {"p_ru", "v_en"}
    lines = explain_merge(
        chronology.documents, chronology.extractions, chronology.notes, chronology.timeline.actors, "p_ru"
    )
    assert lines is not None and any(Rule.ONLY_EVENT_OF_STORY.value in line for line in lines)


def test_two_events_of_the_story_that_month_leave_the_preview_apart(tmp_path):
    articles = {"p_ru.md": PREVIEW_RU, "v_en.md": VERDICT_EN, "w_en.md": SECOND_VERDICT_EN}
    events = read_chronology(empty_registry_site(tmp_path, articles)).timeline.events
    assert not any("p_ru" in cited and len(cited) > 1 for cited in _cited(events))


def test_an_event_of_another_story_is_not_the_one(tmp_path):
    articles = {"p_ru.md": PREVIEW_RU, "o_en.md": OTHER_STORY_EN}
    events = read_chronology(empty_registry_site(tmp_path, articles)).timeline.events
    assert not any("p_ru" in cited and len(cited) > 1 for cited in _cited(events))
