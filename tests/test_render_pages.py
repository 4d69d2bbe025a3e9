"""The pages a reader opens: every kind of page, in both languages, saying what it should."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pages import Page

MINISTERIAL = "2026-02-04-critical-minerals-ministerial"
TALKS = "kosherbayev-landau-talks"
SOURCE_002 = "002_c61c0215de82188b"


@pytest.fixture(scope="module")
def public(example_build) -> Path:
    return example_build.output


def _html(path: Path) -> str:
    """The page's markup, with no-break spaces («4 источника», «2026 г.») as plain spaces."""
    return path.read_text(encoding="utf-8").replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_kind_of_page_is_built(public, example_build, language):
    timeline = example_build.timeline
    actors = {a for e in timeline.events for a in e.actors}
    tags = {t for e in timeline.events for t in e.tags}
    years = {e.span.start.year for e in timeline.events}
    expected = [
        "index.html",
        "actors/index.html",
        "tags/index.html",
        "sources/index.html",
        "search.html",
        "about.html",
        "404.html",
        *(f"events/{e.id}.html" for e in timeline.events),
        *(f"actors/{a}.html" for a in actors),
        *(f"tags/{t}.html" for t in tags),
        *(f"years/{y}.html" for y in years),
        *(f"sources/{s}.html" for s in timeline.documents),
    ]
    missing = [p for p in expected if not (public / language / p).is_file()]
    assert missing == []
    assert (public / "404.html").is_file()


def test_home_groups_events_by_year_and_month_in_ordered_lists(public, example_build):
    page = Page(public / "ru" / "index.html")
    html = _html(public / "ru" / "index.html")
    entries = page.find_all("li", **{"data-kind": "occurred"}) + page.find_all(
        "li", **{"data-kind": "planned"}
    )
    assert len(page.find_all("li")) >= len(example_build.timeline.events)
    assert entries
    # Each month is a section with its own <ol>, under its year's heading.
    assert re.search(r'<section class="month" id="m-2026-02"[^>]*>\s*<h3[^>]*>Февраль', html)
    assert html.count('<ol class="events" data-pagefind-ignore>') == len(
        {(e.span.start.year, e.span.start.month) for e in example_build.timeline.events}
    )
    # The ministerial: its date, actors, four sources in two languages.
    entry = html[html.index(f'events/{MINISTERIAL}.html"') :]
    entry = entry[: entry.index("</li>")]
    assert "Ермек Кошербаев" in entry
    assert "4 источника" in entry
    assert '<abbr title="русский">ru</abbr>, <abbr title="казахский">kk</abbr>' in entry


def test_home_overview_bars_link_to_months_that_exist_and_say_so_in_words(public):
    html = _html(public / "ru" / "index.html")
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    ET.fromstring(svg.replace('href="', 'data-href="'))  # well-formed markup
    anchors = re.findall(r'<a href="#(m-\d{4}-\d{2})" aria-label="([^"]+)"', svg)
    assert ("m-2026-02", "февраль 2026 г.: 4 события") in anchors
    assert ("m-2025-11", "ноябрь 2025 г.: 1 событие") in anchors
    for anchor, _label in anchors:
        assert f'id="{anchor}"' in html
    # The text alternative: a table of the same counts, and the years with no known month.
    table = html[html.index('<details class="overview-table">') : html.index("</details>")]
    assert re.search(r'<a href="#m-2026-02">февраль 2026 г.</a></td><td>4</td>', table)
    assert "Месяц не указан" in html


def test_event_page_shows_actors_sources_evidence_and_neighbours(public, example_build):
    path = public / "ru" / "events" / f"{MINISTERIAL}.html"
    page, html = Page(path), _html(path)
    assert page.find_all("a", href="../actors/kosherbayev.html")
    event = next(e for e in example_build.timeline.events if e.id == MINISTERIAL)
    for ref in event.sources:
        assert f'id="from-{ref.source}"' in html
        assert page.find_all("a", href=f"../sources/{ref.source}.html")
    # 004 dates it by «В начале месяца»: quoted in its own language, the date words marked.
    assert '<blockquote class="evidence" lang="ru"><p><mark class="hl hl-date">В начале месяца</mark>' in html
    assert '<mark class="hl hl-actor" title="Сима Малхотра">Сима Малхотра</mark>' in html
    assert "Опубликовано: 26 февраля 2026 г." in page.text
    assert page.find_all("a", rel="prev") and page.find_all("a", rel="next")
    assert page.find_all("a", href="../tags/ministerial.html")


def test_kazakh_event_page_marks_russian_quotations_with_lang_and_badge(public):
    path = public / "kk" / "events" / f"{MINISTERIAL}.html"
    page, html = Page(path), _html(path)
    assert page.lang == "kk"
    assert page.find_all("blockquote", lang="ru") and page.find_all("blockquote", lang="kk")
    assert html.count(">орысша</span>") >= 3
    assert "Дереккөздер" in page.text


