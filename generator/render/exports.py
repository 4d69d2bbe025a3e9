"""`data/`: the model for other tools — our JSON, TimelineJS3 slides, iCalendar and CSV.

Each format says only what the sources know: a month-precision event has no day in TimelineJS,
covers its whole month in a calendar, and carries its precision in every row and description.
Nothing reads a clock (DTSTAMP is the latest source publication), so builds stay byte-identical.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..config import SiteConfig
from ..model import DateSpan, Decision, Event, Timeline
from .dates import format_span
from .plan import page_path
from .wording import KIND_LABELS, N_, absolute_url, gettext_for, localized

# What a reader is told about a date's precision (calendar entries, where no page shows it).
PRECISION_NOTES = {
    "day": N_("The exact day is known"),
    "week": N_("Only the week is known"),
    "part_of_month": N_("Only the part of the month is known"),
    "month": N_("Only the month is known"),
    "season": N_("Only the season is known"),
    "year": N_("Only the year is known"),
}
# TimelineJS date parts worth stating at each precision: never a day the sources do not give.
_PARTS = {"day": 3, "week": 3, "part_of_month": 2, "month": 2, "season": 2, "year": 1}


def export_files(timeline: Timeline, config: SiteConfig) -> dict[str, bytes]:
    files = {"data/timeline.json": timeline_json(timeline, config.root)}
    for lang in config.languages:
        files[f"data/timelinejs.{lang}.json"] = timelinejs(timeline, config, lang)
    files["data/events.ics"] = events_ics(timeline, config)
    files["data/events.csv"] = events_csv(timeline, config)
    return files


def timeline_json(timeline: Timeline, root: Path) -> bytes:
    """The whole model, in the shape DESIGN.md's output contract fixes."""
    data = {
        "languages": timeline.languages,
        "events": [_event(event) for event in timeline.events],
        "actors": [
            {
                "id": actor.id,
                "type": actor.type,
                "names": actor.names,
                **({"guessed_names": sorted(actor.guessed)} if actor.guessed else {}),  # transliterations
                "aliases": {lang: forms for lang, forms in actor.aliases.items() if forms},
                **({"country": actor.country} if actor.country else {}),
            }
            for actor in sorted(timeline.actors.values(), key=lambda a: a.id)
        ],
        "sources": [
            {
                "id": doc.id,
                "language": doc.language,
                "published": doc.published.edtf if doc.published else None,
                "published_from": doc.published_from,
                "title": doc.title,
                "path": doc.path.relative_to(root).as_posix()
                if doc.path.is_relative_to(root)
                else str(doc.path),
            }
            for doc in sorted(timeline.documents.values(), key=lambda d: d.id)
        ],
        # Events the editor left out ([[drop]]), with the sources that reported them.
        "dropped": [
            {"id": event_id, "sources": list(sources), "decision": _decision(decision)}
            for event_id, sources, decision in timeline.dropped
        ],
    }
    return _json(data)


def _decision(decision: Decision) -> dict:
    return {"action": str(decision.action), "at": decision.where, "why": decision.why}


def _event(event: Event) -> dict:
    return {
        "id": event.id,
        "date": event.span.to_json(),
        "kind": event.kind,
        "title": event.title,
        "title_from": event.title_from,
        "summary": event.summary,
        "actors": event.actors,
        # Named in its sources but not in the registry: what a registry entry would add.
        "named": [
            {"names": named.names, "role": named.role, "sources": list(named.sources)}
            for named in event.named
        ],
        "tags": event.tags,
        "origin": event.origin,
        "sources": [
            {
                "source": ref.source,
                "language": ref.language,
                "evidence": ref.evidence,
                "evidence_span": list(ref.evidence_span) if ref.evidence_span else None,
                "date_text": ref.date_text,
                "rule": ref.rule,
                "published": ref.published.edtf if ref.published else None,
            }
            for ref in event.sources
        ],
        "date_reason": event.date_reason,
        "aliases": event.aliases,  # earlier ids: their pages redirect to this event's
        "image": {"path": event.image_path, "alt": event.image_alt} if event.image_path else None,
        # The editor's decisions that shaped it (content/decisions.toml), with where they are.
        "decisions": [_decision(decision) for decision in event.decisions],
        "reported_dates": [
            {
                "source": reported.source,
                "date": reported.span.to_json(),
                "date_text": reported.date_text,
                "rule": reported.rule,
                "consistent": reported.consistent,
            }
            for reported in event.reported_dates
        ],
    }


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def timelinejs(timeline: Timeline, config: SiteConfig, language: str) -> bytes:
    """TimelineJS3's JSON (timeline.knightlab.com/docs/json-format.html), one file per language."""
    gettext = gettext_for(config, language)
    title = {"text": {"headline": html.escape(config.title[language])}}
    if config.description.get(language):
        title["text"]["text"] = html.escape(config.description[language])
    slides = []
    for event in timeline.events:
        headline = _html_in(language, *localized(event.title, language, config.default_language))
        url = absolute_url(config, page_path(("event", event.id), language))
        if url:
            headline = f'<a href="{html.escape(url)}">{headline or html.escape(event.id)}</a>'
        start, end = (
            _date_parts(event.span.first_day(), event.span),
            _date_parts(event.span.last_day(), event.span),
        )
        slide = {
            "unique_id": event.id,
            "start_date": start,
            **({"end_date": end} if end != start else {}),
            "display_date": format_span(event.span, language, gettext),
            "text": {
                "headline": headline,
                "text": _html_in(language, *localized(event.summary, language, config.default_language)),
            },
            "group": gettext(KIND_LABELS[event.kind]),
        }
        if event.image_path:
            slide["media"] = {
                "url": absolute_url(config, event.image_path) or event.image_path,
                "alt": localized(event.image_alt, language, config.default_language).text,
            }
        slides.append(slide)
    return _json({"title": title, "events": slides})


