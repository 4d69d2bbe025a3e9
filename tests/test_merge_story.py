"""Articles of one story (generator/merge/story.py): two reports that date one kind of happening
to one day join though their sentences share no name, when their articles share the names of
a story; reports of two stories on that day stay apart. The articles are written for this test
in a site with an empty registry; what each test expects is read off the texts."""

from __future__ import annotations

from types import SimpleNamespace

from sites import empty_registry_site

from generator.build import read_chronology
from generator.merge.cluster import Rule
from generator.merge.explain import explain_merge
from generator.merge.story import Stories

# The sentence that dates the law's entry into force names no one, and neither do the headlines
# or the leads (six sentences): only the vice-minister, further down, tells that both articles
# are of one story.
WATER_RU = """---
title: Закон о водосбережении прошёл последнее чтение
date: 2026-05-15
---
Депутаты верхней палаты вчера одобрили закон о водосбережении. Голосование заняло несколько
минут. Споров в зале не было. Закон вводит учёт воды для крупных хозяйств. Фермеры получат
субсидии на капельное орошение. Штрафы установят отдельными поправками.

Закон вступит в силу с 1 сентября.

Документ представил вице-министр водных ресурсов Ерлан Жаксылыков.
"""
WATER_EN = """---
title: Water-saving law clears parliament
date: 2026-05-16
---
Lawmakers approved the water-saving law this week. The vote took a few minutes. There was no
debate in the chamber. The law requires large farms to meter their water. Farmers will get
subsidies for drip irrigation. Fines will be set by separate amendments.

The rules take effect on 1 September.

It was presented by the vice-minister for water resources, Yerlan Zhaksylykov.
"""
SCHOOLS_EN = """---
title: New school uniform rules announced
date: 2026-05-20
---
Education officials announced new school uniform rules this week. Parents were consulted in
spring. Schools will get guidance in June. Jackets will be optional in warm months. Colours are
left to each school. Families on low incomes will get help with the cost.

The rules take effect on 1 September.

Director Aigerim Nurlanova will oversee the change in Pavlodar.
"""


def _sources_on(events, day: str) -> list[set[str]]:
    return sorted(({ref.source for ref in e.sources} for e in events if e.span.edtf == day), key=sorted)


def test_one_story_one_day_one_kind_is_one_happening_across_languages(tmp_path):
    site = empty_registry_site(tmp_path, {"w_ru.md": WATER_RU, "w_en.md": WATER_EN})
    events = read_chronology(site).timeline.events
    assert _sources_on(events, "2026-09-01") == [{"w_ru", "w_en"}]


def test_another_story_on_that_day_stays_apart(tmp_path):
    articles = {"w_ru.md": WATER_RU, "w_en.md": WATER_EN, "s_en.md": SCHOOLS_EN}
    events = read_chronology(empty_registry_site(tmp_path, articles)).timeline.events
    assert _sources_on(events, "2026-09-01") == [{"s_en"}, {"w_ru", "w_en"}]


def _article(source: str, names: set[str]) -> SimpleNamespace:
    # What Stories reads of a candidate: its article and the names the article uses.
    return SimpleNamespace(source=source, story=frozenset(names))


def test_a_name_most_articles_use_tells_no_story():
    stories = Stories()
    # "kzkstn" is in three articles of four: the country of every story here.
    stories.read(
        [
            _article("a", {"kzkstn", "jkslkv"}),
            _article("b", {"kzkstn", "jkslkv"}),
            _article("c", {"kzkstn", "nrlnv"}),
            _article("d", {"trzv"}),
        ]
    )
    assert stories.one_story("a", ["b"])
    assert not stories.one_story("a", ["c"])


def test_the_explanation_names_the_rule_that_joined_them(tmp_path):
    site = empty_registry_site(tmp_path, {"w_ru.md": WATER_RU, "w_en.md": WATER_EN})
    chronology = read_chronology(site)
    [event] = [e for e in chronology.timeline.events if e.span.edtf == "2026-09-01"]
    lines = explain_merge(
        chronology.documents, chronology.extractions, chronology.notes, chronology.timeline.actors, event.id
    )
    assert lines is not None and any(Rule.SAME_STORY.value in line for line in lines)


# The Russian report names the day and what happened in words the key-term table does not know
# (a test run); the English one names the same day. Their sentences share one town, not enough
# alone; their articles share both of the line's towns: one story, one day, one happening.
TEST_RUN_RU = """---
title: По новой железной дороге прошёл первый поезд
date: 2026-03-25
---
Во вторник, 24 марта, по линии Жезказган — Каражал впервые прошёл испытательный поезд.
Состав из шести вагонов преодолел 220 километров за четыре часа.
"""
TEST_RUN_EN = """---
title: First train runs on new line
date: 2026-03-26
---
A trial train travelled the new railway out of Zhezkazgan on 24 March.
The builders say the track held up well. The line will carry ore to Karazhal.
"""
# The same English report, but its article also tells of a second happening that day.
TEST_RUN_AND_FARES_EN = TEST_RUN_EN + (
    "\nAlso on 24 March, officials in Karazhal approved the fares passengers will pay on the line.\n"
)


def test_a_report_naming_no_kind_joins_the_day_of_its_story(tmp_path):
    site = empty_registry_site(tmp_path, {"t_ru.md": TEST_RUN_RU, "t_en.md": TEST_RUN_EN})
    chronology = read_chronology(site)
    assert _sources_on(chronology.timeline.events, "2026-03-24") == [{"t_ru", "t_en"}]
    [event] = [e for e in chronology.timeline.events if e.span.edtf == "2026-03-24"]
    lines = explain_merge(
        chronology.documents, chronology.extractions, chronology.notes, chronology.timeline.actors, event.id
    )
    assert lines is not None and any(Rule.SAME_STORY.value in line for line in lines)


def test_an_article_telling_of_two_happenings_that_day_needs_more_than_the_story(tmp_path):
    articles = {"t_ru.md": TEST_RUN_RU, "t_en.md": TEST_RUN_AND_FARES_EN}
    events = read_chronology(empty_registry_site(tmp_path, articles)).timeline.events
    assert {"t_ru", "t_en"} not in _sources_on(events, "2026-03-24")
