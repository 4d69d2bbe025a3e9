"""Happenings of one story on consecutive days stay apart: the vote, the results announced the
next day, the complaint the day after (generator/merge/cluster.py: SAME_ARTICLE_OTHER_DAY,
BOTH_DAYS_TOLD). The articles are written for this test, in a site with an empty registry."""

from __future__ import annotations

from pathlib import Path

from sites import empty_registry_site

from generator.build import read_chronology

ARTICLES = {
    "r1_ru.md": """---
title: Жители Риддера проголосовали на местном референдуме
date: 2026-03-02
---
В воскресенье, 1 марта, жители Риддера проголосовали на местном референдуме о переименовании
центральной площади. Явка, по данным городской комиссии, превысила 40%.
""",
    "r2_en.md": """---
title: Ridder commission announces referendum results
date: 2026-03-03
---
On Monday, 2 March, the Ridder city commission announced the results of the referendum held the
day before: 58% of voters backed renaming the central square.
""",
    "r3_kk.md": """---
title: Риддерде референдум нәтижесіне шағым берілді
date: 2026-03-04
---
Риддер қалалық комиссиясына 3 наурызда референдум нәтижесіне шағым берілді. Бұған бір күн
бұрын комиссия референдум нәтижесін жариялаған еді.
""",
}


def test_a_vote_its_results_and_a_complaint_on_three_days_are_three_events(tmp_path: Path):
    events = read_chronology(empty_registry_site(tmp_path, ARTICLES)).timeline.events
    by_day = {e.span.edtf: {ref.source for ref in e.sources} for e in events}
    # The results article dates the vote to the day before its own news: two happenings.
    assert "r2_en" in by_day["2026-03-01"] and "r1_ru" in by_day["2026-03-01"]
    assert "r1_ru" not in by_day["2026-03-02"]
    # The complaint article names the results' day on its own: its complaint is not a slip of it.
    assert "r3_kk" in by_day["2026-03-03"]
    assert "r2_en" not in by_day["2026-03-03"]
    assert all(len([e for e in events if e.span.edtf == day]) == 1 for day in by_day)
    # A paragraph written over several lines is one sentence: the vote's evidence is whole, and
    # no title is its date alone («On Monday, 2 March»).
    vote = next(e for e in events if e.span.edtf == "2026-03-01")
    cited = next(ref for ref in vote.sources if ref.source == "r2_en")
    assert cited.date_text is not None and " ".join(cited.date_text.split()) == "the day before"
    assert "the day before: 58% of voters" in " ".join(cited.evidence.split())
    assert vote.title.get("en") != "On Monday, 2 March"
