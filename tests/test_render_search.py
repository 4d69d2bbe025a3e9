"""Site search: the Pagefind index built from the rendered pages, and the search page a reader uses.

The browser tests drive Debian's chromium (as tests/test_browser.py does) against the example
site served on 127.0.0.1, and fail on any console error or any request that leaves that server.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from browsing import QuietHandler, chromium_browser, served, watched_page
from pages import Page

from generator.build import build_site
from generator.config import SiteConfig, load_config
from generator.errors import ContentError
from generator.render import plan_pages
from generator.render.search import search_index

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"  # tests/run installs it
# What a strict policy must allow for Pagefind: its WebAssembly, and the data: icon of its CSS.
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
)
UI_STRINGS = {  # Pagefind UI key → the placeholders its text must keep
    "placeholder": (),
    "search_label": (),
    "clear_search": (),
    "load_more": (),
    "filters_label": (),
    "searching": ("[SEARCH_TERM]",),
    "zero_results": ("[SEARCH_TERM]",),
    "one_result": ("[SEARCH_TERM]",),
    "many_results": ("[SEARCH_TERM]", "[COUNT]"),
    "alt_search": ("[SEARCH_TERM]", "[DIFFERENT_TERM]"),
    "search_suggestion": ("[SEARCH_TERM]",),
}


@pytest.fixture(scope="module")
def public(example_build) -> Path:
    return example_build.output


@pytest.fixture(scope="module")
def indexed(example_build) -> set[str]:
    """The pages a reader may find: PlannedPage.indexed, the plan's own word for it."""
    return {page.path for page in plan_pages(example_build.timeline, load_config(ROOT)) if page.indexed}


def _fragments(public: Path) -> list[dict]:
    """Every page in the index, as Pagefind stores it: gzip, a signature, then JSON."""
    found = []
    for path in sorted((public / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data[len(b"pagefind_dcd") :]))
    return found


def _site_files(public: Path) -> dict[str, bytes]:
    return {
        path.relative_to(public).as_posix(): path.read_bytes()
        for path in public.rglob("*")
        if path.is_file() and not path.relative_to(public).as_posix().startswith("pagefind/")
    }


def _his_events(example_build) -> list[str]:
    events = [event.id for event in example_build.timeline.events if "kosherbayev" in event.actors]
    assert events, "the example site has events of Yermek Kosherbayev"
    return events


# The index -------------------------------------------------------------------------------------


def test_index_holds_every_findable_page_and_nothing_else(public, indexed):
    urls = sorted(fragment["url"] for fragment in _fragments(public))
    assert urls == sorted("/" + path for path in indexed)
    assert not [url for url in urls if url.endswith(("/search.html", "/404.html")) or url == "/index.html"]
    kinds = {url.split("/")[2].removesuffix(".html") for url in urls}
    assert {"index", "events", "actors", "sources", "tags", "years", "about"} <= kinds


def test_index_is_split_by_page_language(public, indexed):
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["kk", "ru"]  # sorted, whatever order Pagefind chose
    for language, index in entry["languages"].items():
        assert index["page_count"] == len([p for p in indexed if p.startswith(f"{language}/")])
    assert entry["languages"]["ru"]["wasm"] == "ru"  # Russian words are stemmed
    # Pagefind has no Kazakh stemmer: it matches words by their beginning, which suits a language
    # that inflects by adding suffixes (Көшербаев → Көшербаевтың, Көшербаевпен).
    assert (public / "pagefind" / "wasm.unknown.pagefind").is_file()


def test_only_the_main_text_of_a_page_is_indexed(public, indexed):
    for path in sorted(indexed):
        mains = Page(public / path).find_all("main")
        assert len(mains) == 1 and "data-pagefind-body" in mains[0], path
    for path in ("ru/search.html", "kk/search.html", "ru/404.html", "404.html"):
        assert "data-pagefind-body" not in Page(public / path).find_all("main")[0], path
    texts = " ".join(fragment["content"] for fragment in _fragments(public))
    footer = Page(public / "ru" / "index.html").find_all("footer")
    assert footer and "JSON · TimelineJS" not in texts  # the footer is not part of any result


def test_an_articles_text_is_searched_in_the_edition_of_its_language(public, example_build):
    """Each article's words are found from its own language's search, stemmed as that language;
    the other edition finds the article by its title."""
    fragments = {fragment["url"]: fragment["content"] for fragment in _fragments(public)}
    documents = example_build.timeline.documents.values()
    for document in documents:
        home, other = ("ru", "kk") if document.language == "ru" else ("kk", "ru")
        last = " ".join(document.text[document.body_start :].split()[-8:])
        assert last in " ".join(fragments[f"/{home}/sources/{document.id}.html"].split()), document.id
        elsewhere = " ".join(fragments[f"/{other}/sources/{document.id}.html"].split())
        assert last not in elsewhere and " ".join(document.title.split()[:4]) in elsewhere, document.id


