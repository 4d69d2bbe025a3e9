"""End to end: `content/` of the example site becomes the bilingual static site a reader opens."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pages import Page

from generator.build import build_site
from generator.errors import ContentErrors

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p.stem for p in (ROOT / "content" / "articles").glob("*.txt"))
PRECISIONS = {"day", "week", "month", "part_of_month", "season", "year"}


@pytest.fixture(scope="module")
def public(example_build) -> Path:
    return example_build.output


def test_every_page_exists_in_both_languages(public, example_build):
    events = example_build.timeline.events
    assert len(events) >= 6
    for language in ("ru", "kk"):
        assert (public / language / "index.html").is_file()
        assert (public / language / "sources" / "index.html").is_file()
        assert (public / language / "about.html").is_file()
        for event in events:
            assert (public / language / "events" / f"{event.id}.html").is_file()
        for source in SEEDS:
            assert (public / language / "sources" / f"{source}.html").is_file()


def test_root_index_leads_to_default_language(public):
    root = Page(public / "index.html")
    refresh = root.find_all("meta", **{"http-equiv": "refresh"})
    assert refresh and refresh[0]["content"].endswith("url=ru/index.html")
    assert {a["href"] for a in root.find_all("a")} == {"ru/index.html", "kk/index.html"}


def test_kazakh_pages_speak_kazakh(public):
    for path in [public / "kk" / "index.html", *sorted((public / "kk" / "events").glob("*.html"))]:
        page = Page(path)
        assert page.lang == "kk"
        assert "Мазмұнға өту" in page.text  # skip link
        assert "Дереккөздер" in page.text  # "Sources" in the navigation
        assert "Источники" not in page.text


def test_russian_index_lists_seed_events_in_order_with_locale_dates(public):
    page = Page(public / "ru" / "index.html")
    assert page.lang == "ru"
    datetimes = [t["datetime"] for t in page.find_all("time")]
    assert datetimes == sorted(datetimes, key=lambda d: tuple(int(x) for x in d.split("-")))
    # The memorandum (source 003) and the ministerial (000, 001, 002) at their dates, in Russian.
    assert "6 ноября 2025 г." in page.text
    assert "4 февраля 2026 г." in page.text
    assert "март 2023 г." in page.text  # month precision: no invented day
    assert "4 источника" in page.text
    assert {a["title"] for a in page.find_all("abbr")} == {"русский", "казахский"}


def test_kazakh_index_uses_kazakh_dates(public):
    page = Page(public / "kk" / "index.html")
    assert "2025 ж. 6 қараша" in page.text
    assert "2023 ж. наурыз" in page.text
    assert "4 дереккөз" in page.text
    assert {a["title"] for a in page.find_all("abbr")} == {"орыс тілі", "қазақ тілі"}


def test_language_switcher_lands_on_the_same_page(public, example_build):
    for event in example_build.timeline.events:
        for here, there in (("ru", "kk"), ("kk", "ru")):
            page = Page(public / here / "events" / f"{event.id}.html")
            links = page.find_all("a", hreflang=there)
            assert links, f"no link to {there} on {page.path}"
            target = page.resolve(links[0]["href"])
            assert target == (public / there / "events" / f"{event.id}.html").resolve()
            assert Page(target).lang == there


def test_russian_text_on_a_kazakh_page_is_marked(public):
    page = Page(public / "kk" / "events" / "2025-11-06-kz-us-critical-minerals-mou.html")
    russian_links = [a for a in page.find_all("a", lang="ru") if "sources/" in a["href"]]
    assert russian_links, "Russian source titles must carry lang=ru"
    assert "орысша" in page.text


def test_timeline_json_follows_the_contract(public):
    data = json.loads((public / "data" / "timeline.json").read_text("utf-8"))
    assert data["languages"] == ["ru", "kk"]
    source_ids = {source["id"] for source in data["sources"]}
    assert source_ids == set(SEEDS)
    for source in data["sources"]:
        assert {"id", "language", "published", "title", "path"} <= set(source)
        assert (ROOT / source["path"]).is_file()
    actor_ids = {actor["id"] for actor in data["actors"]}
    assert len(actor_ids) >= 45
    for actor in data["actors"]:
        assert actor["type"] in {"person", "country", "org", "place"}
        assert {"ru", "kk", "en"} <= set(actor["names"])
    for event in data["events"]:
        assert {"id", "date", "kind", "title", "actors", "sources"} <= set(event)
        date = event["date"]
        assert {"edtf", "start", "end", "precision", "qualifier"} <= set(date)
        assert date["precision"] in PRECISIONS
        assert date["qualifier"] in {None, "approximate", "before", "after"}
        assert date["start"] <= date["end"]
        assert event["kind"] in {"occurred", "planned", "target"}
        assert set(event["actors"]) <= actor_ids
        for ref in event["sources"]:
            assert {"source", "language", "evidence", "date_text"} <= set(ref)
            assert ref["source"] in source_ids
    by_id = {event["id"]: event for event in data["events"]}
    mou = by_id["2025-11-06-kz-us-critical-minerals-mou"]
    assert mou["date"]["edtf"] == "2025-11-06"
    assert {"kazakhstan", "usa", "tokayev"} <= set(mou["actors"])
    assert "003_7f436facd6af26cd" in {ref["source"] for ref in mou["sources"]}
    g20 = by_id["g20-miami-summit"]
    assert (g20["kind"], g20["date"]["precision"], g20["date"]["edtf"]) == ("planned", "month", "2026-12")


def test_two_builds_are_byte_identical(site_copy, tmp_path):
    first = build_site(site_copy, tmp_path / "one").output
    second = build_site(site_copy, tmp_path / "two").output
    assert _digest(first) == _digest(second)


def test_a_broken_note_fails_the_build_and_leaves_public_untouched(site_copy):
    build_site(site_copy)
    before = _digest(site_copy / "public")
    note = site_copy / "content" / "notes" / "2024-uk-kz-strategic-partnership.md"
    note.write_text(note.read_text("utf-8").replace('date = "2024"', 'date = "2024-13"'), "utf-8")
    with pytest.raises(ContentErrors) as failure:
        build_site(site_copy)
    message = str(failure.value)
    assert "2024-uk-kz-strategic-partnership.md:2:" in message
    assert "fix:" in message
    assert _digest(site_copy / "public") == before


def test_output_folder_with_foreign_files_is_never_replaced(site_copy):
    precious = site_copy / "drafts"
    precious.mkdir()
    (precious / "my-notes.txt").write_text("do not delete", "utf-8")
    with pytest.raises(Exception, match="refusing to replace"):
        build_site(site_copy, precious)
    assert (precious / "my-notes.txt").read_text("utf-8") == "do not delete"


def test_cli_build_reports_errors_with_file_line_and_fix(site_copy):
    (site_copy / "content" / "notes" / "bad.md").write_text(
        "---\ndate: 2025-11-06\ntitle: [unclosed\n---\n", "utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site", str(site_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "bad.md:" in result.stderr
    assert "fix:" in result.stderr
    assert not (site_copy / "public").exists()


def test_cli_build_help_explains_options():
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--help"], capture_output=True, text=True, check=True
    )
    for option in ("--site", "--output", "--quiet"):
        assert option in result.stdout
    assert "atomically" in result.stdout


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_seed_articles_are_imported_unchanged():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for seed in sorted(shared.glob("*.txt")):
        assert (ROOT / "content" / "articles" / seed.name).read_bytes() == seed.read_bytes()


def test_with_a_memory_the_changed_pages_are_written_before_the_search_index(site_copy):
    """`timeline serve` reloads the open page as soon as its page is written; the search index and
    the exports, which read the whole site, follow in the same build."""
    from generator.build import BuildMemory

    memory = BuildMemory()
    public = site_copy / "public"
    build_site(site_copy, memory=memory)
    note = site_copy / "content/notes/2026-02-04-critical-minerals-ministerial.md"
    note.write_text(note.read_text("utf-8").replace("прошла первая", "состоялась первая", 1), "utf-8")
    export_before = (public / "data/timeline.json").read_bytes()
    seen: dict[str, object] = {}

    def pages_written(changed: list[str], removed: list[str]) -> None:
        seen["changed"] = changed
        seen["page"] = (public / "ru/index.html").read_text("utf-8")
        seen["export"] = (public / "data/timeline.json").read_bytes()

    report = build_site(site_copy, memory=memory, pages_written=pages_written)
    assert "ru/index.html" in seen["changed"] and "состоялась первая" in seen["page"]
    assert not any(path.startswith(("pagefind/", "data/")) for path in seen["changed"])
    assert seen["export"] == export_before  # not yet written when the reload goes out
    assert "состоялась первая" in (public / "data/timeline.json").read_text("utf-8")
    assert any(path.startswith("pagefind/") for path in report.changed)
    fresh = site_copy.parent / "fresh"
    build_site(site_copy, fresh)
    assert _tree(public) == _tree(fresh)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