def _date_parts(day: dt.date, span: DateSpan) -> dict[str, int]:
    parts = {"year": day.year, "month": day.month, "day": day.day}
    return dict(list(parts.items())[: _PARTS[span.precision]])


def _html_in(page_language: str, text: str, language: str) -> str:
    """Escaped text; marked with its language when it is not the page's."""
    if text and language != page_language:
        return f'<span lang="{language}">{html.escape(text)}</span>'
    return html.escape(text)


_ICS_STATUS = {"occurred": "CONFIRMED", "cancelled": "CANCELLED"}  # RFC 5545 VEVENT status


def events_ics(timeline: Timeline, config: SiteConfig) -> bytes:
    """iCalendar (RFC 5545): all-day events over the known period, texts in the default language."""
    language = config.default_language
    gettext = gettext_for(config, language)
    host = urlsplit(config.base_url.strip()).hostname or "timeline"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//timeline//timeline build//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ics_text(config.title[language])}",
    ]
    for event in timeline.events:
        title, title_lang = localized(event.title, language, language)
        summary, _summary_lang = localized(event.summary, language, language)
        description = [
            format_span(event.span, language, gettext),
            gettext(PRECISION_NOTES[event.span.precision]),
        ]
        if event.kind != "occurred":
            description.append(gettext(KIND_LABELS[event.kind]))
        if summary:
            description += ["", summary]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.id}@{host}",
            f"DTSTAMP:{event.last_reported():%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{event.span.first_day():%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.span.last_day() + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY;LANGUAGE={title_lang}:{_ics_text(title or event.id)}",
            f"DESCRIPTION:{_ics_text(chr(10).join(description))}",
            "STATUS:" + _ICS_STATUS.get(event.kind, "TENTATIVE"),
            "TRANSP:TRANSPARENT",
        ]
        if event.tags:
            names = [timeline.tags[t].name(language) if t in timeline.tags else t for t in event.tags]
            lines.append("CATEGORIES:" + ",".join(_ics_text(name) for name in names))
        url = absolute_url(config, page_path(("event", event.id), language))
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ICS_CONTROLS.sub("", text).replace("\n", "\\n")


_ICS_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 TEXT holds no control character
# A spreadsheet runs a cell that starts so as a formula («=HYPERLINK(…)»): such text is kept as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _fold(line: str, limit: int = 75) -> str:
    """Lines of at most 75 octets, continued after CRLF + space, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def events_csv(timeline: Timeline, config: SiteConfig) -> bytes:
    """One row per event for spreadsheets: UTF-8 with a BOM (so Excel reads Cyrillic), RFC 4180."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    titles = [f"title_{lang}" for lang in config.languages]
    writer.writerow(
        [
            "id",
            "start",
            "end",
            "precision",
            "qualifier",
            "kind",
            *titles,
            "actors",
            "tags",
            "sources",
            "source_count",
        ]
    )
    for event in timeline.events:
        sources = list(dict.fromkeys(ref.source for ref in event.sources))
        writer.writerow(
            [
                event.id,
                event.span.first_day().isoformat(),
                event.span.last_day().isoformat(),
                event.span.precision,
                event.span.qualifier or "",
                event.kind,
                *(_cell(event.title.get(lang, "")) for lang in config.languages),
                ";".join(event.actors),
                ";".join(event.tags),
                ";".join(sources),
                len(sources),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
