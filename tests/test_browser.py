"""What a reader sees, in real headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import chromium_browser, served, watched_page

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def server(example_build):
    with served(example_build.output) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as browser:
        yield browser


def test_reader_switches_language_and_stays_on_the_same_event(browser, server):
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/")
    page.wait_for_url("**/ru/index.html")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.get_by_role("link", name="Қазақ тілі").click()
    page.wait_for_url("**/kk/index.html")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.get_by_role("heading", level=1).inner_text() == "Хронология"
    page.get_by_role(
        "link", name="Қазақстан мен АҚШ маңызды минералдар туралы меморандумға қол қойды"
    ).click()
    page.wait_for_url("**/kk/events/2025-11-06-kz-us-critical-minerals-mou.html")
    assert "2025 ж. 6 қараша" in page.locator("time").first.inner_text().replace("\u202f", " ")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/events/2025-11-06-kz-us-critical-minerals-mou.html")
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Казахстан и США подписали меморандум о критических минералах"
    )
    assert problems == []


SCREENSHOT_PAGES = {
    "index": "index.html",
    "event": "events/2026-02-04-critical-minerals-ministerial.html",
    "source": "sources/002_c61c0215de82188b.html",
    "actor": "actors/kosherbayev.html",
}


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_both_languages(browser, server, width):
    ARTIFACTS.mkdir(exist_ok=True)
    for language in ("ru", "kk"):
        for name, path in SCREENSHOT_PAGES.items():
            page, problems = watched_page(browser, server, width)
            page.goto(f"{server}/{language}/{path}")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{language}-{width}.png"), full_page=True)
            # Nothing may be wider than the screen: a phone reader never scrolls sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, language)
            assert problems == []
            page.close()


def _status(page) -> str:
    """The filter's message, with no-break spaces (they keep «1 событие» on one line) as spaces."""
    return page.get_by_role("status").inner_text().replace("\xa0", " ")


def _visible_events(page) -> list[str]:
    return page.eval_on_selector_all(
        ".event-entry:not([hidden]) .event-title a", "links => links.map(a => a.getAttribute('href'))"
    )


def test_a_filter_hides_other_events_without_a_page_load_and_lives_in_the_url(browser, server, example_build):
    events = example_build.timeline.events
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/ru/index.html")
    assert len(_visible_events(page)) == len(events)
    page.evaluate("window.__same_document = true")
    page.get_by_label("Участник", exact=True).select_option(label="Кристофер Ландау")
    landau = [f"events/{e.id}.html" for e in events if "landau" in e.actors]
    assert _visible_events(page) == landau
    assert page.url.endswith("/ru/index.html?actor=landau")
    assert _status(page) == f"Найдено {len(landau)} событие"
    assert page.evaluate("window.__same_document") is True  # no page load happened
    page.get_by_label("Страна", exact=True).select_option(label="Великобритания")
    assert _visible_events(page) == []
    assert _status(page) == "Найдено 0 событий"
    assert not page.locator("section.year:not([hidden])").count()  # empty years fold away
    page.get_by_role("button", name="Показать все").click()
    page.wait_for_function("!location.search")
    assert len(_visible_events(page)) == len(events)
    assert problems == []


def test_a_shared_filtered_address_opens_filtered(browser, server, example_build):
    uk_targets = [
        f"events/{e.id}.html"
        for e in example_build.timeline.events
        if e.kind == "target"
        and "uk" in {*e.actors, *(example_build.timeline.actors[a].country for a in e.actors)}
    ]
    assert uk_targets
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/kk/index.html?country=uk&kind=target")
    assert _visible_events(page) == uk_targets
    assert page.get_by_label("Ел", exact=True).input_value() == "uk"
    assert _status(page) == f"{len(uk_targets)} оқиға табылды"
    assert problems == []


def test_without_javascript_every_event_is_listed_and_no_dead_controls_show(browser, server, example_build):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/ru/index.html?actor=landau")
    assert len(_visible_events(page)) == len(example_build.timeline.events)
    assert not page.locator("#filters").is_visible()
    assert page.get_by_role("link", name="Участники").first.is_visible()  # lists still reach everything
    context.close()


def test_print_drops_navigation_filters_and_chart(browser, server):
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/ru/index.html")
    page.emulate_media(media="print")
    for selector in (".site-header nav.sections", ".site-search", "#filters", "figure.overview"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator(".event-entry").first.is_visible()
    assert problems == []


def test_the_language_switch_keeps_the_filter(browser, server, example_build):
    page, problems = watched_page(browser, server)
    page.goto(f"{server}/ru/index.html")
    page.get_by_label("Участник", exact=True).select_option(label="Кристофер Ландау")
    page.get_by_role("link", name="Қазақ тілі").click()
    page.wait_for_url("**/kk/index.html?actor=landau")
    landau = [f"events/{e.id}.html" for e in example_build.timeline.events if "landau" in e.actors]
    assert _visible_events(page) == landau
    assert page.get_by_label("Қатысушы", exact=True).input_value() == "landau"
    assert problems == []
