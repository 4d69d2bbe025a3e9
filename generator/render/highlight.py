"""Source words a reader should see: the dates and actors extraction read, marked in place.

Markup is inserted through private-use sentinel characters (three the text does not hold) placed
at the extracted offsets *before* the text is escaped or rendered as Markdown, so offsets stay
those of the file and the marks survive Markdown rendering; the sentinels are then swapped for tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from html import escape

from markupsafe import Markup

from ..model import Document, Highlight

_PRIVATE_USE = range(0xE000, 0xF8FF - 2, 3)
# Markdown link targets, autolinks and reference definitions: a sentinel there would be
# percent-encoded into an href, where no later step could find it.
_LINK_TARGETS = re.compile(
    r"\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|^ {0,3}\[[^\]\n]+\]:.*$", re.IGNORECASE | re.MULTILINE
)
_TAG = re.compile(r"<[^>]*>")  # in escaped HTML, every `<` left starts a tag

# (highlight) -> (href or None, title or None)
Linker = Callable[[Highlight], tuple[str | None, str | None]]


@dataclass(frozen=True)
class Sentinels:
    """Three private-use characters the text itself does not hold, so an article that happens to
    contain U+E000 cannot be mistaken for a mark."""

    open: str
    middle: str
    close: str

    @classmethod
    def absent_from(cls, text: str) -> Sentinels:
        present = set(text)
        for base in _PRIVATE_USE:
            chars = chr(base), chr(base + 1), chr(base + 2)
            if not present.intersection(chars):
                return cls(*chars)
        raise ValueError("the text uses every private-use character")  # 6 400 of them: never

    @cached_property
    def marks(self) -> re.Pattern[str]:
        """A mark's opening or closing sentinel."""
        return re.compile(f"{self.open}\\d+{self.middle}|{self.close}")

    @cached_property
    def marks_and_links(self) -> re.Pattern[str]:
        """The sentinels, and the <a> tags Markdown itself wrote: a mark inside a link cannot be a link."""
        return re.compile(f"{self.open}(\\d+){self.middle}|{self.close}|(<a\\b[^>]*>)|(</a>)")


@dataclass
class MarkedText:
    text: str
    placed: list[Highlight]  # by sentinel number
    sentinels: Sentinels


def marked_text(text: str, offset: int, highlights: list[Highlight]) -> MarkedText:
    """`text` (which starts at `offset` in the document) with sentinels around each highlight
    that lies wholly inside it."""
    sentinels = Sentinels.absent_from(text)
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
        parts += [text[cursor:start], f"{sentinels.open}{number}{sentinels.middle}", text[start:end]]
        parts.append(sentinels.close)
        cursor = end
    parts.append(text[cursor:])
    return MarkedText("".join(parts), placed, sentinels)


def tags_for(html: str, marked: MarkedText, link: Linker) -> Markup:
    """Swap the sentinels in rendered, escaped HTML for `<a>` or `<mark>` tags. A mark Markdown put
    inside a tag (an image's alt text, a link's title) is dropped: markup has no place in an
    attribute."""
    sentinels = marked.sentinels
    html = _TAG.sub(lambda tag: sentinels.marks.sub("", tag.group(0)), html)
    closers: list[str] = []
    inside_link = 0

    def swap(match: re.Match) -> str:
        nonlocal inside_link
        if match.group(2) or match.group(3):
            inside_link += 1 if match.group(2) else -1
            return match.group(0)
        if match.group(1) is None:
            return closers.pop() if closers else ""
        word = marked.placed[int(match.group(1))]
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

    return Markup(sentinels.marks_and_links.sub(swap, html))


def highlighted_span(document: Document, span: tuple[int, int], highlights: list[Highlight], link: Linker):
    """One stretch of a document (an evidence clause, a title) as escaped HTML with its marks."""
    start, end = span
    marked = marked_text(document.text[start:end], start, highlights)
    return tags_for(escape(marked.text, quote=False), marked, link)


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
    marked = marked_text(document.body, document.body_start, highlights)
    if document.path.suffix in (".md", ".markdown"):
        html = markdown(marked.text)
    else:
        html = "\n".join(
            f"<p>{escape(paragraph.strip(), quote=False)}</p>"
            for paragraph in marked.text.split("\n")
            if paragraph.strip()
        )
    return tags_for(html, marked, link)
