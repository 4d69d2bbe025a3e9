"""«Во втором полуфинале», "in the other semifinal": an article that tells of a second happening
of the kind it just reported gives two events, not one (rule ANOTHER_OF_ITS_KIND)."""

from __future__ import annotations

import pytest
from sites import empty_registry_site

from generator.build import read_chronology

ARTICLES = {
    "ru": " date 2026-05-21 Казахстан вышел в финал\n\n"
    "20 мая в Астане сборная Казахстана обыграла Таджикистан в полуфинале со счётом 2:1.\n\n"
    "В тот же день во втором полуфинале Узбекистан в Караганде обыграл Кыргызстан по пенальти.\n",
    "en": " date 2026-05-21 Kazakhstan reach the final\n\n"
    "Kazakhstan beat Tajikistan 2-1 in the semifinal in Astana on 20 May.\n\n"
    "The same day, in the other semifinal, Uzbekistan beat Kyrgyzstan on penalties in Karaganda.\n",
    "kk": " date 2026-05-21 Қазақстан финалға шықты\n\n"
    "20 мамырда Астанада Қазақстан құрамасы жартылай финалда Тәжікстанды 2:1 есебімен жеңді.\n\n"
    "Сол күні Қарағандыда өткен екінші жартылай финалда Өзбекстан Қырғызстанды пенальтимен жеңді.\n",
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_the_second_semifinal_of_an_article_is_an_event_of_its_own(tmp_path, language):
    site = empty_registry_site(tmp_path, {f"cup_{language}.txt": ARTICLES[language]})
    chronology = read_chronology(site)
    [extraction] = chronology.extractions.values()
    assert [m.another for m in extraction.mentions if m.when.edtf == "2026-05-20"] == [False, True]
    days = [event.span.edtf for event in chronology.timeline.events]
    assert days.count("2026-05-20") == 2


def test_a_plain_second_mention_of_the_same_semifinal_still_joins(tmp_path):
    article = (
        " date 2026-05-21 Kazakhstan reach the final\n\n"
        "Kazakhstan beat Tajikistan 2-1 in the semifinal in Astana on 20 May.\n\n"
        "The semifinal on 20 May drew 28,000 fans to the Astana Arena.\n"
    )
    chronology = read_chronology(empty_registry_site(tmp_path, {"cup_en.txt": article}))
    assert [event.span.edtf for event in chronology.timeline.events].count("2026-05-20") == 1
