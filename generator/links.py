"""Which links the generator publishes: web addresses and paths on the site, nothing that runs."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https"})
# Browsers drop these before reading a scheme, so "java\tscript:" and " javascript:" still run.
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_link(url: str) -> bool:
    """An http(s) address with a host, or a relative link (a path, a `#fragment`, `//host/…`)."""
    cleaned = _IGNORED_BY_BROWSERS.sub("", url)
    if cleaned.startswith("\\") or cleaned.startswith("/\\"):
        return False  # browsers read "\\host" as "//host" and a scheme can hide behind it
    parts = urlsplit(cleaned)
    if not parts.scheme:
        return ":" not in cleaned.split("/", 1)[0] or cleaned.startswith(("/", "#", "?", "."))
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc)
