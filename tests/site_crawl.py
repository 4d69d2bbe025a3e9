"""Crawling a built site on disk: every URL each page and style sheet refers to, checked offline.

`crawl(root, base_url)` reads every .html and .css file under `root` and reports
- broken internal references: a relative (or same-site absolute) URL whose file is missing, that
  leaves the site's folder, or whose #fragment names no element (id, or <a name>) in the target;
- external resources: anything the browser would fetch from another host when the page loads
  (scripts, style sheets, icons, images, frames, CSS url() and @import, …);
- outbound links: absolute <a href> (and the like) to other sites; allowed, only listed.

Root-relative URLs (`/assets/x.css`) count as broken: the site must work from a sub-path and
straight from disk, where `/` is not the site's root.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# A URL in one of these places is only followed when the reader acts (or never): it may point anywhere.
_NAVIGATION = {
    ("a", "href"),
    ("area", "href"),
    ("form", "action"),
    ("blockquote", "cite"),
    ("q", "cite"),
    ("del", "cite"),
    ("ins", "cite"),
}
# A URL in one of these places is fetched when the page loads: it must stay on the local site.
_RESOURCE = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
    ("image", "xlink:href"),
    ("use", "href"),
    ("use", "xlink:href"),
    ("feimage", "href"),
    ("feimage", "xlink:href"),
}
# <link rel> values that make the browser fetch nothing; any other rel (stylesheet, icon, preload,
# manifest, preconnect, …) is a resource.
_LINK_NO_FETCH = {
    "alternate",
    "author",
    "bookmark",
    "canonical",
    "external",
    "help",
    "license",
    "me",
    "next",
    "nofollow",
    "noopener",
    "noreferrer",
    "prev",
    "privacy-policy",
    "search",
    "terms-of-service",
}
_SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript", "about", "blob", "sms"}
_CSS_URL = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')"""
)

# How a reference is judged.
NAVIGATION = "navigation"  # may point anywhere; internal targets must exist
RESOURCE = "resource"  # fetched on load: must be local, and exist
SELF = "self"  # names the site itself (canonical, hreflang alternates, og:url): local or base_url


@dataclass
class Reference:
    file: str  # path relative to the site root, with forward slashes
    line: int
    where: str  # e.g. '<a href>', '<link rel="stylesheet" href>', 'CSS url()'
    url: str
    role: str


@dataclass
class CrawlReport:
    pages: int = 0
    stylesheets: int = 0
    references: int = 0
    broken: list[str] = field(default_factory=list)
    external_resources: list[str] = field(default_factory=list)
    outbound_links: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    """Collects the ids (and <a name>s) of one page and every URL it refers to."""

    def __init__(self, rel: str):
        super().__init__(convert_charrefs=True)
        self.rel = rel
        self.anchors: set[str] = set()
        self.references: list[Reference] = []
        self._in_style = False

    def _add(self, where: str, url: str, role: str, line: int | None = None) -> None:
        self.references.append(Reference(self.rel, line or self.getpos()[0], where, url, role))

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        if tag == "style":
            self._in_style = True
        for name, value in values.items():
            if name == "style":
                for url, offset in css_urls(value):
                    self._add(f"<{tag} style> url()", url, RESOURCE, self.getpos()[0] + offset)
            elif name in ("srcset", "imagesrcset"):
                for url in srcset_urls(value):
                    self._add(f"<{tag} {name}>", url, RESOURCE)
            elif (tag, name) in _RESOURCE:
                self._add(f"<{tag} {name}>", value, RESOURCE)
            elif (tag, name) in _NAVIGATION:
                self._add(f"<{tag} {name}>", value, NAVIGATION)
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            role = SELF if rels and rels <= _LINK_NO_FETCH else RESOURCE
            self._add(f'<link rel="{values.get("rel", "")}" href>', values["href"], role)
        if tag == "meta":
            self._meta(values)

    handle_startendtag = handle_starttag

    def _meta(self, values: dict[str, str]) -> None:
        content = values.get("content", "")
        if values.get("http-equiv", "").lower() == "refresh":
            match = re.search(r"""url\s*=\s*['"]?([^'"]*)""", content, re.IGNORECASE)
            if match:
                self._add('<meta http-equiv="refresh">', match.group(1).strip(), NAVIGATION)
            return
        key = values.get("property") or values.get("name") or ""
        if key.startswith(("og:", "twitter:")) and re.match(r"(?i)(https?:)?//", content):
            self._add(f'<meta property="{key}">', content, SELF)

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            start = self.getpos()[0]
            for url, offset in css_urls(data):
                self._add("<style> url()", url, RESOURCE, start + offset)


