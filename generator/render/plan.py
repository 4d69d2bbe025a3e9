"""The page plan: every output path with its template and what the template needs.

Planning is separate from writing so that the whole site is known (and every link target exists)
before a single file is written, and so that a later incremental build can diff two plans.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..config import SiteConfig
from ..errors import ContentError
from ..model import Actor, Document, Event, Tag, Timeline
from .overview import month_of, overview_of

YearGroups = list[tuple[int, list[tuple[int | None, list[Event]]]]]


@dataclass(frozen=True)
class PlannedPage:
    path: str  # relative to public/, with forward slashes
    template: str
    language: str
    key: tuple[str, ...]  # the same page in every language shares a key: the switcher follows it
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def indexed(self) -> bool:
        """Pages a search engine or the site search should list (not the 404 or the search page)."""
        return self.key[0] not in ("404", "search", "alias")


_PATHS = {
    "index": "{lang}/index.html",
    "event": "{lang}/events/{0}.html",
    "actors": "{lang}/actors/index.html",
    "actor": "{lang}/actors/{0}.html",
    "sources": "{lang}/sources/index.html",
    "source": "{lang}/sources/{0}.html",
    "tags": "{lang}/tags/index.html",
    "tag": "{lang}/tags/{0}.html",
    "year": "{lang}/years/{0}.html",
    "search": "{lang}/search.html",
    "page": "{lang}/{0}.html",
    "404": "{lang}/404.html",
    "alias": "{lang}/events/{0}.html",  # an event's earlier address, redirecting to its page
}


def page_path(key: tuple[str, ...], language: str) -> str:
    try:
        pattern = _PATHS[key[0]]
    except KeyError:
        raise ValueError(f"no path for page key {key}") from None
    return pattern.format(*key[1:], lang=language)


def plan_pages(timeline: Timeline, config: SiteConfig) -> list[PlannedPage]:
    site = _site_index(timeline)
    pages = []
    planned: dict[str, PlannedPage] = {}
    for language in config.languages:
        for key, template, context in site:
            page = PlannedPage(page_path(key, language), template, language, key, context)
            if page.path in planned:
                raise _collision(page, planned[page.path])
            planned[page.path] = page
            pages.append(page)
    return pages


def _collision(page: PlannedPage, other: PlannedPage) -> ContentError:
    """Two pages on one path: one would silently replace the other. Only an editor's file can
    cause it (an about page named `search`), so the error is on that file."""
    mine, theirs = sorted((page, other), key=lambda p: p.key[0] != "page")
    content_page = mine.context.get("content_page")
    path = content_page.files.get(mine.language, mine.key[-1]) if content_page else mine.template
    return ContentError(
        path,
        None,
        f"it would be published as {mine.path}, which is also the {_what(theirs)}",
        f"rename the file: its name is the page's address (e.g. about-{mine.key[-1]}.{mine.language}.md)",
    )


def _what(page: PlannedPage) -> str:
    content_page = page.context.get("content_page")
    if content_page:
        return f"page {content_page.files.get(page.language, page.key[-1])}"
    return f"{page.key[0]} page of the built-in theme ({page.template})"


def _site_index(timeline: Timeline) -> list[tuple[tuple[str, ...], str, dict[str, Any]]]:
    """Every page once, language aside: its key, its template and its context."""
    events = timeline.events
    citing = _events_by(events, lambda e: [ref.source for ref in e.sources])
    # A country's page lists the events it takes part in, by name or through its people and bodies,
    # as the home page's country filter does.
    by_actor = _events_by(events, lambda e: [*e.actors, *countries_of(e, timeline.actors)])
    by_tag = _events_by(events, lambda e: e.tags)
    by_year = _events_by(events, lambda e: [e.span.start.year])
    actors = [timeline.actors[a] for a in sorted(by_actor)]
    documents = sorted(timeline.documents.values(), key=_publication_order)
    years = sorted(by_year)
    site: list[tuple[tuple[str, ...], str, dict[str, Any]]] = [
        (
            ("index",),
            "index.html",
            {"years": group_by_year_and_month(events), "overview": overview_of(events)},
        ),
    ]
    for position, event in enumerate(events):
        neighbours = {
            "previous": events[position - 1] if position > 0 else None,
            "next": events[position + 1] if position + 1 < len(events) else None,
        }
        site.append((("event", event.id), "event.html", {"event": event, **neighbours}))
        for alias in event.aliases:
            site.append((("alias", alias), "moved.html", {"event": event}))
    site.append((("actors",), "actors.html", {"listed_actors": actors, "events_of": by_actor}))
    for actor in actors:
        site.append((("actor", actor.id), "actor.html", {"actor": actor, "events": by_actor[actor.id]}))
    site.append((("sources",), "sources.html", {"documents": documents, "events_of": citing}))
    for document in documents:
        site.append(
            (
                ("source", document.id),
                "source.html",
                {"document": document, "events": citing.get(document.id, [])},
            )
        )
    tags = [timeline.tags.get(t) or Tag(t) for t in sorted(by_tag)]
    site.append((("tags",), "tags.html", {"listed_tags": tags, "events_of": by_tag}))
    for tag in tags:
        site.append((("tag", tag.id), "tag.html", {"tag": tag, "events": by_tag[tag.id]}))
    for position, year in enumerate(years):
        context = {
            "year": year,
            "event_count": len(by_year[year]),
            "months": group_by_year_and_month(by_year[year])[0][1],
            "previous_year": years[position - 1] if position > 0 else None,
            "next_year": years[position + 1] if position + 1 < len(years) else None,
        }
        site.append((("year", str(year)), "year.html", context))
    site.append((("search",), "search.html", {}))
    for content_page in timeline.pages:
        site.append((("page", content_page.id), "page.html", {"content_page": content_page}))
    site.append((("404",), "404.html", {}))
    return site


def group_by_year_and_month(events: list[Event]) -> YearGroups:
    """Year → month → events, in chronological order; events with no known month come first."""
    years: dict[int, dict[int | None, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        years[event.span.start.year][month_of(event)].append(event)
    return [
        (year, sorted(months.items(), key=lambda item: item[0] or 0))
        for year, months in sorted(years.items())
    ]


def _events_by(events: list[Event], keys_of) -> dict[Any, list[Event]]:
    grouped: dict[Any, list[Event]] = defaultdict(list)
    for event in events:
        for key in dict.fromkeys(keys_of(event)):
            grouped[key].append(event)
    return dict(grouped)


def countries_of(event: Event, actors: dict[str, Actor]) -> list[str]:
    """The states an event involves: those named, and those of the people and bodies named."""
    found: dict[str, None] = {}
    for actor_id in event.actors:
        actor = actors[actor_id]
        if actor.type == "country":
            found[actor.id] = None
        elif actor.country:
            found[actor.country] = None
    return list(found)


def _publication_order(document: Document) -> tuple:
    return (document.published.sort_key() if document.published else (0, 0, 0), document.id)
