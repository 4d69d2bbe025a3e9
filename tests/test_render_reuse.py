"""Rebuilds that redo only what an edit touched (the memory `timeline serve` keeps between builds)
must give exactly the site a fresh build gives, and must not redo what the edit did not touch."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sites import append_to_site_file, edit_site_file

from generator.build import BuildMemory, build_site, read_chronology
from generator.render import render_site

NOTE = Path("content/notes/2026-02-04-critical-minerals-ministerial.md")
ARTICLE = Path("content/articles/002_c61c0215de82188b.txt")


_edit = edit_site_file


def _add_note(site: Path) -> None:
    (site / "content/notes/2026-03-01-new-talks.md").write_text(
        "---\ndate: 2026-03-01\nkind: occurred\n"
        "title:\n  ru: Новые переговоры в Астане\n  kk: Астанадағы жаңа келіссөздер\n"
        "actors: [kazakhstan, uk]\n---\nКороткая заметка.\n",
        "utf-8",
    )


def _rename_article(site: Path) -> None:
    (site / ARTICLE).rename(site / "content/articles/002_renamed.txt")
    for note in (site / "content/notes").glob("*.md"):
        note.write_text(note.read_text("utf-8").replace(ARTICLE.stem, "002_renamed"), "utf-8")


EDITS = {
    "note title": lambda s: _edit(s, NOTE, "прошла первая", "состоялась первая"),
    "article text": lambda s: _edit(s, ARTICLE, "Кошербаев", "Кошербаев Ермек"),
    "actor name": lambda s: _edit(s, "content/actors.toml", 'ru = "Китай"', 'ru = "КНР"'),
    "tag name": lambda s: _edit(s, "content/tags.toml", 'ru = "Соглашения"', 'ru = "Договорённости"'),
    "about page": lambda s: _edit(s, "content/about/about.ru.md", "Эта хроника", "Данная хроника"),
    "template": lambda s: _edit(s, "templates/event.html", "</article>", "</article>\n<!-- edited -->"),
    "catalog": lambda s: _edit(s, "templates/locale/kk.po", 'msgstr "Іздеу"', 'msgstr "Іздестіру"'),
    "site title": lambda s: _edit(s, "site.toml", "дипломатия Казахстана", "дипломатия РК"),
    "new note": _add_note,
    "deleted note": lambda s: (s / "content/notes/uk-2035-supply-concentration-target.md").unlink(),
    "renamed article": _rename_article,
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_after_an_edit_equals_a_fresh_build(site_copy, edit):
    memory = BuildMemory()
    build_site(site_copy, memory=memory)
    before = _tree(site_copy / "public")
    EDITS[edit](site_copy)
    report = build_site(site_copy, memory=memory)
    after = _tree(site_copy / "public")
    fresh = build_site(site_copy, site_copy.parent / "fresh")
    assert after == _tree(fresh.output)
    differing = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    assert differing, "the edit changed nothing in the output"
    assert set(report.changed) | set(report.removed) == differing


def test_a_template_that_quotes_other_events_follows_their_titles(site_copy):
    """Highlights in a source's text link other events by title: a template showing the text on
    an event page depends on those events, though its context names none of them."""
    _edit(
        site_copy,
        "templates/event.html",
        "</article>",
        "{% for ref in event.sources %}{{ source_body(sources_by_id[ref.source]) }}{% endfor %}</article>",
    )
    memory = BuildMemory()
    build_site(site_copy, memory=memory)
    EDITS["note title"](site_copy)
    build_site(site_copy, memory=memory)
    fresh = build_site(site_copy, site_copy.parent / "fresh")
    assert _tree(site_copy / "public") == _tree(fresh.output)


def test_an_unchanged_site_renders_nothing_and_writes_nothing(site_copy):
    memory = BuildMemory()
    first = build_site(site_copy, memory=memory)
    assert first.pages_rendered == first.pages_total > 100
    again = build_site(site_copy, memory=memory)
    assert (again.pages_rendered, again.changed, again.removed, again.extracted) == (0, [], [], 0)
    assert again.pages_total == first.pages_total


def test_an_edited_article_is_extracted_again_alone_and_touches_only_its_pages(site_copy):
    memory = BuildMemory()
    first = build_site(site_copy, memory=memory)
    citing = [e.id for e in first.timeline.events if ARTICLE.stem in {ref.source for ref in e.sources}]
    assert citing
    with (site_copy / ARTICLE).open("a", encoding="utf-8") as article:
        article.write("\nРедакция дополнила материал.\n")
    report = build_site(site_copy, memory=memory)
    assert report.extracted_ids == [ARTICLE.stem]
    # The article's own page, the list of sources, and the events quoting it: nothing else.
    expected = {
        path.format(lang=lang)
        for lang in ("ru", "kk")
        for path in [f"{{lang}}/sources/{ARTICLE.stem}.html", "{lang}/sources/index.html"]
        + [f"{{lang}}/events/{event}.html" for event in citing]
    }
    assert set(memory.pages.rendered) == expected
    assert report.pages_total == first.pages_total


def test_a_style_sheet_change_renders_no_page(site_copy):
    memory = BuildMemory()
    build_site(site_copy, memory=memory)
    append_to_site_file(site_copy, "assets/style.css", "\nh1 { letter-spacing: 0.01em; }\n")
    report = build_site(site_copy, memory=memory)
    assert (report.pages_rendered, report.changed) == (0, ["assets/style.css"])


def test_a_rebuild_writes_only_changed_files(site_copy):
    memory = BuildMemory()
    build_site(site_copy, memory=memory)
    untouched = site_copy / "public/ru/sources/003_7f436facd6af26cd.html"
    stamp = untouched.stat().st_mtime_ns
    EDITS["note title"](site_copy)
    report = build_site(site_copy, memory=memory)
    assert "ru/sources/003_7f436facd6af26cd.html" not in report.changed
    assert untouched.stat().st_mtime_ns == stamp
    assert not list((site_copy / "public").rglob("*.tmp"))


def test_a_rebuild_rewrites_an_output_folder_someone_else_changed(site_copy):
    memory = BuildMemory()
    build_site(site_copy, memory=memory)
    shutil.rmtree(site_copy / "public/kk")
    build_site(site_copy, memory=memory)
    fresh = build_site(site_copy, site_copy.parent / "fresh")
    assert _tree(site_copy / "public") == _tree(fresh.output)


def test_the_render_memory_gives_the_same_files_as_rendering_afresh(site_copy):
    chronology = read_chronology(site_copy)
    memory = BuildMemory()
    first = render_site(chronology.timeline, chronology.config, memory.pages)
    assert render_site(chronology.timeline, chronology.config, memory.pages) == first
    assert memory.pages.rendered == [] and memory.pages.reused > 100


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
