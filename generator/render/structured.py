"""What machines read on an event page: schema.org `Event` JSON-LD and OpenGraph locales."""

from __future__ import annotations

import json

from babel.core import get_global
from markupsafe import Markup

from ..model import Actor, Document, Event

_ACTOR_TYPES = {"person": "Person", "org": "Organization"}


def og_locale(language: str) -> str:
    """OpenGraph wants language_TERRITORY: the likeliest territory from CLDR (kk → kk_KZ)."""
    likely = get_global("likely_subtags").get(language, language)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else language


def event_json_ld(
    event: Event,
    language: str,
    title: str,
    description: str,
    url: str | None,
    actors: dict[str, Actor],
    documents: dict[str, Document],
) -> Markup:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title,
        "startDate": event.span.start.edtf,
        "inLanguage": language,
    }
    if event.span.end is not None:
        data["endDate"] = event.span.end.edtf
    if description:
        data["description"] = description
    if url:
        data["url"] = url
    if event.kind == "planned":
        data["eventStatus"] = "https://schema.org/EventScheduled"
    elif event.kind == "cancelled":
        data["eventStatus"] = "https://schema.org/EventCancelled"
    places = [actors[a] for a in event.actors if actors[a].type == "place"]
    if places:
        data["location"] = [{"@type": "Place", "name": place.name(language)} for place in places]
    attendees = [actors[a] for a in event.actors if actors[a].type in _ACTOR_TYPES]
    if attendees:
        data["attendee"] = [{"@type": _ACTOR_TYPES[a.type], "name": a.name(language)} for a in attendees]
    data["subjectOf"] = [_article(documents[ref.source]) for ref in event.sources]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Inside <script>, "</script" closes the element early and "<!--" changes how the parser reads
    # what follows: JSON's \u escapes say the same characters without either risk.
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def _article(document: Document) -> dict:
    article = {"@type": "NewsArticle", "headline": document.title, "inLanguage": document.language}
    if document.published is not None:
        article["datePublished"] = document.published.edtf
    if document.url:
        article["url"] = document.url
    return article
