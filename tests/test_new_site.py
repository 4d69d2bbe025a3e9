"""`timeline new`: a site that builds at once from the built-in theme, overridden file by file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sites import append_to_site_file, edit_site_file
from sites import run_timeline as timeline

from generator.build import build_site
from generator.theme import ASSETS_DIR


def _events(public: Path) -> list[dict]:
    return json.loads((public / "data" / "timeline.json").read_text("utf-8"))["events"]


def test_a_new_site_builds_at_once_without_templates_or_assets_of_its_own(tmp_path):
    made = timeline("new", "chronology", "--languages", "ru,kk,en", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "chronology"
    assert not (site / "templates").exists() and not (site / "assets").exists()
    assert timeline("check", cwd=site).returncode == 0
    built = timeline("build", cwd=site)
    assert built.returncode == 0, built.stderr
    public = site / "public"
    assert (public / "assets" / "style.css").read_bytes() == (ASSETS_DIR / "style.css").read_bytes()
    for lang in ("ru", "kk", "en"):
        page = (public / lang / "index.html").read_text("utf-8")
        assert "assets/style.css" in page and (public / lang / "about.html").is_file()
    # The three example articles tell of one happening, which the example note claims.
    [event] = _events(public)
    assert {ref["source"] for ref in event["sources"]} == {"example_ru", "example_kk", "example_en"}
    assert event["title"] == {
        "ru": "Редакция начала хронику",
        "kk": "Редакция хрониканы жүргізе бастады",
        "en": "The editors started a chronology",
    }


def test_a_new_site_has_the_languages_and_title_asked_for(tmp_path):
    made = timeline("new", "elections", "--languages", "kk,ru", "--title", "Сайлау 2026", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "elections"
    config = (site / "site.toml").read_text("utf-8")
    assert 'languages = ["kk", "ru"]' in config and 'default_language = "kk"' in config
    assert 'kk = "Сайлау 2026"' in config and "en =" not in config
    articles = sorted(p.name for p in (site / "content" / "articles").iterdir())
    assert articles == ["example_kk.txt", "example_ru.txt"]
    assert not list(site.rglob("*.en.md"))
    report = build_site(site)
    assert sorted(p.name for p in report.output.iterdir() if p.is_dir() and len(p.name) == 2) == ["kk", "ru"]
    assert "<title>Сайлау 2026</title>" in (report.output / "kk" / "index.html").read_text("utf-8")


def test_a_folder_that_holds_anything_is_left_alone(tmp_path):
    site = tmp_path / "mine"
    site.mkdir()
    (site / "notes.txt").write_text("my own words", "utf-8")
    refused = timeline("new", "mine", cwd=tmp_path)
    assert refused.returncode == 1 and "not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert [p.name for p in site.iterdir()] == ["notes.txt"]
    assert (site / "notes.txt").read_text("utf-8") == "my own words"


@pytest.mark.parametrize("languages", ["ru,de", "ru,ru", ""])
def test_an_unknown_language_is_refused_and_nothing_is_made(tmp_path, languages):
    refused = timeline("new", "site", "--languages", languages, cwd=tmp_path)
    assert refused.returncode == 1 and "--languages" in refused.stderr and "fix:" in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_sites_own_templates_and_assets_override_the_theme_file_by_file(tmp_path):
    assert timeline("new", "site", cwd=tmp_path).returncode == 0
    site = tmp_path / "site"
    (site / "templates").mkdir()
    (site / "templates" / "footer.html").write_text('<p class="credit">Редакция «Север»</p>\n', "utf-8")
    append_to_site_file(site, "assets/style.css", "\n.credit { font-weight: 700; }\n")
    (site / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', "utf-8")
    report = build_site(site)
    page = (report.output / "ru" / "index.html").read_text("utf-8")
    assert '<p class="credit">Редакция «Север»</p>' in page and "<footer" in page  # base.html is the theme's
    style = (report.output / "assets" / "style.css").read_text("utf-8")
    assert style.endswith(".credit { font-weight: 700; }\n")
    assert (report.output / "assets" / "logo.svg").is_file()
    assert (report.output / "assets" / "search.js").read_bytes() == (ASSETS_DIR / "search.js").read_bytes()


def test_a_sites_own_catalog_overrides_the_theme_interface_text(tmp_path):
    assert timeline("new", "site", cwd=tmp_path).returncode == 0
    site = tmp_path / "site"
    edit_site_file(
        site, "templates/locale/kk.po", 'msgid "Search"\nmsgstr "Іздеу"', 'msgid "Search"\nmsgstr "Табу"'
    )
    page = (build_site(site).output / "kk" / "search.html").read_text("utf-8")
    assert "<title>Табу" in page and "Тақырыптар" in page


def test_the_example_site_overrides_the_theme_with_its_own_footer_and_icon(example_build):
    page = (example_build.output / "ru" / "index.html").read_text("utf-8")
    assert "Пример хроники: пять новостных статей" in page
    icon = (example_build.output / "assets" / "favicon.svg").read_bytes()
    assert icon == (Path(__file__).resolve().parent.parent / "assets" / "favicon.svg").read_bytes()
    assert icon != (ASSETS_DIR / "favicon.svg").read_bytes()


def test_from_timeline_new_to_a_published_chronology_of_ones_own_articles(tmp_path):
    """The README's path for a new user: new, articles, review, a decision, publish."""
    assert (
        timeline("new", "floods", "--languages", "ru,kk", "--title", "Паводки 2026", cwd=tmp_path).returncode
        == 0
    )
    site = tmp_path / "floods"
    articles = site / "content" / "articles"
    for example in [*articles.iterdir(), *(site / "content" / "notes").iterdir()]:
        example.unlink()  # the examples go, as the README says
    (articles / "dike_ru.txt").write_text(
        " date 2026-04-08 В Новокаменке прорвало дамбу\n\n"
        "Вечером 7 апреля в селе Новокаменка Северо-Казахстанской области прорвало дамбу на реке Есиль.\n",
        "utf-8",
    )
    (articles / "dike_kk.txt").write_text(
        " date 2026-04-08 Новокаменкада бөген бұзылды\n\n"
        "7 сәуір күні кешке Солтүстік Қазақстан облысындағы Новокаменка ауылында "
        "Есіл өзеніндегі бөген бұзылды.\n",
        "utf-8",
    )
    listed = timeline("review", cwd=site)
    assert listed.returncode == 0 and "new event:" in listed.stdout
    [event_id] = [
        line.split("new event: ")[1] for line in listed.stdout.splitlines() if "new event: " in line
    ][:1]
    (site / "content" / "decisions.toml").write_text(
        f'[[retitle]]\nevent = "{event_id}"\ntitle = {{ ru = "Прорыв дамбы в Новокаменке" }}\n', "utf-8"
    )
    assert timeline("review", "--mark", cwd=site).returncode == 0
    assert "0 new event(s)" in timeline("review", cwd=site).stdout
    www = tmp_path / "www"
    published = timeline("publish", "--to", str(www), "--base-url", "https://floods.example.net/", cwd=site)
    assert published.returncode == 0, published.stderr
    page = (www / "ru" / "events" / f"{event_id}.html").read_text("utf-8")
    assert "Прорыв дамбы в Новокаменке" in page
    assert not (site / "templates").exists() and (www / "kk" / "index.html").is_file()
