"""`timeline serve` as an editor uses it: the real command in a child process on a free loopback
port, files edited on disk, and what Debian's Chromium (through Playwright) then shows."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsing import chromium_browser, free_port, watched_page
from sites import append_to_site_file, edit_site_file

from generator.build import build_site

NOTE = Path("content/notes/2026-02-04-critical-minerals-ministerial.md")
EVENT_PAGE = "ru/events/2026-02-04-critical-minerals-ministerial.html"
OLD_TITLE = "В Вашингтоне прошла первая Министерская конференция по критическим минералам"
NEW_TITLE = "В Вашингтоне состоялась первая Министерская конференция по критическим минералам"
WAIT = 30.0  # seconds: a rebuild takes about half a second here; the machine is shared


@dataclass
class Preview:
    site: Path
    address: str
    log: Path

    def fetch(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"{self.address}/{path}", timeout=WAIT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def console(self) -> str:
        return self.log.read_text("utf-8")

    def builds(self) -> list[str]:
        """The console's report of each build: `[12:00:00] … built in …` or `… build failed …`."""
        report = re.compile(r"^\[[\d:]+\] (?! ).*(?:built in \d|build failed)")
        return [line for line in self.console().splitlines() if report.match(line)]

    def edit(self, relative: Path | str, old: str, new: str) -> None:
        edit_site_file(self.site, relative, old, new)

    def wait_for_builds(self, count: int) -> list[str]:
        """Waits until the console reports `count` builds (the first one included)."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if len(self.builds()) >= count:
                return self.builds()
            time.sleep(0.1)
        raise AssertionError(f"expected {count} builds, console says:\n{self.console()}")


@contextmanager
def serving(site: Path) -> Iterator[Preview]:
    port = free_port()
    log = site.parent / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "--site", str(site), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    preview = Preview(site, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + 120
        while "press Ctrl+C" not in preview.console():
            assert process.poll() is None, f"timeline serve exited:\n{preview.console()}"
            assert time.monotonic() < deadline, f"timeline serve did not start:\n{preview.console()}"
            time.sleep(0.1)
        yield preview
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def preview(site_copy) -> Iterator[Preview]:
    with serving(site_copy) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


def _heading(page) -> str:
    return page.locator("h1").first.inner_text()


def test_the_open_page_shows_an_edited_title_without_a_manual_reload(preview, browser):
    page, problems = watched_page(browser, preview.address)
    page.goto(f"{preview.address}/{EVENT_PAGE}")
    assert _heading(page) == OLD_TITLE
    preview.edit(NOTE, OLD_TITLE, NEW_TITLE)
    page.wait_for_function(
        "title => document.querySelector('h1').textContent === title", arg=NEW_TITLE, timeout=WAIT * 1000
    )
    builds = preview.wait_for_builds(2)
    assert "articles extracted: none" in builds[1], builds[1]
    rendered, total = map(int, re.search(r"(\d+) of (\d+) pages rendered", builds[1]).groups())
    assert 0 < rendered < total
    assert NOTE.as_posix() in builds[1]
    assert problems == []


def test_a_broken_note_shows_the_error_page_and_the_fix_brings_the_page_back(preview, browser):
    page, problems = watched_page(browser, preview.address)
    page.goto(f"{preview.address}/{EVENT_PAGE}")
    public_page = preview.site / "public" / EVENT_PAGE
    before = public_page.read_bytes()
    preview.edit(NOTE, "date: 2026-02-04", "date: 2026-02-31")
    # The page speaks the site's default language (Russian); the error itself is the console's.
    page.wait_for_selector("text=Сайт не собран: 1 ошибка", timeout=WAIT * 1000)
    assert page.locator("html").get_attribute("lang") == "ru"
    shown = page.locator("main").inner_text()
    assert f"{NOTE.as_posix()}, line 2" in shown
    assert "2026-02-31" in shown  # the line itself is quoted
    assert "Как исправить:" in shown
    assert public_page.read_bytes() == before  # the last good site stays on disk
    preview.edit(NOTE, "date: 2026-02-31", "date: 2026-02-04")
    page.wait_for_function(
        "title => document.querySelector('h1')?.textContent === title", arg=OLD_TITLE, timeout=WAIT * 1000
    )
    # The error page comes with status 500, which Chromium notes in the console: nothing else may.
    assert [p for p in problems if "status of 500" not in p] == []


def test_a_style_sheet_change_is_applied_without_reloading_the_page(preview, browser):
    page, problems = watched_page(browser, preview.address)
    page.goto(f"{preview.address}/{EVENT_PAGE}")
    page.evaluate("window.notReloaded = true")
    append_to_site_file(preview.site, "assets/style.css", "\nh1 { letter-spacing: 7px; }\n")
    page.wait_for_function(
        "getComputedStyle(document.querySelector('h1')).letterSpacing === '7px'", timeout=WAIT * 1000
    )
    assert page.evaluate("window.notReloaded") is True
    assert "0 of" in preview.wait_for_builds(2)[1]  # no page was rendered for a style sheet
    assert problems == []


def test_an_unknown_actor_or_a_template_error_is_shown_with_file_and_line(preview):
    preview.edit(NOTE, "actors: [kazakhstan,", "actors: [kazakhstan, atlantis,")
    preview.wait_for_builds(2)
    status, body = preview.fetch(EVENT_PAGE)
    assert status == 500
    assert f"{NOTE.as_posix()}, line 10" in body and "atlantis" in body
    preview.edit(NOTE, "actors: [kazakhstan, atlantis,", "actors: [kazakhstan,")
    preview.wait_for_builds(3)
    assert preview.fetch(EVENT_PAGE)[0] == 200

    preview.edit("templates/event.html", "</article>", "{% if %}</article>")
    preview.wait_for_builds(4)
    status, body = preview.fetch("ru/index.html")
    assert status == 500
    line = next(
        n
        for n, text in enumerate((preview.site / "templates/event.html").read_text("utf-8").splitlines(), 1)
        if "{% if %}" in text
    )
    assert f"templates/event.html, line {line}" in body
    preview.edit("templates/event.html", "{% if %}</article>", "</article>")
    preview.wait_for_builds(5)
    assert preview.fetch(EVENT_PAGE)[0] == 200
    assert preview.fetch("assets/style.css")[0] == 200


def test_new_deleted_and_renamed_files_are_followed(preview):
    note = preview.site / "content/notes/2026-03-01-new-talks.md"
    note.write_text(
        "---\ndate: 2026-03-01\nkind: occurred\n"
        "title:\n  ru: Новые переговоры в Астане\n  kk: Астанадағы жаңа келіссөздер\n"
        "actors: [kazakhstan, uk]\n---\nКороткая заметка.\n",
        "utf-8",
    )
    preview.wait_for_builds(2)
    status, body = preview.fetch("ru/events/2026-03-01-new-talks.html")
    assert status == 200 and "Новые переговоры в Астане" in body

    note.rename(note.with_name("2026-03-02-new-talks.md"))
    preview.wait_for_builds(3)
    assert preview.fetch("ru/events/2026-03-01-new-talks.html")[0] == 404
    assert preview.fetch("ru/events/2026-03-02-new-talks.html")[0] == 200
    assert not (preview.site / "public/ru/events/2026-03-01-new-talks.html").exists()

    note.with_name("2026-03-02-new-talks.md").unlink()
    preview.wait_for_builds(4)
    assert preview.fetch("ru/events/2026-03-02-new-talks.html")[0] == 404
    assert "Новые переговоры" not in preview.fetch("ru/index.html")[1]

    # The whole content/ folder moved away and back (git stash -u does it): still watched after.
    content = preview.site / "content"
    content.rename(preview.site / "content-away")
    preview.wait_for_builds(5)
    assert preview.fetch(EVENT_PAGE)[0] == 500  # no content/: an error, shown
    (preview.site / "content-away").rename(content)
    preview.wait_for_builds(6)
    preview.edit(NOTE, OLD_TITLE, NEW_TITLE)
    preview.wait_for_builds(7)
    assert NEW_TITLE in preview.fetch(EVENT_PAGE)[1]


def test_the_search_index_and_exports_catch_up_once_the_editor_pauses(preview):
    preview.edit(NOTE, OLD_TITLE, NEW_TITLE)
    preview.wait_for_builds(2)
    deadline = time.monotonic() + WAIT
    while "caught up" not in preview.console() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "search index, feeds and exports caught up" in preview.console()
    assert NEW_TITLE in preview.fetch("data/timeline.json")[1]
    assert NEW_TITLE in (preview.site / "public/data/timeline.json").read_text("utf-8")
    fresh = preview.site.parent / "fresh"
    build_site(preview.site, fresh)
    public = preview.site / "public"
    assert {p.relative_to(public): p.read_bytes() for p in public.rglob("*") if p.is_file()} == {
        p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*") if p.is_file()
    }


def test_a_burst_of_saves_gives_one_rebuild(preview):
    notes = sorted((preview.site / "content/notes").glob("*.md"))[:5]
    for note in notes[1:]:
        with note.open("a", encoding="utf-8") as text:
            text.write("\n")
    # The first is saved as sed -i and many editors do: a scratch file written, then moved over it.
    scratch = notes[0].with_name("sedX1b2c3")
    scratch.write_text(notes[0].read_text("utf-8") + "\n", "utf-8")
    scratch.replace(notes[0])
    builds = preview.wait_for_builds(2)
    time.sleep(2)  # well past the quiet period: any second rebuild would have started
    assert len(preview.builds()) == 2, preview.console()
    assert "and 2 more changed" in builds[1]  # five files named, and not the scratch file
    assert "sedX1b2c3" not in preview.console()


def test_serve_listens_on_loopback_and_refuses_paths_outside_the_site(preview):
    assert f"serving {preview.address}/" in preview.console()
    foreign = urllib.request.Request(
        f"{preview.address}/ru/index.html", headers={"Host": "drafts.example.net"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(foreign, timeout=WAIT)
    assert refused.value.code == 403  # a page on another site cannot read the preview (DNS rebinding)
    status, body = preview.fetch("no/such/deep/page.html")
    assert status == 404 and '<base href="/">' in body  # the root 404 page, working in the preview
    assert preview.fetch("..%2Fsite.toml")[0] == 404
    assert preview.fetch("ru/no-such-page.html")[0] == 404
    status, body = preview.fetch("ru/")
    assert status == 200 and "livereload.js" in body


def test_a_new_sites_missing_page_shows_a_styled_404_at_any_depth(tmp_path, browser):
    """A site from `timeline new` has base_url = "": its 404 page has no <base> of its own."""
    from generator.new_site import create_site

    site = create_site(tmp_path / "new").root
    with serving(site) as running:
        page, problems = watched_page(browser, running.address)
        page.goto(f"{running.address}/ru/events/no/such/page.html")
        assert page.locator("h1").first.inner_text() == "Страница не найдена"
        # The style sheet came (a failed one has no rules), and a link leads where it says.
        assert page.evaluate("[...document.styleSheets].some(sheet => sheet.cssRules.length > 0)")
        page.locator("a[href$='ru/index.html']").first.click()
        page.wait_for_url(f"{running.address}/ru/index.html")
    assert [p for p in problems if "status of 404" not in p] == []
