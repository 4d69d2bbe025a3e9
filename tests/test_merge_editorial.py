"""Editorial decisions (content/decisions.toml): drop, move, split, merge, retitle and redate
extracted events by their stable ids; every mistake named with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sites import empty_registry_site

from generator.build import build_site
from generator.errors import ContentError, ContentErrors

ARTICLES = {
    "hearing_ru.txt": " date 2026-03-10 Суд в Алматы отложил слушание по делу «Нура»\n\n"
    "10 марта Медеуский районный суд Алматы отложил слушание по иску компании «Нур» к акимату.\n",
    "hearing_en.txt": " date 2026-03-10 Almaty court postpones Nur hearing\n\n"
    "On 10 March the Medeu district court in Almaty postponed the hearing of Nur's lawsuit.\n",
    "verdict_kk.txt": " date 2026-04-02 Сот «Нұр» компаниясының талабын қанағаттандырды\n\n"
    "2 сәуірде Алматының Медеу аудандық соты «Нұр» компаниясының әкімдікке қойған талабын "
    "қанағаттандырды.\n",
}
NOTE = """---
date: 2026-03-10
kind: occurred
title:
  ru: Слушание по делу «Нура» отложено
  en: The Nur hearing is postponed
sources: [hearing_ru, hearing_en]
---
Заметка редакции.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return empty_registry_site(tmp_path, ARTICLES)


def _add_note(site: Path) -> None:
    (site / "content" / "notes").mkdir()
    (site / "content" / "notes" / "nur-hearing.md").write_text(NOTE, "utf-8")


def _decide(site: Path, text: str) -> None:
    (site / "content" / "decisions.toml").write_text(text, "utf-8")


def _data(site: Path) -> dict:
    report = build_site(site)
    return json.loads((report.output / "data" / "timeline.json").read_text("utf-8"))


def _events(data: dict) -> dict[str, dict]:
    return {event["id"]: event for event in data["events"]}


def _sources(event: dict) -> set[str]:
    return {ref["source"] for ref in event["sources"]}


def _errors(site: Path) -> list[ContentError]:
    with pytest.raises((ContentError, ContentErrors)) as failure:
        build_site(site)
    error = failure.value
    return error.errors if isinstance(error, ContentErrors) else [error]


def test_without_decisions_the_two_hearing_reports_are_one_event_and_the_verdict_another(site):
    events = _events(_data(site))
    assert _sources(events["hearing_en"]) == {"hearing_ru", "hearing_en"}
    assert _sources(events["verdict_kk"]) == {"verdict_kk"}


def test_a_dropped_event_leaves_the_chronology_and_is_kept_with_its_sources_and_reason(site):
    _decide(site, '[[drop]]\nevent = "verdict_kk"\nwhy = "not about this story"\n')
    data = _data(site)
    assert "verdict_kk" not in _events(data)
    assert data["dropped"] == [
        {
            "id": "verdict_kk",
            "sources": ["verdict_kk"],
            "decision": {"action": "drop", "at": "decisions.toml:1", "why": "not about this story"},
        }
    ]
    assert not (site / "public" / "ru" / "events" / "verdict_kk.html").exists()


def test_a_split_gives_the_named_sources_an_event_apart_and_keeps_the_first_id(site):
    _decide(
        site,
        "# the Russian report is of another sitting\n"
        '[[split]]\nevent = "hearing_en"\nsources = ["hearing_ru"]\n',
    )
    events = _events(_data(site))
    assert _sources(events["hearing_en"]) == {"hearing_en"}
    assert _sources(events["hearing_ru"]) == {"hearing_ru"}  # the id its own first report gives
    assert [d["at"] for d in events["hearing_ru"]["decisions"]] == ["decisions.toml:2"]


def test_a_split_off_event_may_be_named_and_then_retitled_by_that_name(site):
    _decide(
        site,
        '[[split]]\nevent = "hearing_en"\nsources = ["hearing_ru"]\nid = "second-sitting"\n\n'
        '[[retitle]]\nevent = "second-sitting"\ntitle = { kk = "Екінші отырыс" }\n',
    )
    events = _events(_data(site))
    assert events["second-sitting"]["title"]["kk"] == "Екінші отырыс"
    assert events["second-sitting"]["title_from"]["kk"] == "editor"


def test_a_moved_report_leaves_one_event_for_another(site):
    _decide(site, '[[move]]\nsource = "hearing_ru"\nfrom = "hearing_en"\nto = "verdict_kk"\n')
    events = _events(_data(site))
    assert _sources(events["hearing_en"]) == {"hearing_en"}
    assert _sources(events["verdict_kk"]) == {"verdict_kk", "hearing_ru"}


def test_merged_events_become_the_first_one(site):
    _decide(site, '[[merge]]\nevents = ["hearing_en", "verdict_kk"]\nwhy = "one court case"\n')
    events = _events(_data(site))
    assert "verdict_kk" not in events
    assert _sources(events["hearing_en"]) == {"hearing_ru", "hearing_en", "verdict_kk"}
    assert events["hearing_en"]["decisions"][-1] == {
        "action": "merge",
        "at": "decisions.toml:1",
        "why": "one court case",
    }


