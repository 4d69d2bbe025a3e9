"""What a reader sees, in real headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="install the test extras: pip install -e '.[test]'"
)

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def server(example_build):
    handler = functools.partial(_QuietHandler, directory=str(example_build.output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "chromium is not installed: run tests/run, which installs it"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _watched_page(browser, server, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    host = urlparse(server).netloc
    page.on(
        "request",
        lambda r: problems.append(f"external request {r.url}") if urlparse(r.url).netloc != host else None,
    )
    return page, problems


def test_reader_switches_language_and_stays_on_the_same_event(browser, server):
    page, problems = _watched_page(browser, server)
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


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_both_languages(browser, server, width):
    ARTIFACTS.mkdir(exist_ok=True)
    for language in ("ru", "kk"):
        page, problems = _watched_page(browser, server, width)
        page.goto(f"{server}/{language}/index.html")
        page.screenshot(path=str(ARTIFACTS / f"index-{language}-{width}.png"), full_page=True)
        # Nothing may be wider than the screen: a phone reader never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert problems == []
        page.close()
