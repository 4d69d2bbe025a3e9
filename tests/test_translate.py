"""`timeline translate`: the titles a language lacks go to a translator as a PO file and come
back into content/translations/, which every build applies; `check` counts what is left."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sites import empty_registry_site
from sites import run_timeline as timeline

from generator.build import build_site

ARTICLES = {
    "dam_ru.txt": " date 2026-04-08 В Петропавловске прорвало дамбу\n\n"
    "8 апреля в Петропавловске прорвало защитную дамбу на реке Ишим.\n",
    "bridge_en.txt": " date 2026-05-20 Ishim bridge reopens in Petropavl\n\n"
    "The road bridge over the Ishim in Petropavl reopened on 20 May after repairs.\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return empty_registry_site(tmp_path / "site", ARTICLES)


def _catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _events(site: Path) -> dict[str, dict]:
    data = json.loads((build_site(site).output / "data" / "timeline.json").read_text("utf-8"))
    return {event["id"]: event for event in data["events"]}


def test_the_export_holds_every_title_a_language_lacks_with_its_source(site, tmp_path):
    done = timeline("translate", "--export", "kk", str(tmp_path / "kk.po"), cwd=site)
    assert done.returncode == 0, done.stderr
    entries = {m.context: m for m in _catalog(tmp_path / "kk.po") if m.id}
    assert set(entries) == {"dam_ru title", "bridge_en title"}
    assert entries["dam_ru title"].id == "В Петропавловске прорвало дамбу"
    assert "written in ru" in " ".join(entries["dam_ru title"].auto_comments)
    assert entries["bridge_en title"].id == "Ishim bridge reopens in Petropavl"


def test_imported_translations_are_the_titles_of_that_language(site, tmp_path):
    po = tmp_path / "kk.po"
    timeline("translate", "--export", "kk", str(po), cwd=site)
    text = po.read_text("utf-8").replace(
        'msgid "В Петропавловске прорвало дамбу"\nmsgstr ""',
        'msgid "В Петропавловске прорвало дамбу"\nmsgstr "Петропавлда бөген бұзылды"',
    )
    po.write_text(text, "utf-8")
    done = timeline("translate", "--import", "kk", str(po), cwd=site)
    assert done.returncode == 0 and "1 translation(s) added" in done.stdout, done.stdout + done.stderr
    assert (site / "content" / "translations" / "kk.po").is_file()
    events = _events(site)
    assert events["dam_ru"]["title"]["kk"] == "Петропавлда бөген бұзылды"
    assert events["dam_ru"]["title_from"]["kk"] == "translation"
    page = (site / "public" / "kk" / "events" / "dam_ru.html").read_text("utf-8")
    assert "<h1>Петропавлда бөген бұзылды</h1>" in page and "Title quoted from a source" not in page
    check = timeline("check", cwd=site)
    assert "untranslated into kk: 1 title(s)" in check.stdout  # the bridge is left
    again = timeline("translate", "--export", "kk", str(tmp_path / "again.po"), cwd=site)
    assert again.returncode == 0
    assert {m.context for m in _catalog(tmp_path / "again.po") if m.id} == {"bridge_en title"}


def test_a_translation_of_a_title_since_changed_is_not_shown_and_is_named(site, tmp_path):
    folder = site / "content" / "translations"
    folder.mkdir(parents=True)
    (folder / "kk.po").write_text(
        'msgctxt "dam_ru title"\nmsgid "Дамбу прорвало"\nmsgstr "Бөген бұзылды"\n', "utf-8"
    )
    report = build_site(site)
    assert "kk" not in next(e for e in report.timeline.events if e.id == "dam_ru").title
    assert any("kk.po:1" in w and "no longer «Дамбу прорвало»" in w for w in report.timeline.warnings)


def test_a_broken_catalog_is_named_with_its_line(site):
    folder = site / "content" / "translations"
    folder.mkdir(parents=True)
    (folder / "kk.po").write_text('msgctxt "dam_ru headline"\nmsgid "x"\nmsgstr "y"\n', "utf-8")
    done = timeline("build", cwd=site)
    assert done.returncode == 1 and "kk.po:1" in done.stderr and "msgctxt" in done.stderr