def test_event_page_carries_schema_org_event_and_opengraph(public):
    html = _html(public / "kk" / "events" / "2025-11-06-kz-us-critical-minerals-mou.html")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2025-11-06"
    assert data["inLanguage"] == "kk"
    assert data["name"] == "Қазақстан мен АҚШ маңызды минералдар туралы меморандумға қол қойды"
    assert {a["name"] for a in data["attendee"]} >= {"Қасым-Жомарт Тоқаев"}
    assert all(article["@type"] == "NewsArticle" for article in data["subjectOf"])
    page = Page(public / "kk" / "events" / "2025-11-06-kz-us-critical-minerals-mou.html")
    og = {m["property"]: m["content"] for m in page.find_all("meta") if "property" in m}
    assert og["og:type"] == "article"
    assert og["og:locale"] == "kk_KZ"
    assert og["og:title"] == data["name"]


def test_month_precise_event_is_never_given_a_day_in_json_ld(public):
    html = _html(public / "ru" / "events" / "g20-miami-summit.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["startDate"] == "2026-12"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_pages_name_their_language_versions_and_canonical(public):
    page = Page(public / "kk" / "tags" / "usa.html")
    base = "https://example.org/critical-minerals/"
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if "hreflang" in link
    }
    assert alternates == {
        "ru": f"{base}ru/tags/usa.html",
        "kk": f"{base}kk/tags/usa.html",
        "x-default": f"{base}ru/tags/usa.html",
    }
    assert page.find_all("link", rel="canonical")[0]["href"] == f"{base}kk/tags/usa.html"
    # The switcher stays relative, so the built folder also works from disk.
    assert page.find_all("a", hreflang="ru")[0]["href"] == "../../ru/tags/usa.html"
    root_404 = Page(public / "404.html")
    assert root_404.find_all("base")[0]["href"] == "/critical-minerals/"
    assert root_404.find_all("a", href="ru/index.html")
    not_found = Page(public / "ru" / "404.html")
    assert not not_found.find_all("link", rel="canonical")
    assert not_found.find_all("meta", name="robots", content="noindex")


def test_without_a_base_url_head_links_are_relative_and_the_404_needs_no_base(site_copy, tmp_path):
    from generator.build import build_site

    config = site_copy / "site.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r'(?m)^base_url = ".*"$', 'base_url = ""', text), encoding="utf-8")
    output = build_site(site_copy, tmp_path / "public").output
    page = Page(output / "ru" / "actors" / "kosherbayev.html")
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if "hreflang" in link
    }
    assert alternates == {
        "ru": "kosherbayev.html",
        "kk": "../../kk/actors/kosherbayev.html",
        "x-default": "kosherbayev.html",
    }
    assert page.find_all("link", rel="canonical")[0]["href"] == "kosherbayev.html"
    assert not Page(output / "404.html").find_all("base")


def test_actor_page_lists_the_actors_events_in_order(public, example_build):
    events = [e for e in example_build.timeline.events if "kosherbayev" in e.actors]
    html = _html(public / "kk" / "actors" / "kosherbayev.html")
    page = Page(public / "kk" / "actors" / "kosherbayev.html")
    assert page.find_all("h1") and "Ермек Көшербаев" in page.text
    linked = re.findall(r'href="\.\./events/([^"]+)\.html"', html)
    assert linked == [e.id for e in events]
    assert f"{len(events)} оқиға" in page.text
    # Its names in the other languages, each marked with its language.
    assert page.find_all("span", lang="ru") and "орысша" in page.text


def test_actors_index_groups_by_kind_with_counts(public):
    page = Page(public / "ru" / "actors" / "index.html")
    assert [h for h in ("Люди", "Страны", "Организации", "Места") if h in page.text] == [
        "Люди",
        "Страны",
        "Организации",
        "Места",
    ]
    assert re.search(r"Ермек Кошербаев ?, [^—]+— \d+ событи[ея]", page.text)


def test_source_page_marks_every_extracted_date_and_actor_and_links_them_to_events(public, example_build):
    html = _html(public / "ru" / "sources" / f"{SOURCE_002}.html")
    highlights = example_build.timeline.highlights[SOURCE_002]
    document = example_build.timeline.documents[SOURCE_002]
    marks = re.findall(r'<(a|mark) class="hl hl-(date|actor)"(?: href="([^"]*)")?[^>]*>([^<]*)</\1>', html)
    shown = [(kind, text) for _tag, kind, _href, text in marks]
    for word in highlights:
        assert (word.kind, document.text[word.start : word.end]) in shown
    # «в четверг, 5 февраля» dates the talks with Landau: it links to that event.
    assert ("a", "date", f"../events/{TALKS}.html", "в четверг, 5 февраля") in marks
    assert ("a", "date", "../events/g20-miami-summit.html", "в декабре 2026 года") in marks


