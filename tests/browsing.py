"""What the browser tests share: Debian's chromium driven by Playwright, a local server for a
built site, and a page that records every console error and every request leaving that server."""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the background-networking flags chromium tries to reach its vendor's hosts at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without logging each request; `policy` adds a Content-Security-Policy."""

    policy: str | None = None

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


def free_port() -> int:
    """A port nothing listens on now, for a server started later (a child process, say)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(directory: Path, handler: type[QuietHandler] = QuietHandler):
    """The folder on 127.0.0.1 at a free port; yields its address."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@contextmanager
def chromium_browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is not installed: run tests/run, which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def watched_page(browser, server: str | None, width: int = 1280, **context):
    """A fresh page whose `problems` list collects console errors, page errors and any request
    to another host than `server` (data: and blob: URLs stay in the page)."""
    page = browser.new_context(viewport={"width": width, "height": 900}, **context).new_page()
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    allowed = urlparse(server).netloc if server else ""

    def request(r):
        address = urlparse(r.url)
        if address.scheme not in ("data", "blob") and address.netloc != allowed:
            problems.append(f"external request {r.url}")

    page.on("request", request)
    return page, problems
