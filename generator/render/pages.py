"""One planned page → HTML: the Jinja environment per language and what every template gets.

Templates see plain values and small functions; anything with a rule in it (which language a
text is really in, where a highlight links, what a filter matches) is decided here, in Python,
where it can be tested, and not in template logic.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jinja2
from babel import Locale
from babel.plural import PluralRule
from markupsafe import Markup

from ..config import SiteConfig
from ..errors import ContentError
from ..model import EVENT_KINDS, DateSpan, Event, Highlight, SourceRef, Timeline
from .catalogs import load_translations
from .dates import format_partial, format_span, month_heading
from .highlight import highlighted_body, highlighted_span
from .overview import month_anchor
from .plan import PlannedPage, page_path
from .structured import event_json_ld, og_locale

# The same words the templates' kind_label macro uses, so the catalogs hold them once.
KIND_LABELS = {"occurred": "Took place", "planned": "Planned", "target": "Target"}


@dataclass(frozen=True)
class Localized:
    """A text with the language it is really written in, which may differ from the page's."""

    text: str
    language: str


def environment_for(config: SiteConfig, language: str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    translations = load_translations(config.templates_dir / "locale", language)
    environment.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    # Python code (date qualifiers, month headings) formats its own strings: it wants plain gettext.
    environment.globals["plain_gettext"] = translations.gettext
    environment.globals["plain_ngettext"] = translations.ngettext
    return environment


def render_page(
    page: PlannedPage,
    environment: jinja2.Environment,
    timeline: Timeline,
    config: SiteConfig,
    markdown,
    output_path: str | None = None,
) -> bytes:
    """`output_path` places a page elsewhere than its planned path (the root 404.html), so its
    relative links are computed from where it really is."""
    context = page_context(page, environment, timeline, config, markdown, output_path or page.path)
    return render_template(environment, page.template, context, config, output_path or page.path)


def page_context(
    page: PlannedPage,
    environment: jinja2.Environment,
    timeline: Timeline,
    config: SiteConfig,
    markdown,
    where: str,
) -> dict[str, Any]:
    language = page.language
    gettext = environment.globals["plain_gettext"]
    ngettext = environment.globals["plain_ngettext"]

    def url(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(where))

    def path_of(*key) -> str:
        return url(page_path(tuple(str(part) for part in key), language))

    def absolute(target: str) -> str | None:
        return config.base_url.rstrip("/") + "/" + target if config.base_url else None

    def localized(mapping: dict[str, str]) -> Localized:
        for candidate in (language, config.default_language, *sorted(mapping)):
            if mapping.get(candidate):
                return Localized(mapping[candidate], candidate)
        return Localized("", language)

    def link_highlight(word: Highlight) -> tuple[str | None, str | None]:
        if word.event is not None:
            event = events_by_id[word.event]
            return path_of("event", word.event), localized(event.title).text
        if word.kind == "actor" and word.actor in actor_pages:
            return path_of("actor", word.actor), timeline.actors[word.actor].name(language)
        return None, None

    def mark_only(word: Highlight) -> tuple[str | None, str | None]:
        if word.kind == "actor" and word.actor:
            return None, timeline.actors[word.actor].name(language)
        return None, None

    def evidence(ref: SourceRef) -> Markup | str:
        document = timeline.documents[ref.source]
        if ref.evidence_span and document.text[slice(*ref.evidence_span)] == ref.evidence:
            return highlighted_span(
                document, ref.evidence_span, timeline.highlights.get(ref.source, []), mark_only
            )
        return ref.evidence

    def source_title(document) -> Markup:
        return highlighted_span(
            document, document.title_span, timeline.highlights.get(document.id, []), link_highlight
        )

    def source_body(document) -> Markup:
        return highlighted_body(
            document,
            timeline.highlights.get(document.id, []),
            link_highlight,
            lambda text: markdown.render(text),
        )

    def alternates() -> list[tuple[str, str, str]]:
        """(language, its name in itself, href) for every language version of this page."""
        found = []
        for code in config.languages:
            target = page_path(page.key, code)
            found.append((code, autonym(code), absolute(target) or url(target)))
        return found

    def plural_forms(singular: str, plural: str) -> str:
        """The catalog's plural forms keyed by CLDR category, for scripts that count in the page
        (they pick one with Intl.PluralRules); "%(num)d" stands for the number."""
        rule = PluralRule(Locale.parse(language).plural_form.rules)
        forms: dict[str, str] = {}
        for number in range(0, 200):
            forms.setdefault(rule(number), ngettext(singular, plural, number))
        return json.dumps(forms, ensure_ascii=False)  # a str: autoescape makes it a safe attribute

    def filter_options() -> dict[str, list[tuple[str, str]]]:
        """What the home page's filters offer: only values some event has, by name in this language."""
        actor_ids = {a for event in timeline.events for a in event.actors}
        country_ids = {c for event in timeline.events for c in countries_of(event, timeline)}
        tag_ids = {t for event in timeline.events for t in event.tags}
        kinds = [k for k in EVENT_KINDS if any(event.kind == k for event in timeline.events)]

        def named(ids, name_of) -> list[tuple[str, str]]:
            return sorted(((i, name_of(i)) for i in ids), key=lambda pair: (pair[1].casefold(), pair[0]))

        return {
            "actor": named(actor_ids - country_ids, lambda a: timeline.actors[a].name(language)),
            "country": named(country_ids, lambda c: timeline.actors[c].name(language)),
            "tag": named(tag_ids, lambda t: timeline.tags[t].name(language) if t in timeline.tags else t),
            "kind": [(k, gettext(KIND_LABELS[k])) for k in kinds],
        }

    events_by_id = {event.id: event for event in timeline.events}
    actor_pages = {actor for event in timeline.events for actor in event.actors}
    canonical = absolute(page.path) or url(page.path)
    # The root 404.html is served at whatever address was missing: its relative links need a base.
    base_href = urlsplit(config.base_url).path or "/" if where == "404.html" and config.base_url else None
    return {
        "lang": language,
        "page": page,
        "site": config,
        "site_title": config.title[language],
        "languages": alternates(),
        "default_language": config.default_language,
        "canonical": canonical,
        "base_href": base_href,
        "absolute": absolute,
        "og_locale": og_locale,
        "url": url,
        "path_of": path_of,
        "page_path_in": lambda code: page_path(page.key, code),
        "asset": lambda name: url("assets/" + name),
        "date": lambda span: format_span(span, language, gettext),
        "date_of": lambda partial: format_partial(partial, language),
        "iso": iso_datetime,
        "month_heading": lambda year, month: month_heading(year, month, language, gettext),
        "month_anchor": month_anchor,
        "localized": localized,
        "language_name": lambda code: Locale.parse(code).get_display_name(language),
        "actors": timeline.actors,
        "actor_pages": actor_pages,
        "tags": timeline.tags,
        "sources_by_id": timeline.documents,
        "about_page": next((p for p in timeline.pages if p.id == "about"), None),
        "markdown": lambda text: Markup(markdown.render(text)),
        "evidence": evidence,
        "source_title": source_title,
        "source_body": source_body,
        "countries_of": lambda event: countries_of(event, timeline),
        "plural_forms": plural_forms,
        "filter_options": filter_options,
        "by_name": lambda items: sorted(items, key=lambda item: (item.name(language).casefold(), item.id)),
        "json_ld": lambda event, title, description: event_json_ld(
            event, language, title, description, absolute(page.path), timeline.actors, timeline.documents
        ),
        **page.context,
    }


def countries_of(event: Event, timeline: Timeline) -> list[str]:
    """The states an event involves: those named, and those of the people and bodies named."""
    found: dict[str, None] = {}
    for actor_id in event.actors:
        actor = timeline.actors[actor_id]
        if actor.type == "country":
            found[actor.id] = None
        elif actor.country:
            found[actor.country] = None
    return list(found)


def render_template(environment, template: str, context: dict, config: SiteConfig, output: str) -> bytes:
    """Render one template; any failure becomes an error naming the template file and line."""
    try:
        return environment.get_template(template).render(context).encode("utf-8")
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(
            error.filename or config.templates_dir / template,
            error.lineno,
            f"template error: {error.message}",
            "fix the Jinja syntax",
        ) from None
    except jinja2.TemplateNotFound as error:
        raise ContentError(
            config.templates_dir / template,
            None,
            f"template {error.name!r} not found",
            f"create it in {config.templates_dir} or fix the name that includes it",
        ) from None
    except (jinja2.TemplateError, TypeError, KeyError, AttributeError) as error:
        filename, line = _template_frame(error)
        raise ContentError(
            filename or config.templates_dir / template,
            line,
            f"template failed while rendering {output}: {error}",
            "check the names the template uses against README: Templates",
        ) from None


def _template_frame(error: BaseException) -> tuple[str | None, int | None]:
    """Jinja maps compiled template frames back to the .html file and line; take the innermost."""
    found: tuple[str | None, int | None] = (None, None)
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".j2")):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def autonym(language: str) -> str:
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def iso_datetime(span: DateSpan) -> str:
    """`<time datetime>` accepts 2025, 2025-11 and 2025-11-06: exactly the precision we know."""
    return span.start.edtf
