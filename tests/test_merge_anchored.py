# ruff: noqa: E501 (articles are prose, one paragraph per line)
"""Days counted from another happening (generator/merge/anchored.py, and where extraction finds
them): the article's own sentence about that happening dates it, a narrower kind comes before
a broader one, and a sentence that names its day itself is not counted at all."""

from __future__ import annotations

import pytest
from sites import empty_registry_site

from generator.build import read_chronology

ARTICLES = {
    # A hearing on 3 March and a verdict on 24 March, each reported in Russian.
    "800_ru.md": """---
title: В Костанае начался суд над бывшим директором элеватора Муратом Абеновым
date: 2026-03-03
---
Процесс над Муратом Абеновым, бывшим директором элеватора «Астық Қоймасы», начался во вторник, 3 марта, в Костанае. Абенов свою вину в растрате не признал.
""",
    "801_ru.md": """---
title: Мурата Абенова приговорили к пяти годам лишения свободы
date: 2026-03-24
---
Суд в Костанае 24 марта приговорил бывшего директора элеватора «Астық Қоймасы» Мурата Абенова к пяти годам лишения свободы за растрату.
""",
    # The Latin Kazakh article names the verdict's day itself and counts the appeal from it.
    "802_kkl.md": """---
title: Abenovtıñ qorğauşysy ükımge şağym berdı
date: 2026-04-01
---
Qostanaidağy «Astyq Qoimasy» elevatorynyñ būrynğy direktory Mūrat Abenovtıñ advokaty ükımge apelliasialyq şağym berdı. Şağym ükım oqylğannan keiın bır aptadan soñ oblystyq sotqa tapsyryldy.

Eske salsaq, 24 nauryzda sot Abenovtı 5 jylğa bas bostandyğynan aiyrğan edı.
""",
    # «т. е. через две недели после аварии» restates the day the sentence names.
    "803_ru.md": """---
title: Движение по мосту через Тобол возобновили
date: 2026-04-05
---
Авария на мосту через Тобол у села Заречное произошла 14 марта: обрушилась опора, пострадавших нет.

Движение по мосту возобновили 28 марта, т. е. ровно через две недели после аварии, сообщили в акимате Костанайской области.
""",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    site = empty_registry_site(tmp_path_factory.mktemp("anchored"), ARTICLES)
    return read_chronology(site).timeline.events


def _sources_on(events, day: str) -> list[set[str]]:
    return [{ref.source for ref in e.sources} for e in events if e.span.edtf == day]


def test_a_week_after_the_verdict_counts_from_the_verdict_not_the_hearing(events):
    # 802 reports the verdict itself (24 March); the hearing of 3 March is a broader kind.
    assert {"802_kkl"} in _sources_on(events, "2026-03-31")
    assert not _sources_on(events, "2026-03-10")


def test_the_articles_own_report_of_the_verdict_joins_the_verdict(events):
    assert _sources_on(events, "2026-03-24") == [{"801_ru", "802_kkl"}]


def test_a_sentence_that_names_its_day_is_not_counted_again(events):
    assert _sources_on(events, "2026-03-28") == [{"803_ru"}]
    # Counted from the collapse (14 March) the words would give the 28th too, and from no
    # other event: nothing else in the article's days is dated by them.
    assert all("anchored" not in ref.rule for e in events for ref in e.sources if ref.source == "803_ru")