def test_indexing_twice_gives_the_same_bytes(public, indexed):
    files = _site_files(public)
    config = load_config(ROOT)
    first = search_index(files, config, indexed)
    assert first == search_index(files, config, indexed)
    built = (p for p in (public / "pagefind").rglob("*") if p.is_file())
    assert first == {p.relative_to(public).as_posix(): p.read_bytes() for p in built}
    # By default the pages to index are chosen by path, to the same effect.
    assert search_index(files, config) == first


def test_the_bundle_holds_only_what_the_search_page_loads(public):
    names = {p.name for p in (public / "pagefind").iterdir() if p.is_file()}
    assert {"pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-entry.json"} <= names
    assert not [name for name in names if "modular" in name or "component" in name or "highlight" in name]


def _config(tmp_path: Path) -> SiteConfig:
    return SiteConfig(tmp_path, ["ru", "kk"], "ru", {"ru": "Т", "kk": "Т"})


PAGES = {"ru/index.html": '<html lang="ru"><body><main><h1>Кошербаев</h1></main></body></html>'.encode()}


def test_without_pagefind_the_build_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind.service", None)  # import fails as if not installed
    with pytest.raises(ContentError) as failure:
        search_index(PAGES, _config(tmp_path))
    assert "not installed" in str(failure.value)
    assert "pip install 'pagefind[bin]'" in str(failure.value)


def test_without_the_pagefind_binary_the_build_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(ContentError) as failure:
        search_index(PAGES, _config(tmp_path))
    assert "binary was not found" in str(failure.value)
    assert "pagefind[bin]" in failure.value.fix


def test_a_failing_indexer_fails_the_build_and_leaves_public_untouched(site_copy, tmp_path, monkeypatch):
    build_site(site_copy)
    before = {p: p.read_bytes() for p in (site_copy / "public").rglob("*") if p.is_file()}
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind: out of cheese' >&2\nexit 3\n", "utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    # An edit that changes indexed pages, so that this build needs the indexer (an unchanged
    # site takes its index from the last build).
    note = site_copy / "content/notes/2026-02-04-critical-minerals-ministerial.md"
    note.write_text(note.read_text("utf-8").replace("прошла первая", "состоялась первая", 1), "utf-8")
    with pytest.raises(ContentError) as failure:
        build_site(site_copy)
    message = str(failure.value)
    assert "site search failed" in message
    assert "out of cheese" in message  # what the indexer said
    assert "fix:" in message
    after = {p: p.read_bytes() for p in (site_copy / "public").rglob("*") if p.is_file()}
    assert after == before


# The search page, as markup --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_search_page_loads_pagefind_from_the_site_and_translates_its_interface(public, language):
    page = Page(public / language / "search.html")
    assert page.lang == language
    assert len(page.find_all("h1")) == 1
    scripts = page.find_all("script")
    assert [s.get("src") for s in scripts] == [
        "../assets/switcher.js",
        "../pagefind/pagefind-ui.js",
        "../assets/search.js",
    ]
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "../pagefind/pagefind-ui.css" in stylesheets
    # A strict Content-Security-Policy could forbid inline code: there is none.
    assert not [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert "<script>" not in (public / language / "search.html").read_text("utf-8")
    container = page.find_all("div", id="search")[0]
    for key, placeholders in UI_STRINGS.items():
        text = container["data-ui-" + key.replace("_", "-")]
        assert text and all(placeholder in text for placeholder in placeholders), key
        assert not re.search(r"\b(results?|Search|Nothing)\b", text), f"{key} is not translated: {text}"
    # Without JavaScript: a message and the lists to browse instead.
    html = (public / language / "search.html").read_text("utf-8")
    assert "<noscript>" in html and "JavaScript" in html
    targets = {page.resolve(a["href"]).relative_to(public.resolve()).as_posix() for a in page.find_all("a")}
    for listing in ("index.html", "actors/index.html", "tags/index.html", "sources/index.html"):
        assert f"{language}/{listing}" in targets
        assert (public / language / listing).is_file()


# In the browser ----------------------------------------------------------------------------------


class _StrictHandler(QuietHandler):
    policy = STRICT_CSP


@pytest.fixture(scope="module")
def server(public):
    with served(public) as address:
        yield address


@pytest.fixture(scope="module")
def strict_server(public):
    with served(public, _StrictHandler) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as browser:
        yield browser


def _all_results(page) -> list[str]:
    """The result links, after pressing «show more» until every result is shown."""
    page.locator(".pagefind-ui__result-link").first.wait_for()
    more = page.locator(".pagefind-ui__button")
    while more.count() and more.first.is_visible():
        shown = page.locator(".pagefind-ui__result-link").count()
        more.first.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.pagefind-ui__result-link').length > n", arg=shown
        )
    return page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.pathname)")


def _search_everything(page, term: str) -> list[str]:
    """Every page Pagefind's own API finds for a term (the UI shows the same, five at a time)."""
    return page.evaluate(
        """async term => {
            const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
            const found = await pagefind.search(term);
            return Promise.all(found.results.map(async r => (await r.data()).url));
        }""",
        term,
    )


