"""A story the registry knows nothing of: discovered names, kinds of any beat, titles, check.

The fixture (tests/fixtures/merge/new_story/) is a trial in Pavlodar told in Russian, English,
Kazakh and Kazakh in the Latin alphabet, in a site whose `content/actors.toml` is empty, as a
journalist starting a chronology would have it. What each test expects is read off the texts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sites import empty_registry_site

from generator.build import read_chronology
from generator.merge.titles import concise

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "merge" / "new_story"


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    return empty_registry_site(tmp_path_factory.mktemp("new-story"), FIXTURE)


@pytest.fixture(scope="module")
def events(new_site):
    return read_chronology(new_site).timeline.events


def sources(event) -> set[str]:
    return {ref.source for ref in event.sources}


def test_one_trial_opening_reported_in_three_languages_is_one_event(events):
    opening = [e for e in events if e.span.edtf == "2026-09-17"]
    assert [sources(e) for e in opening] == [{"700_ru", "701_en", "702_kk"}]


def test_the_verdict_in_russian_and_latin_kazakh_is_one_event_and_the_arrest_that_day_another(events):
    that_day = [e for e in events if e.span.edtf == "2026-10-29"]  # 705 counts from it, below
    assert sorted(sorted(sources(e)) for e in that_day) == [["703_kk", "704_ru"], ["704_ru"]]


def test_a_day_counted_from_another_happening_is_dated_through_its_event(events):
    # 705: "filed an appeal a week after the verdict"; 703 and 704 date the verdict 29 October.
    appeal = next(e for e in events if sources(e) == {"705_en"})
    assert appeal.span.edtf == "2026-11-05"
    assert appeal.sources[0].date_text == "a week after the verdict"
    assert "anchored: +7 day(s) from «the verdict», dated 2026-10-29" in appeal.sources[0].rule


def test_no_event_from_a_timestamp_or_a_since_when(events):
    assert len(events) == 4  # the opening, the verdict, the arrest, the appeal
    assert not [e for e in events if e.span.edtf == "2026-09-18"]  # 700's timestamp line


def test_titles_are_the_headlines_in_each_language(events):
    opening = next(e for e in events if e.span.edtf == "2026-09-17")
    assert opening.title == {
        "ru": "В Павлодаре начался суд над бывшим главой «Ертіс Жол»",
        "en": "Trial of former Ertis Zhol chief opens in Pavlodar",
        "kk": "Нұрлан Омаровтың ісі бойынша сот басталды",
    }
    arrest = next(e for e in events if sources(e) == {"704_ru"})
    assert arrest.title["ru"].startswith("В Астане антикоррупционная служба задержала")
    assert len(arrest.title["ru"]) <= 100


@pytest.mark.parametrize(
    ("clause", "language", "title"),
    [
        ("Напомним, аппарат был запущен с Байконура 14 мая.", "ru", "Аппарат был запущен с Байконура 14 мая"),
        ("Как сообщает Kazinform, суд вынес приговор 14 марта.", "ru", "Суд вынес приговор 14 марта"),
        (
            "Earlier, the court set the hearing for March 3, the ministry said.",
            "en",
            "The court set the hearing for March 3",
        ),
        ("Бұған дейін ұшыру 2 сәуірге жоспарланған болатын.", "kk", "Ұшыру 2 сәуірге жоспарланған болатын"),
        (
            "Also on Sunday, the transport police detained the train dispatcher.",
            "en",
            "On Sunday, the transport police detained the train dispatcher",
        ),
        ("Еске салсақ, пойыз 14 наурызда рельстен шықты.", "kk", "Пойыз 14 наурызда рельстен шықты"),
    ],
)
def test_a_clause_made_headline_loses_its_openers_and_attribution(clause, language, title):
    assert concise(clause, language) == title


def test_a_clause_of_a_few_words_makes_no_headline():
    assert concise("Как сообщает Kazinform, суд.", "ru") is None


def check(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--site", str(site), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_proposes_a_name_several_articles_give_with_the_table_to_paste(new_site):
    done = check(new_site, "--json")
    assert done.returncode == 0
    names = [f for f in json.loads(done.stdout)["attention"] if f["kind"] == "name"]
    omarov = next(f for f in names if "Омаров" in f["subject"])
    assert 'type = "person"' in omarov["message"] and "names = {" in omarov["message"]
    assert not [f for f in names if f["subject"] in ("Kazinform", "Reuters")]  # outlets are media


def test_check_explain_names_the_rule_that_joined_each_report(new_site):
    done = check(new_site, "--explain", "702_kk")
    assert done.returncode == 0, done.stderr
    assert "→ event" in done.stdout
    assert "joined: same days and enough in common" in done.stdout or "started the event" in done.stdout
    events = read_chronology(new_site).timeline.events
    opening = next(e for e in events if e.span.edtf == "2026-09-17")
    explained = check(new_site, "--explain", opening.id).stdout
    assert explained.count("joined: same days and enough in common") == 2  # two reports joined the first


def test_check_explain_of_an_unknown_id_names_the_fix(new_site):
    done = check(new_site, "--explain", "no-such-thing")
    assert done.returncode == 1
    assert "neither an event id nor a source id" in done.stderr and "fix:" in done.stderr


# --- a site's own key terms ---------------------------------------------------------------------


def test_a_site_adds_a_kind_of_happening_in_content_concepts_toml(new_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(new_site, site)
    shutil.rmtree(site / ".timeline-cache", ignore_errors=True)
    articles = site / "content" / "articles"
    for name, text in {
        "800_ru.txt": " date 2026-12-02 Итоги олимпиады\nОлимпиаду школьников Павлодара провели 1 декабря.\n",
        "801_en.txt": " date 2026-12-02 Pavlodar pupils compete\n"
        "The Pavlodar school olympiad was held on 1 December.\n",
    }.items():
        (articles / name).write_text(text, "utf-8")
    before = [e for e in read_chronology(site).timeline.events if e.span.edtf == "2026-12-01"]
    assert sorted(sorted(sources(e)) for e in before) == [["800_ru"], ["801_en"]]  # no kind in common
    (site / "content" / "concepts.toml").write_text(
        '[olympiad]\nclass = "occurrence"\nru = ["олимпиад"]\nkk = ["олимпиада"]\nen = ["olympiad"]\n',
        "utf-8",
    )
    after = [e for e in read_chronology(site).timeline.events if e.span.edtf == "2026-12-01"]
    assert [sources(e) for e in after] == [{"800_ru", "801_en"}]


def test_a_mistake_in_content_concepts_toml_names_the_line_and_the_fix(new_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(new_site, site)
    (site / "content" / "concepts.toml").write_text(
        '# my terms\n\n[olympiad]\nclass = "contest"\nen = ["olympiad"]\n', "utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site", str(site)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "concepts.toml:3: [olympiad]" in done.stderr and "class 'contest' is unknown" in done.stderr
    assert "fix: use one of gathering, document, occurrence" in done.stderr


def test_names_the_registry_lacks_are_listed_once_per_person_in_each_language(events):
    [opening] = [e for e in events if e.span.edtf == "2026-09-17"]
    omarov = [n for n in opening.named if n.names.get("en") == "Nurlan Omarov"]
    # One person in three languages, in the dictionary form («Нурлана Омарова» is a man's genitive).
    assert [n.names for n in omarov] == [
        {"en": "Nurlan Omarov", "kk": "Нұрлан Омаров", "ru": "Нурлан Омаров"}
    ]
    assert set(omarov[0].sources) == {"700_ru", "701_en", "702_kk"}
    later = next(e for e in events if "703_kk" in sources(e))
    # A Kazakh Latin dative («Nūrlan Omarovqa») is the name without its ending.
    assert all(not name.endswith("qa") for n in later.named for name in n.names.values())


def test_event_pages_and_timeline_json_show_the_discovered_names(new_site, tmp_path):
    from generator.build import build_site

    site = tmp_path / "site"
    shutil.copytree(new_site, site)
    build_site(site, tmp_path / "public")
    data = json.loads((tmp_path / "public" / "data" / "timeline.json").read_text("utf-8"))
    opening = next(e for e in data["events"] if e["date"]["edtf"] == "2026-09-17")
    assert {"ru": "Нурлан Омаров", "kk": "Нұрлан Омаров", "en": "Nurlan Omarov"} in [
        n["names"] for n in opening["named"]
    ]
    page = tmp_path / "public" / "kk" / "events" / f"{opening['id']}.html"
    html = page.read_text("utf-8")
    assert "Сондай-ақ аталғандар" in html and "Нұрлан Омаров" in html


def test_every_misspelt_key_of_content_concepts_toml_is_named_with_the_key_meant(new_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(new_site, site)
    (site / "content" / "concepts.toml").write_text(
        '[olympiad]\nclass = "occurrence"\nen = ["olympiad"]\nbroder = "meeting"\n\n'
        '[regatta]\nclass = "occurrence"\nnto = ["regatta club"]\n',
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site", str(site)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "concepts.toml:4: unknown key 'broder' in [olympiad]" in done.stderr
    assert "did you mean 'broader'?" in done.stderr
    assert (
        "concepts.toml:8: unknown key 'nto' in [regatta]" in done.stderr
        and "did you mean 'not'?" in done.stderr
    )