def test_tag_and_year_pages_list_their_events(public, example_build):
    timeline = example_build.timeline
    usa = [e.id for e in timeline.events if "usa" in e.tags]
    html = _html(public / "ru" / "tags" / "usa.html")
    assert re.findall(r'href="\.\./events/([^"]+)\.html"', html) == usa
    assert "<h1>США</h1>" in html
    year = [e.id for e in timeline.events if e.span.start.year == 2026]
    html = _html(public / "kk" / "years" / "2026.html")
    assert re.findall(r'href="\.\./events/([^"]+)\.html"', html) == year
    assert f"{len(year)} оқиға" in Page(public / "kk" / "years" / "2026.html").text


def test_not_found_pages_offer_a_way_back(public):
    for path, home in ((public / "ru" / "404.html", "index.html"), (public / "404.html", "ru/index.html")):
        page = Page(path)
        assert "Страница не найдена" in page.text
        assert page.find_all("a", href=home)


def test_filters_are_offered_only_for_values_some_event_has(public):
    html = _html(public / "kk" / "index.html")
    form = html[html.index('<form id="filters"') : html.index("</form>", html.index('<form id="filters"'))]
    assert "hidden" in form.split(">")[0]  # without a script, the full list stays as it is
    countries = re.findall(
        r'<option value="([a-z-]+)">', form[form.index('id="filter-country"') :].split("</select>")[0]
    )
    assert set(countries) == {
        "kazakhstan",
        "usa",
        "uk",
        "china",
        "kyrgyzstan",
        "tajikistan",
        "turkmenistan",
        "uzbekistan",
    }
    forms = json.loads(
        re.search(r'data-count-forms="([^"]+)"', form).group(1).replace("&#34;", '"').replace("&quot;", '"')
    )
    assert forms == {"one": "%(num)d оқиға табылды", "other": "%(num)d оқиға табылды"}  # _html: nbsp as space
    ru = _html(public / "ru" / "index.html")
    forms = json.loads(re.search(r'data-count-forms="([^"]+)"', ru).group(1).replace("&#34;", '"'))
    assert forms["few"] == "Найдено %(num)d события" and forms["many"] == "Найдено %(num)d событий"


def test_english_is_built_when_site_toml_enables_it(site_copy, tmp_path):
    from generator.build import build_site

    config = site_copy / "site.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('languages = ["ru", "kk"]', 'languages = ["ru", "kk", "en"]'), encoding="utf-8"
    )
    output = build_site(site_copy, tmp_path / "public").output
    page = Page(output / "en" / "events" / "2025-11-06-kz-us-critical-minerals-mou.html")
    assert page.lang == "en"
    assert "November 6, 2025" in page.text
    assert "4 sources" in Page(output / "en" / "index.html").text
    # No English title in the notes' sources: the Russian one is shown, marked as Russian.
    assert (
        "in Russian" in Page(output / "en" / "events" / "2026-02-04-critical-minerals-ministerial.html").text
    )
    switcher = {a["hreflang"] for a in Page(output / "ru" / "index.html").find_all("a") if "hreflang" in a}
    assert switcher == {"kk", "en"}
    assert (output / "data" / "timelinejs.en.json").is_file() and (output / "en" / "feed.xml").is_file()


def test_a_title_with_script_like_text_cannot_break_out_of_the_json_ld(site_copy, tmp_path):
    from generator.build import build_site

    note = site_copy / "content" / "notes" / "2025-11-06-kz-us-critical-minerals-mou.md"
    text = note.read_text(encoding="utf-8")
    title = "Меморандум <!--<script> и </script> & «кавычки»"
    note.write_text(
        text.replace("ru: Казахстан и США подписали меморандум о критических минералах", f"ru: '{title}'"),
        encoding="utf-8",
    )
    output = build_site(site_copy, tmp_path / "public").output
    html = _html(output / "ru" / "events" / "2025-11-06-kz-us-critical-minerals-mou.html")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and "&" not in block.replace("\\u0026", "")
    assert json.loads(block)["name"] == title
    assert Page(output / "ru" / "events" / "2025-11-06-kz-us-critical-minerals-mou.html").find_all("h1")


def test_base_url_is_taken_with_or_without_its_final_slash(site_copy, tmp_path):
    from generator.build import build_site

    config = site_copy / "site.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(r'(?m)^base_url = ".*"$', 'base_url = "https://example.org/minerals"', text), encoding="utf-8"
    )
    output = build_site(site_copy, tmp_path / "public").output
    assert Page(output / "404.html").find_all("base")[0]["href"] == "/minerals/"
    page = Page(output / "ru" / "index.html")
    assert page.find_all("link", rel="canonical")[0]["href"] == "https://example.org/minerals/ru/index.html"
