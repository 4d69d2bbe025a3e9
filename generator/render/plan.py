"""The page plan: every output path with its template and what the template needs.

Planning is separate from writing so that the whole site is known (and every link target exists)
before a single file is written, and so that a later incremental build can diff two plans.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..config import SiteConfig
from ..model import Event, Timeline


@dataclass(frozen=True)
class PlannedPage:
    path: str  # relative to public/, with forward slashes
    template: str
    language: str
    key: tuple[str, ...]  # the same page in every language shares a key: the switcher follows it
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def page_path(key: tuple[str, ...], language: str) -> str:
    kind = key[0]
    if kind == "index":
        return f"{language}/index.html"
    if kind == "event":
        return f"{language}/events/{key[1]}.html"
    if kind == "source":
        return f"{language}/sources/{key[1]}.html"
    if kind == "sources":
        return f"{language}/sources/index.html"
    if kind == "page":
        return f"{language}/{key[1]}.html"
    raise ValueError(f"no path for page key {key}")


def plan_pages(timeline: Timeline, config: SiteConfig) -> list[PlannedPage]:
    events = timeline.events
    citing = _events_citing(events)
    pages = []
    for language in config.languages:
        pages.append(
            PlannedPage(
                page_path(("index",), language),
                "index.html",
                language,
                ("index",),
                {"years": group_by_year_and_month(events)},
            )
        )
        for position, event in enumerate(events):
            neighbours = {
                "previous": events[position - 1] if position > 0 else None,
                "next": events[position + 1] if position + 1 < len(events) else None,
            }
            key = ("event", event.id)
            pages.append(
                PlannedPage(
                    page_path(key, language),
                    "event.html",
                    language,
                    key,
                    {"event": event, **neighbours},
                )
            )
        documents = sorted(
            timeline.documents.values(),
            key=lambda d: (d.published.sort_key() if d.published else (0, 0, 0), d.id),
        )
        pages.append(
            PlannedPage(
                page_path(("sources",), language),
                "sources.html",
                language,
                ("sources",),
                {"documents": documents},
            )
        )
        for document in documents:
            key = ("source", document.id)
            pages.append(
                PlannedPage(
                    page_path(key, language),
                    "source.html",
                    language,
                    key,
                    {"document": document, "events": citing.get(document.id, [])},
                )
            )
        for content_page in timeline.pages:
            key = ("page", content_page.id)
            pages.append(
                PlannedPage(
                    page_path(key, language),
                    "page.html",
                    language,
                    key,
                    {"content_page": content_page},
                )
            )
    return pages


def group_by_year_and_month(
    events: list[Event],
) -> list[tuple[int, list[tuple[int | None, list[Event]]]]]:
    """Year → month → events, in chronological order; events known only to the year come first."""
    years: dict[int, dict[int | None, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        years[event.span.start.year][event.span.start.month].append(event)
    return [
        (year, sorted(months.items(), key=lambda item: item[0] or 0))
        for year, months in sorted(years.items())
    ]


def _events_citing(events: list[Event]) -> dict[str, list[Event]]:
    citing: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for ref in event.sources:
            citing[ref.source].append(event)
    return citing
