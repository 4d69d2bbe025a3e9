"""Atom feeds, `sitemap.xml` and `robots.txt`: what feed readers and crawlers fetch.

No clock is read: an entry's `updated` is the latest publication date among the event's sources,
so two builds of the same content are byte-identical. Links are absolute when site.toml gives
`base_url`, else relative to the file that holds them; a sitemap must hold absolute URLs, so
without `base_url` none is written.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import uuid
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from ..config import SiteConfig
from ..model import Event, Timeline
from .dates import format_span
from .plan import PlannedPage, page_path
from .wording import KIND_LABELS, absolute_url, gettext_for, localized

FEED_LIMIT = 50  # entries per feed: the events with the latest dates
SITEMAP_LIMIT = 50_000  # URLs per sitemap file, as the sitemaps.org protocol allows

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_files(timeline: Timeline, config: SiteConfig) -> dict[str, bytes]:
    """`<lang>/feed.xml` for every language."""
    return {
        f"{lang}/feed.xml": _atom(timeline, config, lang, gettext_for(config, lang))
        for lang in config.languages
    }


def _atom(timeline: Timeline, config: SiteConfig, language: str, gettext) -> bytes:
    feed_path = f"{language}/feed.xml"

    def link(path: str) -> str:
        return absolute_url(config, path) or quote(
            posixpath.relpath(path, posixpath.dirname(feed_path)), safe="/"
        )

    def urn(name: str) -> str:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{language}:{name}").urn

    events = sorted(timeline.events, key=Event.sort_key, reverse=True)[:FEED_LIMIT]
    entries = []
    for event in events:
        path = page_path(("event", event.id), language)
        title, title_lang = localized(event.title, language, config.default_language)
        summary, summary_lang = localized(event.summary, language, config.default_language)
        if not summary:
            summary, summary_lang = format_span(event.span, language, gettext), language
        lines = [
            f"  <entry xml:lang={quoteattr(language)}>",
            _text("id", absolute_url(config, path) or urn(f"event:{event.id}"), 4),
            _text("title", title or event.id, 4, title_lang, language),
            _text("updated", _instant(event.last_reported()), 4),
            f'    <link rel="alternate" type="text/html" href={quoteattr(link(path))}/>',
            f"    <category term={quoteattr(event.kind)} label="
            f"{quoteattr(gettext(KIND_LABELS[event.kind]))}/>",
        ]
        for tag in event.tags:
            known = timeline.tags.get(tag)
            label = f" label={quoteattr(_clean(known.name(language)))}" if known else ""
            lines.append(f"    <category term={quoteattr(_clean(tag))}{label}/>")
        lines += [_text("summary", summary, 4, summary_lang, language), "  </entry>"]
        entries.append("\n".join(lines))
    days = [event.last_reported() for event in events] or [
        doc.published.first_day() for doc in timeline.documents.values() if doc.published
    ]
    updated = max(days, default=dt.date(1970, 1, 1))
    title = config.title[language]
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(language)}>',
        _text("id", absolute_url(config, feed_path) or urn("feed"), 2),
        _text("title", title, 2),
    ]
    if config.description.get(language):
        head.append(_text("subtitle", config.description[language], 2))
    head += [
        _text("updated", _instant(updated), 2),
        f"  <author>\n{_text('name', title, 4)}\n  </author>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(link(feed_path))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(link(page_path(("index",), language)))}/>',
        "  <generator>timeline</generator>",
    ]
    return ("\n".join([*head, *entries, "</feed>"]) + "\n").encode("utf-8")


def _text(name: str, text: str, indent: int, text_lang: str = "", context_lang: str = "") -> str:
    lang = f" xml:lang={quoteattr(text_lang)}" if text_lang != context_lang else ""
    return f"{' ' * indent}<{name}{lang}>{escape(_clean(text))}</{name}>"


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped."""
    return _XML_INVALID.sub("", text)


def _instant(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def sitemap_files(pages: list[PlannedPage], config: SiteConfig) -> dict[str, bytes]:
    """`robots.txt` always; `sitemap.xml` (split past 50 000 URLs) only when base_url is set."""
    robots = "User-agent: *\nAllow: /\n"
    if not config.base_url.strip():
        return {"robots.txt": robots.encode("utf-8")}
    listed = [page for page in pages if page.indexed]
    versions: dict[tuple[str, ...], dict[str, str]] = {}
    for page in listed:
        versions.setdefault(page.key, {})[page.language] = page.path
    urls = [_sitemap_url(page, versions[page.key], config) for page in listed]
    chunks = [urls[i : i + SITEMAP_LIMIT] for i in range(0, len(urls), SITEMAP_LIMIT)] or [[]]
    files = {}
    if len(chunks) == 1:
        files["sitemap.xml"] = _urlset(chunks[0])
    else:
        names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
        files.update(zip(names, map(_urlset, chunks), strict=True))
        index = [
            f"  <sitemap><loc>{escape(absolute_url(config, name) or name)}</loc></sitemap>" for name in names
        ]
        files["sitemap.xml"] = _xml(
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', index, "</sitemapindex>"
        )
    robots += f"\nSitemap: {absolute_url(config, 'sitemap.xml')}\n"
    files["robots.txt"] = robots.encode("utf-8")
    return files


def _sitemap_url(page: PlannedPage, versions: dict[str, str], config: SiteConfig) -> str:
    lines = ["  <url>", f"    <loc>{escape(absolute_url(config, page.path) or '')}</loc>"]
    alternates = [(lang, versions[lang]) for lang in config.languages if lang in versions]
    if config.default_language in versions:
        alternates.append(("x-default", versions[config.default_language]))
    for hreflang, path in alternates:
        href = quoteattr(absolute_url(config, path) or "")
        lines.append(f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href={href}/>')
    lines.append("  </url>")
    return "\n".join(lines)


def _urlset(urls: list[str]) -> bytes:
    opening = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    )
    return _xml(opening, urls, "</urlset>")


def _xml(opening: str, body: list[str], closing: str) -> bytes:
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', opening, *body, closing, ""]).encode("utf-8")
