"""Links the site publishes: web addresses and site paths; nothing a browser would run."""

from __future__ import annotations

import pytest

from generator.links import is_safe_link


@pytest.mark.parametrize(
    "url",
    [
        "https://kz.kursiv.media/2025-11-06/x/",
        "http://example.org",
        "//example.org/a",
        "/ru/",
        "a.html",
        "#x",
    ],
)
def test_web_addresses_and_site_paths_are_published(url):
    assert is_safe_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "https:no-host",
        "\\\\evil.example\\share",
    ],
)
def test_anything_that_runs_or_leaves_the_web_is_refused(url):
    assert not is_safe_link(url)
