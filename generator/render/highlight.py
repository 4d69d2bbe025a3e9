"""Source words a reader should see: the dates and actors extraction read, marked in place.

Markup is inserted through private-use sentinel characters placed at the extracted offsets
*before* the text is escaped or rendered as Markdown, so offsets stay those of the file and the
marks survive Markdown rendering; the sentinels are then swapped for tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from markupsafe import Markup

from ..model import Document, Highlight

_OPEN, _MIDDLE, _CLOSE = "\ue000", "\ue001", "\ue002"
# The sentinels, and the <a> tags Markdown itself wrote: a mark inside a link cannot be a link.
_SENTINELS = re.compile(f"{_OPEN}(\\d+){_MIDDLE}|{_CLOSE}|(<a\\b[^>]*>)|(</a>)")
# Markdown link targets and autolinks: a sentinel there would end up inside an href.
_LINK_TARGETS = re.compile(r"\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>", re.IGNORECASE)

# (highlight) -> (href or None, title or None)
Linker = Callable[[Highlight], tuple[str | None, str | None]]


def marked_text(text: str, offset: int, highlights: list[Highlight]) -> tuple[str, list[Highlight]]:
    """`text` (which starts at `offset` in the document) with sentinels around each highlight
    that lies wholly inside it; returns the text and the highlights placed, by sentinel number."""
    placed = [
        h
        for h in sorted(highlights, key=lambda h: (h.start, -h.end))
        if offset <= h.start
        and h.end <= offset + len(text)
        and "\n" not in text[h.start - offset : h.end - offset]
    ]
    parts, cursor = [], 0
    for number, word in enumerate(placed):
        start, end = word.start - offset, word.end - offset
        parts += [text[cursor:start], f"{_OPEN}{number}{_MIDDLE}", text[start:end], _CLOSE]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts), placed


def tags_for(html: str, placed: list[Highlight], link: Linker) -> Markup:
    """Swap the sentinels in rendered, escaped HTML for `<a>` or `<mark>` tags."""
    closers: list[str] = []
    inside_link = 0

    def swap(match: re.Match) -> str:
        nonlocal inside_link
        if match.group(2) or match.group(3):
            inside_link += 1 if match.group(2) else -1
            return match.group(0)
        if match.group(1) is None:
            return closers.pop() if closers else ""
        word = placed[int(match.group(1))]
        href, title = link(word)
        if inside_link:
            href = None
        classes = f"hl hl-{word.kind}"
        title_attr = f' title="{escape(title)}"' if title else ""
        if href:
            closers.append("</a>")
            return f'<a class="{classes}" href="{escape(href)}"{title_attr}>'
        closers.append("</mark>")
        return f'<mark class="{classes}"{title_attr}>'

    return Markup(_SENTINELS.sub(swap, html))


def highlighted_span(document: Document, span: tuple[int, int], highlights: list[Highlight], link: Linker):
    """One stretch of a document (an evidence clause, a title) as escaped HTML with its marks."""
    start, end = span
    text, placed = marked_text(document.text[start:end], start, highlights)
    return tags_for(escape(text, quote=False), placed, link)


def highlighted_body(
    document: Document, highlights: list[Highlight], link: Linker, markdown: Callable[[str], str]
) -> Markup:
    """The article's body as paragraphs (plain text) or rendered Markdown, with every mark."""
    if document.path.suffix in (".md", ".markdown"):
        targets = [m.span() for m in _LINK_TARGETS.finditer(document.body)]
        start = document.body_start
        highlights = [
            h for h in highlights if not any(a < h.end - start and h.start - start < b for a, b in targets)
        ]
    text, placed = marked_text(document.body, document.body_start, highlights)
    if document.path.suffix in (".md", ".markdown"):
        html = markdown(text)
    else:
        html = "\n".join(
            f"<p>{escape(paragraph.strip(), quote=False)}</p>"
            for paragraph in text.split("\n")
            if paragraph.strip()
        )
    return tags_for(html, placed, link)
