"""A note's picture: every documented way of writing its path, shown on the event page and in
the list with its alt text, in OpenGraph and TimelineJS, fingerprinted by publish."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sites import empty_registry_site, run_timeline

from generator.build import build_site
from generator.errors import ContentError, ContentErrors

PICTURE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3"/></svg>\n'
ARTICLE = {
    "dike_ru.txt": " date 2026-04-08 Прорыв дамбы\n\n7 апреля в Новокаменке прорвало дамбу на реке Есиль.\n"
}


def _note(image: str, alt: str = "image_alt:\n  ru: Размытая дамба у села\n  en: The washed-out dike") -> str:
    return (
        "---\ndate: 2026-04-07\nkind: occurred\n"
        "title:\n  ru: Прорыв дамбы в Новокаменке\n  en: The Novokamenka dike breaks\n"
        f"image: {image}\n{alt}\nsources: [dike_ru]\n---\nЗаметка.\n"
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = empty_registry_site(tmp_path / "site", ARTICLE)
    (root / "content" / "notes").mkdir()
    (root / "assets").mkdir()
    (root / "assets" / "dike.svg").write_bytes(PICTURE)
    (root / "content" / "notes" / "beside.svg").write_bytes(PICTURE)
    return root


def _write_note(site: Path, image: str, **kwargs) -> Path:
    note = site / "content" / "notes" / "dike-breach.md"
    note.write_text(_note(image, **kwargs), "utf-8")
    return note


@pytest.mark.parametrize(
    "written", ["beside.svg", "dike.svg", "assets/dike.svg", "/assets/dike.svg", "../../assets/dike.svg"]
)
def test_every_documented_way_of_writing_the_path_shows_the_picture(site, written):
    _write_note(site, written)
    public = build_site(site).output
    for lang, alt in (("ru", "Размытая дамба у села"), ("en", "The washed-out dike")):
        page = (public / lang / "events" / "dike-breach.html").read_text("utf-8")
        [source] = re.findall(rf'<img src="([^"]+)" alt="{alt}"', page)
        assert (public / lang / "events" / source).resolve().read_bytes() == PICTURE
        listing = (public / lang / "index.html").read_text("utf-8")
        [thumb] = re.findall(r'<img class="event-thumb" src="([^"]+)" alt=""', listing)
        assert (public / lang / thumb).resolve().read_bytes() == PICTURE


def test_a_language_without_alt_text_shows_another_marked_with_its_language(site):
    _write_note(site, "beside.svg")
    page = (build_site(site).output / "kk" / "events" / "dike-breach.html").read_text("utf-8")
    assert 'alt="Размытая дамба у села" lang="ru"' in page


@pytest.mark.parametrize(
    ("written", "alt", "message"),
    [
        ("missing.png", None, "no image 'missing.png'"),
        ("notes.txt", None, "is not a picture"),
        ("https://cdn.example.com/x.png", None, "not a file of the site"),
        ("beside.svg", "", "no text for readers who cannot see it"),
    ],
)
def test_a_picture_that_cannot_be_shown_is_an_error_on_the_notes_line(site, written, alt, message):
    note = _write_note(site, written, **({} if alt is None else {"alt": alt}))
    with pytest.raises((ContentError, ContentErrors)) as failure:
        build_site(site)
    errors = failure.value.errors if isinstance(failure.value, ContentErrors) else [failure.value]
    [error] = errors
    assert Path(error.path) == note and error.line == 7 and message in error.message and error.fix


def test_opengraph_timelinejs_and_publish_name_a_file_that_exists(site, tmp_path):
    _write_note(site, "beside.svg")
    www = tmp_path / "www"
    done = run_timeline("publish", "--to", str(www), "--base-url", "https://x.example.net/", cwd=site)
    assert done.returncode == 0, done.stderr
    page = (www / "ru" / "events" / "dike-breach.html").read_text("utf-8")
    # Minified: attribute quotes are dropped where HTML allows, and attributes may be reordered.
    tags = [tag for tag in re.findall(r"<meta[^>]*>", page) if re.search(r'property="?og:image"?[\s>]', tag)]
    [og] = [
        found for tag in tags for found in re.findall(r'content="?https://x\.example\.net/([^"\s>]+)', tag)
    ]
    assert re.fullmatch(r"assets/media/dike-breach-beside\.[0-9a-f]{10}\.svg", og) and (www / og).is_file()
    slides = json.loads((www / "data" / "timelinejs.ru.json").read_text("utf-8"))["events"]
    [media] = [slide["media"] for slide in slides if "media" in slide]
    assert media["alt"] == "Размытая дамба у села"
    assert (www / media["url"].removeprefix("https://x.example.net/")).read_bytes() == PICTURE
    data = json.loads((www / "data" / "timeline.json").read_text("utf-8"))
    [event] = [e for e in data["events"] if e["id"] == "dike-breach"]
    assert event["image"]["path"] == "assets/media/dike-breach-beside.svg"