def css_urls(css: str) -> list[tuple[str, int]]:
    """Every url() and @import target in a piece of CSS, with its line offset (0 for the first line)."""
    found = []
    for match in _CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None)
        found.append((url, css.count("\n", 0, match.start())))
    return found


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset: comma-separated candidates, each a URL and an optional descriptor."""
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def _site_files(root: Path, suffix: str) -> list[Path]:
    return sorted(path for path in root.rglob(f"*{suffix}") if path.is_file())


def crawl(root: Path, base_url: str = "") -> CrawlReport:
    """Reads every page and style sheet under `root` and checks every URL they hold."""
    root = root.resolve()
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    report = CrawlReport()
    anchors: dict[str, set[str]] = {}
    references: list[Reference] = []
    for path in _site_files(root, ".html"):
        rel = path.relative_to(root).as_posix()
        parser = _PageParser(rel)
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        anchors[rel] = parser.anchors
        references.extend(parser.references)
        report.pages += 1
    for path in _site_files(root, ".css"):
        rel = path.relative_to(root).as_posix()
        for url, offset in css_urls(path.read_text(encoding="utf-8")):
            references.append(Reference(rel, 1 + offset, "CSS url()/@import", url, RESOURCE))
        report.stylesheets += 1
    report.references = len(references)

    def anchors_of(rel: str) -> set[str]:
        if rel not in anchors:  # an SVG or other file outside the .html crawl
            parser = _PageParser(rel)
            parser.feed((root / rel).read_text(encoding="utf-8", errors="replace"))
            anchors[rel] = parser.anchors
        return anchors[rel]

    for ref in references:
        problem = _check(ref, root, base_url, anchors_of, report)
        if problem:
            report.broken.append(f"{ref.file}:{ref.line} {ref.where} {ref.url!r}: {problem}")
    return report


def _check(ref: Reference, root: Path, base_url: str, anchors_of, report: CrawlReport) -> str | None:
    url = ref.url.strip(" \t\n\r\f")
    parts = urlsplit(url)
    if parts.scheme.lower() in _SKIPPED_SCHEMES:
        return None
    located = f"{ref.file}:{ref.line} {ref.where} {url}"
    if base_url and url.startswith(base_url):
        path = unquote(urlsplit(url[len(base_url) :]).path)
        target = posixpath.normpath(path) if path else "."
        is_folder = path == "" or path.endswith("/")
    elif parts.scheme or url.startswith("//"):
        if ref.role == RESOURCE:
            report.external_resources.append(located)
        elif ref.role == SELF:
            report.external_resources.append(f"{located} (names another site, not base_url {base_url!r})")
        else:
            report.outbound_links.append(located)
        return None
    elif url.startswith("/"):
        return "root-relative URL: breaks when the site is served from a sub-path or opened from disk"
    else:
        path = unquote(parts.path)
        if path == "":
            target, is_folder = ref.file, False
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(ref.file), path))
            is_folder = path.endswith("/")
    if target == ".." or target.startswith("../"):
        return "points outside the site's folder"
    file = root / target
    if is_folder or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return f"no such file {file.relative_to(root).as_posix()}"
    fragment = unquote(urlsplit(url).fragment)
    if not fragment or fragment.lower() == "top" or fragment.startswith(":~:"):
        return None  # '#' and '#top' scroll to the top; ':~:' is a text fragment
    rel = file.relative_to(root).as_posix()
    if file.suffix not in (".html", ".svg"):
        return None
    if fragment not in anchors_of(rel):
        return f"no element with id or name {fragment!r} in {rel}"
    return None
