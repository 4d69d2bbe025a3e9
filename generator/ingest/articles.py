"""Source articles: the seed text format and Markdown with front matter.

Seed format: the first line may be ` date YYYY-MM-DD` followed on the same line by the headline;
otherwise the first non-empty line is the headline and the publication date is unknown until
extraction infers it. The file stem is the source id everywhere.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import ContentError
from ..ids import SOURCE_ID, SOURCE_ID_RULE
from ..links import is_safe_link
from ..model import LANGUAGES, Document, PartialDate
from ..site_files import check_name_length, read_site_bytes
from .frontmatter import as_date_text, split_front_matter
from .text import decode, detect_language

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
_BARE_DATE_LINE = re.compile(r"^[ \t\ufeff]*date[ \t\r]*$")
_DATE_LINE = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)[ \t]*(.*?)[ \t\r]*$")


def read_article(path: Path, known: Document | None = None) -> Document:
    """`known`: this file as an earlier build in this process read it, taken again if its bytes are
    the same (decoding and telling the language of thousands of articles takes a second)."""
    check_name_length(path)
    data = read_site_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if known is not None and known.content_hash == digest and known.path == path:
        return known
    text, encoding = decode(path, data)
    source_id = path.stem
    if not SOURCE_ID.match(source_id):
        raise ContentError(
            path,
            None,
            f"the file name {path.name!r} cannot be a source id in a URL",
            f"rename it using {SOURCE_ID_RULE}",
        )
    if path.suffix in (".md", ".markdown"):
        front = split_front_matter(path, text)
        if front is not None:
            return _markdown_article(path, source_id, text, encoding, digest, front)
    return _seed_article(path, source_id, text, encoding, digest)


def _seed_article(path: Path, source_id: str, text: str, encoding: str, digest: str) -> Document:
    first_end = _line_end(text, 0)
    match = _DATE_LINE.match(text[:first_end])
    if _BARE_DATE_LINE.match(text[:first_end]):
        raise ContentError(
            path,
            1,
            "the date line holds no date",
            "write it as ` date YYYY-MM-DD Headline`, or remove the line",
        )
    published, published_from = None, "none"
    if match:
        try:
            published = PartialDate.parse(match.group(1))
        except ValueError as error:
            raise ContentError(
                path,
                1,
                f"the date line holds a bad date: {error}",
                "write it as ` date YYYY-MM-DD` with a real calendar date",
            ) from None
        published_from = "header"
        if match.group(2):
            title_start = match.start(2)
            title_end = title_start + len(match.group(2))
        else:
            title_start, title_end = _first_text_line(text, _next_line(text, first_end))
    else:
        title_start, title_end = _first_text_line(text, 0)
    if title_start == title_end:
        raise ContentError(path, None, "the article has no text", "paste the article's headline and text")
    return Document(
        id=source_id,
        path=path,
        language=detect_language(text),
        published=published,
        published_from=published_from,
        title=text[title_start:title_end],
        title_span=(title_start, title_end),
        text=text,
        body_start=_next_line(text, title_end),
        content_hash=digest,
        encoding=encoding,
    )


def _markdown_article(path, source_id, text, encoding, digest, front) -> Document:
    fields = front.fields
    title = fields.get("title")
    title = title.strip() if isinstance(title, str) else ""
    if not title:
        raise ContentError(path, 2, "the article's front matter has no title", "add `title: …`")
    published, published_from = None, "none"
    raw_date = fields.get("date", fields.get("published"))
    if raw_date is not None:
        try:
            published = PartialDate.parse(as_date_text(raw_date))
        except ValueError as error:
            raise ContentError(
                path,
                front.line("date") or front.line("published"),
                str(error),
                "write the publication date as YYYY-MM-DD",
            ) from None
        published_from = "front_matter"
    language = fields.get("language") or detect_language(title + "\n" + front.body)
    if language not in LANGUAGES:
        raise ContentError(
            path,
            front.line("language"),
            f"unknown language {language!r}",
            f"use one of {', '.join(LANGUAGES)}",
        )
    title_offset = text.find(title)
    return Document(
        id=source_id,
        path=path,
        language=language,
        published=published,
        published_from=published_from,
        title=title,
        title_span=(title_offset, title_offset + len(title)) if title_offset >= 0 else (0, 0),
        text=text,
        body_start=front.body_start,
        content_hash=digest,
        encoding=encoding,
        outlet=_plain_text(path, front, "outlet"),
        url=_source_url(path, front),
    )


def _plain_text(path: Path, front, key: str) -> str | None:
    value = front.fields.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    raise ContentError(path, front.line(key), f"`{key}` must be a text", f'write `{key}: "…"` on one line')


def _source_url(path: Path, front) -> str | None:
    """Only a web address or a path on the site: a `javascript:` or `data:` URL would run a script
    for a reader who clicks the source link."""
    url = _plain_text(path, front, "url")
    if url is None or is_safe_link(url):
        return url
    raise ContentError(
        path,
        front.line("url"),
        f"`url: {url}` is not a web address; only http, https and relative links are published",
        "write the article's address as it appears in a browser, starting with https://",
    )


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _next_line(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


def _first_text_line(text: str, start: int) -> tuple[int, int]:
    """Span of the first non-blank line at or after `start`, without surrounding spaces."""
    offset = start
    while offset < len(text):
        end = _line_end(text, offset)
        line = text[offset:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return offset + lead, offset + len(line.rstrip())
        offset = end + 1
    return len(text), len(text)