def test_russian_search_finds_kosherbayev_and_keeps_the_query_in_the_address(browser, server, example_build):
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/ru/search.html?q={quote('Кошербаев')}")
    results = _all_results(page)
    for event in _his_events(example_build):
        assert f"/ru/events/{event}.html" in results
    assert results[0] == "/ru/actors/kosherbayev.html"  # his own page ranks first
    message = page.locator(".pagefind-ui__message").inner_text()
    assert "«Кошербаев»" in message and "найдено" in message
    # A new query typed in the box replaces the old one in the address: a reload shows its results.
    page.locator(".pagefind-ui__search-input").fill("Ландау")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'Ландау'")
    page.reload()
    assert page.locator(".pagefind-ui__search-input").input_value() == "Ландау"
    page.locator(".pagefind-ui__result-link").first.wait_for()
    assert "/ru/actors/landau.html" in page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.pathname)"
    )
    page.locator(".pagefind-ui__search-clear").click()
    page.wait_for_function("!new URLSearchParams(location.search).has('q')")
    assert problems == []


def test_kazakh_header_search_lands_on_results_and_finds_inflected_forms(browser, server, example_build):
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/kk/index.html")
    header_box = page.locator("form[role=search] input[name=q]")
    header_box.fill("Көшербаев")
    header_box.press("Enter")
    page.wait_for_url("**/kk/search.html?q=*")
    results = _all_results(page)
    for event in _his_events(example_build):
        assert f"/kk/events/{event}.html" in results
    assert "бет табылды" in page.locator(".pagefind-ui__message").inner_text()
    # Kazakh inflects by suffixes: every page that names him only as Көшербаевтың, Көшербаевпен, …
    # is found by the dictionary form.
    found = set(_search_everything(page, "Көшербаев"))
    inflected = {
        fragment["url"]
        for fragment in _fragments(example_build.output)
        if fragment["url"].startswith("/kk/") and re.search(r"Көшербаев\w+", fragment["content"])
    }
    assert inflected, "the Kazakh pages name him in inflected forms"
    assert inflected <= found
    assert not [url for url in found if not url.startswith("/kk/")]  # the Kazakh index only
    assert problems == []


def test_inflected_forms_are_found_in_both_languages(browser, tmp_path):
    """On pages written for the purpose: the Kazakh forms by their beginning, Russian by stemming."""
    pages = {
        "kk/a.html": "Ермек Көшербаевтың мәлімдемесі",
        "kk/b.html": "Кристофер Ландау Көшербаевпен кездесті",
        "kk/c.html": "Лондонда келісім жарияланды",
        "ru/a.html": "Встреча с Ермеком Кошербаевым",
        "ru/b.html": "Слова Кошербаева о минералах",
        "ru/c.html": "Соглашение объявлено в Лондоне",
    }
    files = {
        path: f'<html lang="{path[:2]}"><head><title>{text}</title><link rel="icon" href="data:,"></head>'
        f"<body><main><h1>{text}</h1><p>{text}.</p></main></body></html>".encode()
        for path, text in pages.items()
    }
    files.update(search_index(files, _config(tmp_path)))
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    with served(tmp_path) as address:
        page, problems = watched_page(browser, address)
        page.goto(f"{address}/kk/a.html")
        assert sorted(_search_everything(page, "Көшербаев")) == ["/kk/a.html", "/kk/b.html"]
        page.goto(f"{address}/ru/a.html")
        assert sorted(_search_everything(page, "Кошербаев")) == ["/ru/a.html", "/ru/b.html"]
        assert problems == []


def test_search_works_under_a_strict_content_security_policy(browser, strict_server):
    page, problems = watched_page(browser, strict_server)
    page.goto(f"{strict_server}/kk/search.html?q={quote('Ландау')}")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    page.locator(".pagefind-ui__search-input").press("Enter")  # Pagefind's own form: nothing is sent
    assert page.locator(".pagefind-ui__result-link").count() > 0
    assert problems == []


def test_without_javascript_the_page_offers_the_lists(browser, server):
    page, problems = watched_page(browser, server, java_script_enabled=False)
    page.goto(f"{server}/ru/search.html")
    assert "Для поиска нужен JavaScript" in page.locator(".search-help").inner_text()
    for name in ("Хронология", "Участники", "Темы", "Источники"):
        assert page.locator(".search-help").get_by_role("link", name=name, exact=True).is_visible()
    assert problems == []


def test_opened_from_disk_the_page_says_search_needs_a_server(browser, public):
    page, problems = watched_page(browser, None)
    page.goto((public / "kk" / "search.html").resolve().as_uri())
    assert page.locator("#search-from-disk").is_visible()
    assert page.locator(".search-help").get_by_role("link").count() == 4
    assert problems == []


@pytest.mark.parametrize("language, term", [("ru", "Кошербаев"), ("kk", "Көшербаев")])
def test_search_results_pass_axe(browser, server, language, term):
    assert AXE.is_file(), "axe-core is not installed: run tests/run, which installs it"
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/{language}/search.html?q={quote(term)}")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    assert page.locator(".pagefind-ui__search-input").get_attribute("aria-labelledby") == "search-title"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
        })).violations.map(v => `${v.id}: ${v.nodes.map(n => n.html).join(" | ")}`)"""
    )
    assert violations == []
    assert problems == []
