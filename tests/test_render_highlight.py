"""Marks in a source's text: at the extracted offsets, escaped, and intact through Markdown."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from generator.merge.highlights import highlights_of
from generator.model import DateSpan, Document, Event, Highlight, SourceRef
from generator.render.highlight import highlighted_body, highlighted_span


def _document(text: str, body_start: int, suffix: str = ".txt") -> Document:
    title_end = text.index("\n")
    return Document(
        id="doc",
        path=Path(f"doc{suffix}"),
        language="ru",
        published=None,
        published_from="none",
        title=text[:title_end],
        title_span=(0, title_end),
        text=text,
        body_start=body_start,
        content_hash="",
        encoding="utf-8",
    )


def _at(text: str, words: str, kind: str, event: str | None = None, actor: str | None = None) -> Highlight:
    start = text.index(words)
    return Highlight(start, start + len(words), kind, actor, event)


def _link(word: Highlight):
    return (f"events/{word.event}.html", "<событие>") if word.event else (None, None)


TEXT = "Заголовок\nГлава МИД <Казахстана> встретился 5 февраля.\n\nВторой абзац & Рубио в декабре.\n"


def test_marks_sit_on_the_extracted_words_and_text_is_escaped():
    document = _document(TEXT, TEXT.index("\n") + 1)
    words = [
        _at(TEXT, "Казахстана", "actor", actor="kazakhstan"),
        _at(TEXT, "5 февраля", "date", event="talks"),
        _at(TEXT, "в декабре", "date"),
    ]
    html = str(highlighted_body(document, words, _link, MarkdownIt().render))
    assert html == (
        '<p>Глава МИД &lt;<mark class="hl hl-actor">Казахстана</mark>&gt; встретился '
        '<a class="hl hl-date" href="events/talks.html" title="&lt;событие&gt;">5 февраля</a>.</p>\n'
        '<p>Второй абзац &amp; Рубио <mark class="hl hl-date">в декабре</mark>.</p>'
    )


def test_marks_survive_markdown_rendering():
    text = "Заголовок\n# Встреча\n\n**Министры** встретились *5 февраля* в Астане.\n"
    document = _document(text, text.index("\n") + 1, ".md")
    words = [_at(text, "5 февраля", "date", event="talks"), _at(text, "Министры", "actor")]
    html = str(highlighted_body(document, words, _link, MarkdownIt().render))
    assert '<strong><mark class="hl hl-actor">Министры</mark></strong>' in html
    assert (
        '<em><a class="hl hl-date" href="events/talks.html" title="&lt;событие&gt;">5 февраля</a></em>'
        in html
    )
    assert "\ue000" not in html and "\ue002" not in html


def test_a_span_shows_only_the_marks_inside_it():
    document = _document(TEXT, TEXT.index("\n") + 1)
    words = [_at(TEXT, "5 февраля", "date"), _at(TEXT, "в декабре", "date")]
    start = TEXT.index("Второй")
    html = str(highlighted_span(document, (start, TEXT.index(".", start) + 1), words, _link))
    assert html == 'Второй абзац &amp; Рубио <mark class="hl hl-date">в декабре</mark>.'


def test_a_mark_across_a_line_break_is_left_out_rather_than_breaking_paragraphs():
    document = _document(TEXT, TEXT.index("\n") + 1)
    start = TEXT.index("февраля")
    words = [Highlight(start, TEXT.index("Второй") + 6, "date")]
    html = str(highlighted_body(document, words, _link, MarkdownIt().render))
    assert "<mark" not in html and html.count("<p>") == 2


def _event(event_id: str, span: tuple[int, int]) -> Event:
    ref = SourceRef("doc", "ru", None, "", span, None, "")
    return Event(event_id, DateSpan.parse("2026-02-05"), "occurred", {}, {}, {}, [], [ref], [], "article")


class _Found:
    def __init__(self, span, actor=None):
        self.span, self.actor = span, actor


class _Extraction:
    def __init__(self, dates, actors):
        self.dates, self.actors = dates, actors


def test_words_belong_to_the_narrowest_evidence_around_them_and_never_overlap():
    lead = _event("lead", (0, 100))
    section = _event("section", (40, 60))
    extraction = _Extraction(
        dates=[_Found((45, 55)), _Found((10, 20)), _Found((120, 130))],
        actors=[_Found((50, 53), "rubio"), _Found((5, 8), "landau")],
    )
    words = highlights_of([lead, section], {"doc": extraction})["doc"]
    assert [(w.start, w.kind, w.event) for w in words] == [
        (5, "actor", "lead"),
        (10, "date", "lead"),
        (45, "date", "section"),  # the actor inside the date phrase gives way to it
        (120, "date", None),
    ]


def test_a_mark_never_lands_in_a_link_address_nor_nests_a_link_in_a_link():
    text = "Заголовок\n[Токаев в Вашингтоне](https://example.org/Токаев) и <https://example.org/Токаев>.\n"
    document = _document(text, text.index("\n") + 1, ".md")
    first = text.index("Токаев")
    words = [
        Highlight(first, first + 6, "actor", "tokayev", "visit"),
        *(Highlight(i, i + 6, "actor", "tokayev", "visit") for i in _all(text, "Токаев")[1:]),
    ]
    html = str(highlighted_body(document, words, _link, MarkdownIt().render))
    assert (
        '<a href="https://example.org/%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2"><mark class="hl hl-actor"' in html
    )
    assert html.count("<a ") == 2  # the Markdown link and the autolink, nothing nested in them
    assert "%EE%80" not in html and "\ue000" not in html


def _all(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start != -1:
        found.append(start)
        start = text.find(word, start + 1)
    return found


def test_private_use_characters_in_the_text_are_text_not_marks():
    text = "Заголовок\nСимволы \ue000\ue001\ue002 и Рубио 5 февраля.\n"
    document = _document(text, text.index("\n") + 1)
    words = [_at(text, "Рубио", "actor"), _at(text, "5 февраля", "date", event="talks")]
    html = str(highlighted_body(document, words, _link, MarkdownIt().render))
    assert html == (
        '<p>Символы \ue000\ue001\ue002 и <mark class="hl hl-actor">Рубио</mark> '
        '<a class="hl hl-date" href="events/talks.html" title="&lt;событие&gt;">5 февраля</a>.</p>'
    )


def test_no_mark_lands_inside_an_attribute():
    text = (
        "Заголовок\n![Рубио в Астане](photo.png) и [встреча][1] с Рубио.\n\n"
        '[1]: https://example.org "Рубио"\n'
    )
    document = _document(text, text.index("\n") + 1, ".md")
    starts = [i for i in range(len(text)) if text.startswith("Рубио", i)]
    words = [Highlight(start, start + 5, "actor", "rubio", None) for start in starts]
    html = str(highlighted_body(document, words, _link, MarkdownIt("commonmark").render))
    assert '<img src="photo.png" alt="Рубио в Астане" />' in html
    assert 'href="https://example.org" title="Рубио"' in html
    assert 'с <mark class="hl hl-actor">Рубио</mark>.' in html
    assert all(ord(ch) < 0xE000 or ord(ch) > 0xF8FF for ch in html)
