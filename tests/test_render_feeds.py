"""Atom feeds, sitemap.xml and robots.txt, read the way a feed reader and a crawler read them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from generator.build import build_site
from generator.config import SiteConfig, load_config
from generator.render import feeds
from generator.render.feeds import FEED_LIMIT, sitemap_files
from generator.render.plan import PlannedPage, page_path

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "https://example.org/critical-minerals/"
MEMORANDUM = "2025-11-06-kz-us-critical-minerals-mou"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
URN_UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
EXAMPLE_CONFIG = load_config(ROOT)


def set_base_url(site: Path, base_url: str) -> None:
    path = site / "site.toml"
    text = re.sub(r"(?m)^base_url = .*$", f'base_url = "{base_url}"', path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def build_copy(site: Path, base_url: str) -> Path:
    set_base_url(site, base_url)
    return build_site(site, site.parent / "public").output


def model(output: Path) -> dict:
    return json.loads((output / "data" / "timeline.json").read_text(encoding="utf-8"))


def feed(output: Path, language: str) -> ET.Element:
    return ET.parse(output / language / "feed.xml").getroot()


def local_file(output: Path, href: str, holder: str, base_url: str) -> Path:
    """Where a link in a file leads on disk: absolute under base_url, or relative to its holder."""
    if base_url and href.startswith(base_url.rstrip("/") + "/"):
        return output / unquote(href[len(base_url.rstrip("/")) + 1 :])
    return (output / holder).parent / unquote(href)


def event_id(entry: ET.Element) -> str:
    href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    return unquote(href.rsplit("/", 1)[1].removesuffix(".html"))


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_each_language_has_a_well_formed_atom_feed(example_build, language):
    output = example_build.output
    root = feed(output, language)
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == language
    assert root.findtext(f"{ATOM}title") == EXAMPLE_CONFIG.title[language]
    assert root.findtext(f"{ATOM}id")
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.findtext(f"{ATOM}author/{ATOM}name")
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(FEED_LIMIT, len(model(output)["events"])) > 0
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.get(XML_LANG) == language
        assert entry.findtext(f"{ATOM}title").strip()
        assert entry.findtext(f"{ATOM}summary").strip()
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        page = local_file(output, href, f"{language}/feed.xml", EXAMPLE_CONFIG.base_url)
        assert page.is_file(), href
        assert page.relative_to(output).parts[:2] == (language, "events")


def test_feed_lists_events_newest_first_and_is_as_recent_as_its_newest_entry(example_build):
    events = model(example_build.output)["events"]
    root = feed(example_build.output, "ru")
    entries = root.findall(f"{ATOM}entry")
    chronological = [event["id"] for event in events]
    assert [event_id(entry) for entry in entries] == chronological[::-1][:FEED_LIMIT]
    assert event_id(entries[0]) == "uk-2035-supply-concentration-target"  # «к 2035 году»
    assert root.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") for e in entries)


def test_entry_is_updated_when_its_latest_source_was_published(example_build):
    event = next(e for e in model(example_build.output)["events"] if e["id"] == MEMORANDUM)
    latest = max(ref["published"] for ref in event["sources"])
    assert latest == "2026-02-05"  # 003 reported it on 2025-11-07; three articles recalled it in February
    entry = next(
        e for e in feed(example_build.output, "kk").findall(f"{ATOM}entry") if event_id(e) == MEMORANDUM
    )
    assert entry.findtext(f"{ATOM}updated") == "2026-02-05T00:00:00Z"
    assert entry.findtext(f"{ATOM}title") == event["title"]["kk"]
    assert entry.find(f"{ATOM}title").get(XML_LANG) is None  # Kazakh, like the entry


def test_a_title_missing_in_kazakh_is_shown_in_russian_and_marked_so(example_build):
    events = model(example_build.output)["events"]
    russian_only = {e["id"]: e["title"]["ru"] for e in events if not e["title"].get("kk")}
    assert russian_only, "the example site has events titled from Russian articles only"
    entries = {event_id(e): e for e in feed(example_build.output, "kk").findall(f"{ATOM}entry")}
    for event, title in russian_only.items():
        element = entries[event].find(f"{ATOM}title")
        assert element.text == title
        assert element.get(XML_LANG) == "ru"


def test_without_base_url_ids_are_stable_urns_and_links_relative(site_copy):
    output = build_copy(site_copy, "")
    for language in ("ru", "kk"):
        root = feed(output, language)
        ids = [root.findtext(f"{ATOM}id")] + [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
        assert all(URN_UUID.match(value) for value in ids), ids
        assert len(set(ids)) == len(ids)
        hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
        assert not any("://" in href for href in hrefs)
        assert all(local_file(output, href, f"{language}/feed.xml", "").is_file() for href in hrefs)
    ru_ids = {e.findtext(f"{ATOM}id") for e in feed(output, "ru").findall(f"{ATOM}entry")}
    kk_ids = {e.findtext(f"{ATOM}id") for e in feed(output, "kk").findall(f"{ATOM}entry")}
    assert not ru_ids & kk_ids  # a translation is another entry


def test_with_base_url_ids_and_links_are_absolute(site_copy):
    output = build_copy(site_copy, BASE)
    root = feed(output, "ru")
    assert root.findtext(f"{ATOM}id") == BASE + "ru/feed.xml"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == BASE + "ru/feed.xml"
    entry = next(e for e in root.findall(f"{ATOM}entry") if event_id(e) == MEMORANDUM)
    url = BASE + f"ru/events/{MEMORANDUM}.html"
    assert entry.findtext(f"{ATOM}id") == url
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == url


def test_feed_keeps_the_most_recent_events_only(site_copy):
    notes = site_copy / "content" / "notes"
    for day in range(1, FEED_LIMIT + 6):
        year, rest = divmod(day, 28)
        (notes / f"bulk-{day:03d}.md").write_text(
            f"---\ndate: {2000 + year}-01-{rest + 1:02d}\n"
            f"title:\n  ru: Событие {day}\n  kk: Оқиға {day}\n---\n",
            encoding="utf-8",
        )
    output = build_copy(site_copy, "")
    events = model(output)["events"]
    assert len(events) > FEED_LIMIT
    entries = feed(output, "ru").findall(f"{ATOM}entry")
    assert len(entries) == FEED_LIMIT
    assert [event_id(e) for e in entries] == [e["id"] for e in events][::-1][:FEED_LIMIT]


def test_sitemap_lists_every_language_version_of_every_page(site_copy):
    output = build_copy(site_copy, BASE)
    root = ET.parse(output / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    urls = {u.findtext(f"{SITEMAP}loc"): u for u in root.findall(f"{SITEMAP}url")}
    event = urls[BASE + f"ru/events/{MEMORANDUM}.html"]
    alternates = {link.get("hreflang"): link.get("href") for link in event.findall(f"{XHTML}link")}
    assert all(link.get("rel") == "alternate" for link in event.findall(f"{XHTML}link"))
    assert alternates == {
        "ru": BASE + f"ru/events/{MEMORANDUM}.html",
        "kk": BASE + f"kk/events/{MEMORANDUM}.html",
        "x-default": BASE + f"ru/events/{MEMORANDUM}.html",
    }
    assert BASE + f"kk/events/{MEMORANDUM}.html" in urls
    for loc in urls:
        assert loc.startswith(BASE)
        assert local_file(output, loc, "sitemap.xml", BASE).is_file(), loc
        assert not loc.endswith("404.html")
    assert BASE + "index.html" not in urls  # the root only redirects
    pages = {p.relative_to(output).as_posix() for p in output.glob("*/**/*.html")}
    listed = {loc[len(BASE) :] for loc in urls}
    events = model(output)["events"]
    assert {f"{lang}/events/{e['id']}.html" for lang in ("ru", "kk") for e in events} <= listed <= pages
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[:2] == ["User-agent: *", "Allow: /"]
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()


def test_without_base_url_there_is_no_sitemap_but_robots_txt(site_copy):
    output = build_copy(site_copy, "")
    assert not (output / "sitemap.xml").exists()
    assert (output / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"


def test_a_large_sitemap_is_split_under_a_sitemap_index(monkeypatch, tmp_path):
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 3)
    config = SiteConfig(tmp_path, ["ru", "kk"], "ru", {"ru": "Т", "kk": "Т"}, base_url=BASE.rstrip("/"))
    keys = [("index",), ("event", "a"), ("event", "b"), ("404",)]
    pages = [PlannedPage(page_path(key, lang), "x.html", lang, key) for lang in ("ru", "kk") for key in keys]
    pages.append(PlannedPage(page_path(("event", "kk-only"), "kk"), "x.html", "kk", ("event", "kk-only")))
    files = sitemap_files(pages, config)
    assert sorted(files) == ["robots.txt", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == [BASE + f"sitemap-{n}.xml" for n in (1, 2, 3)]
    urls = [u for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml")
            for u in ET.fromstring(files[name]).findall(f"{SITEMAP}url")]  # fmt: skip
    assert len(urls) == 7  # three pages in two languages and one in Kazakh only; no 404 pages
    lonely = next(u for u in urls if u.findtext(f"{SITEMAP}loc").endswith("kk-only.html"))
    assert [link.get("hreflang") for link in lonely.findall(f"{XHTML}link")] == ["kk"]  # no x-default


def test_feeds_and_exports_are_byte_identical_across_builds(site_copy):
    set_base_url(site_copy, BASE)
    first = build_site(site_copy, site_copy.parent / "first").output
    second = build_site(site_copy, site_copy.parent / "second").output
    names = ["ru/feed.xml", "kk/feed.xml", "sitemap.xml", "robots.txt"]
    names += [p.relative_to(first).as_posix() for p in (first / "data").iterdir()]
    assert len(names) >= 9
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