def test_a_retitled_and_redated_event_shows_the_editors_result(site):
    _decide(
        site,
        '[[retitle]]\nevent = "verdict_kk"\ntitle = { ru = "Суд удовлетворил иск «Нура»" }\n\n'
        '[[redate]]\nevent = "verdict_kk"\ndate = "2026-04"\n',
    )
    data = _data(site)
    verdict = _events(data)["verdict_kk"]
    assert verdict["title"]["ru"] == "Суд удовлетворил иск «Нура»"
    assert verdict["date"]["edtf"] == "2026-04" and "decisions.toml:5" in verdict["date_reason"]
    page = (site / "public" / "ru" / "events" / "verdict_kk.html").read_text("utf-8")
    assert "Суд удовлетворил иск «Нура»" in page and "апрель 2026" in page.lower()
    assert "Title quoted from a source" not in page and "Заголовок взят из источника" not in page


def test_decisions_survive_a_rewritten_article(site):
    _decide(site, '[[retitle]]\nevent = "verdict_kk"\ntitle = { ru = "Суд удовлетворил иск" }\n')
    _data(site)
    article = site / "content" / "articles" / "verdict_kk.txt"
    article.write_text(article.read_text("utf-8") + "\nШешімге шағым түсіруге болады.\n", "utf-8")
    assert _events(_data(site))["verdict_kk"]["title"]["ru"] == "Суд удовлетворил иск"


def test_every_mistake_of_the_file_is_named_with_its_line_and_fix(site):
    _decide(
        site,
        '[[drop]]\nevent = "verdict-kk"\n\n'  # line 1: a misspelt id
        '[[move]]\nsource = "hearing_fr"\nfrom = "hearing_en"\nto = "verdict_kk"\n\n'  # line 4
        '[[retitle]]\nevent = "verdict_kk"\ntitel = { ru = "x" }\n\n'  # line 9: a misspelt key
        '[[dorp]]\nevent = "verdict_kk"\n',  # line 13: a misspelt action
    )
    errors = sorted(_errors(site), key=lambda e: e.line or 0)
    assert [(Path(e.path).name, e.line) for e in errors] == [
        ("decisions.toml", 4),
        ("decisions.toml", 9),
        ("decisions.toml", 13),
    ]
    assert "hearing_fr" in errors[0].message and "did you mean 'hearing_ru'" in errors[0].fix
    assert "titel" in errors[1].message and "did you mean 'title'" in errors[1].fix
    assert "dorp" in errors[2].message and "did you mean 'drop'" in errors[2].fix
    _decide(site, '[[drop]]\nevent = "verdict-kk"\n')
    [error] = _errors(site)
    assert error.line == 1 and "did you mean 'verdict_kk'" in error.fix


def test_a_notes_event_is_changed_by_its_note_not_by_a_decision(site):
    _add_note(site)
    assert _sources(_events(_data(site))["nur-hearing"]) == {"hearing_ru", "hearing_en"}
    _decide(site, '[[drop]]\nevent = "nur-hearing"\n')
    [error] = _errors(site)
    assert "nur-hearing.md" in error.message and "delete the note" in error.fix
    _decide(site, '[[split]]\nevent = "nur-hearing"\nsources = ["hearing_ru"]\n')
    [error] = _errors(site)
    assert "sources: list" in error.fix
    # A report may still join the note's event.
    _decide(site, '[[merge]]\nevents = ["nur-hearing", "verdict_kk"]\n')
    assert _sources(_events(_data(site))["nur-hearing"]) == {"hearing_ru", "hearing_en", "verdict_kk"}


def test_a_refused_decision_leaves_the_published_site_as_it_was(site):
    build_site(site)
    page = site / "public" / "ru" / "index.html"
    before = page.read_bytes()
    _decide(site, '[[merge]]\nevents = ["hearing_en"]\n')
    [error] = _errors(site)
    assert error.line == 1 and "two events" in error.message
    assert page.read_bytes() == before


def test_a_merged_away_event_keeps_its_address_as_a_redirect(site):
    _decide(site, '[[merge]]\nevents = ["hearing_en", "verdict_kk"]\n')
    data = _data(site)
    assert _events(data)["hearing_en"]["aliases"] == ["verdict_kk"]
    for lang in ("ru", "kk", "en"):
        moved = (site / "public" / lang / "events" / "verdict_kk.html").read_text("utf-8")
        assert '<meta http-equiv="refresh" content="0; url=hearing_en.html">' in moved
        assert '<a href="hearing_en.html">' in moved and '<meta name="robots" content="noindex">' in moved


def test_a_notes_aliases_are_its_old_addresses_and_may_not_hide_another_event(site):
    _add_note(site)
    note = site / "content" / "notes" / "nur-hearing.md"
    note.write_text(NOTE.replace("kind: occurred", "kind: occurred\naliases: [nur-court-hearing]"), "utf-8")
    moved = (build_site(site).output / "ru" / "events" / "nur-court-hearing.html").read_text("utf-8")
    assert 'url=nur-hearing.html"' in moved and "Слушание по делу «Нура» отложено" in moved
    note.write_text(NOTE.replace("kind: occurred", "kind: occurred\naliases: [verdict_kk]"), "utf-8")
    [error] = _errors(site)
    assert Path(error.path) == note and "verdict_kk" in error.message and "aliases" in error.fix
