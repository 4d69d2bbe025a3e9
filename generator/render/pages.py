"""One planned page → HTML: the Jinja environment per language and what every template gets.

Templates see plain values and small functions; anything with a rule in it (which language a
text is really in, where a highlight links, what a filter matches) is decided here, in Python,
where it can be tested, and not in template logic.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from babel.plural import PluralRule
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..config import SiteConfig
from ..errors import ContentError
from ..model import EVENT_KINDS, DateSpan, Document, Event, Highlight, PartialDate, SourceRef, Tag, Timeline
from ..theme import template_dirs
from .built_titles import event_title
from .catalogs import load_translations
from .dates import format_partial, format_span, month_heading
from .highlight import highlighted_body, highlighted_span
from .loader import SiteEnvironment, SiteLoader
from .overview import month_anchor
from .plan import PlannedPage, countries_of, page_path
from .structured import event_json_ld, og_locale
from .wording import KIND_LABELS, Localized, absolute_url, collation_key, localized


@dataclass(frozen=True)
class SiteFacts:
    """What every page's context shares, worked out once per build rather than once per page."""

    timeline: Timeline
    config: SiteConfig
    markdown: MarkdownIt
    events_by_id: dict[str, Event]
    actor_pages: frozenset[str]  # actors that have a page: those some event names
    filter_values: dict[str, list[str]]  # what the home page's filters can offer, by filter


def site_facts(timeline: Timeline, config: SiteConfig, markdown: MarkdownIt) -> SiteFacts:
    events = timeline.events
    countries = {c for event in events for c in countries_of(event, timeline.actors)}
    actors = {a for event in events for a in event.actors}
    return SiteFacts(
        timeline,
        config,
        markdown,
        {event.id: event for event in events},
        frozenset(actors),
        {
            "actor": sorted(actors - countries),
            "country": sorted(countries),
            "tag": sorted({t for event in events for t in event.tags}),
            "kind": [k for k in EVENT_KINDS if any(event.kind == k for event in events)],
        },
    )


def environment_for(config: SiteConfig, language: str) -> jinja2.Environment:
    environment = SiteEnvironment(
        loader=SiteLoader(template_dirs(config.templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    translations = load_translations(config.templates_dir, language)
    environment.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    # Python code (date qualifiers, month headings) formats its own strings: it wants plain gettext.
    environment.globals["plain_gettext"] = translations.gettext
    environment.globals["plain_ngettext"] = translations.ngettext
    return environment


def render_page(
    page: PlannedPage, environment: jinja2.Environment, facts: SiteFacts, output_path: str | None = None
) -> bytes:
    """`output_path` places a page elsewhere than its planned path (the root 404.html), so its
    relative links are computed from where it really is."""
    where = output_path or page.path
    context = page_context(page, environment, facts, where)
    return render_template(environment, page.template, context, facts.config, where)


def search_edition(text_language: str, config: SiteConfig) -> str:
    """The edition whose search finds an article by the words of its text: the one in the article's
    language, where the index stems them as that language, or the default edition if the site has
    none in it. The other editions find the article by its title; indexing the same text once per
    edition would make the index several times as large and slow for no reader."""
    return text_language if text_language in config.languages else config.default_language


@lru_cache(maxsize=1 << 16)
def relative_link(target: str, folder: str) -> str:
    """`target` as a link from a page in `folder`, both relative to the site's root. Pages link to
    the same few thousand places from a few folders: each link is worked out once per build."""
    return posixpath.relpath(target, folder)


def page_context(
    page: PlannedPage, environment: jinja2.Environment, facts: SiteFacts, where: str
) -> dict[str, Any]:
    timeline, config, language = facts.timeline, facts.config, page.language
    gettext = environment.globals["plain_gettext"]
    ngettext = environment.globals["plain_ngettext"]

    folder = posixpath.dirname(where)

    def url(target: str) -> str:
        return relative_link(target, folder)

    def path_of(*key) -> str:
        return url(page_path(tuple(str(part) for part in key), language))

    def in_language(mapping: dict[str, str]) -> Localized:
        return localized(mapping, language, config.default_language)

    def tag(tag_id: str) -> Tag:
        return timeline.tags.get(tag_id) or Tag(tag_id)

    def link_highlight(word: Highlight) -> tuple[str | None, str | None]:
        if word.event is not None:
            return path_of("event", word.event), in_language(facts.events_by_id[word.event].title).text
        if word.kind == "actor" and word.actor in facts.actor_pages:
            return path_of("actor", word.actor), timeline.actors[word.actor].name(language)
        return mark_only(word)

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

    def source_title(document: Document) -> Markup | str:
        # A title rewritten by front matter (quoted, folded YAML) is not where the span points.
        if document.text[slice(*document.title_span)] != document.title or not document.title:
            return document.title
        return highlighted_span(
            document, document.title_span, timeline.highlights.get(document.id, []), mark_only
        )

    def source_body(document: Document) -> Markup:
        highlights = timeline.highlights.get(document.id, [])
        return highlighted_body(document, highlights, link_highlight, facts.markdown.render)

    def alternates() -> list[tuple[str, str, str]]:
        """(language, its name in itself, href) for every language version of this page."""
        found = []
        for code in config.languages:
            target = page_path(page.key, code)
            found.append((code, autonym(code), absolute_url(config, target) or url(target)))
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
        """The filters' choices, named in this language and in its alphabetical order."""
        names = {
            "actor": lambda a: timeline.actors[a].name(language),
            "country": lambda c: timeline.actors[c].name(language),
            "tag": lambda t: tag(t).name(language),
            "kind": lambda k: gettext(KIND_LABELS[k]),
        }
        options = {
            field: [(v, names[field](v)) for v in values] for field, values in facts.filter_values.items()
        }
        for field in ("actor", "country", "tag"):
            options[field].sort(key=lambda pair: (collation_key(pair[1], language), pair[0]))
        return options

    return {
        "lang": language,
        "page": page,
        "site": config,
        "site_title": config.title[language],
        "languages": alternates(),
        "default_language": config.default_language,
        "canonical": absolute_url(config, page.path) or url(page.path),
        # The root 404.html is served at whatever address was missing: its relative links need a base.
        "base_href": config.base_path if where == "404.html" and config.base_url else None,
        "absolute": lambda target: absolute_url(config, target),
        "og_locale": og_locale,
        "url": url,
        "path_of": path_of,
        "page_path_in": lambda code: page_path(page.key, code),
        "site_path": lambda *key: page_path(tuple(str(part) for part in key), language),
        "asset": lambda name: url("assets/" + name),
        "date": lambda span: format_span(span, language, gettext),
        "date_of": lambda partial: format_partial(partial, language),
        "month_of_year": lambda year, month: format_partial(PartialDate(year, month), language),
        "iso": iso_datetime,
        "month_heading": lambda year, month: month_heading(year, month, language, gettext),
        "month_anchor": month_anchor,
        "localized": in_language,
        "event_title": lambda event: event_title(event, language, config.default_language, timeline.actors),
        "language_name": lambda code: Locale.parse(code).get_display_name(language),
        "actors": timeline.actors,
        "actor_pages": facts.actor_pages,
        "tag": tag,
        "sources_by_id": timeline.documents,
        "about_page": next((p for p in timeline.pages if p.id == "about"), None),
        "markdown": lambda text: Markup(facts.markdown.render(text)),
        "evidence": evidence,
        "source_title": source_title,
        "source_body": source_body,
        "text_searched_here": lambda document: search_edition(document.language, config) == language,
        "countries_of": lambda event: countries_of(event, timeline.actors),
        "plural_forms": plural_forms,
        "filter_options": filter_options,
        "by_name": lambda items: sorted(
            items, key=lambda item: (collation_key(item.name(language), language), item.id)
        ),
        "json_ld": lambda event, title, description: event_json_ld(
            event,
            language,
            title,
            description,
            absolute_url(config, page.path),
            timeline.actors,
            timeline.documents,
        ),
        **page.context,
    }


def render_template(environment, template: str, context: dict, config: SiteConfig, output: str) -> bytes:
    """Render one template; any failure becomes an error naming the template file and line."""
    try:
        return environment.get_template(template).render(context).encode("utf-8")
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(
            error.filename or _template_file(config, template),
            error.lineno,
            f"template error: {error.message}",
            "fix the Jinja syntax",
        ) from None
    except jinja2.TemplateNotFound as error:
        raise ContentError(
            _template_file(config, template),
            None,
            f"template {error.name!r} not found",
            f"create it in {config.templates_dir} or fix the name that includes it",
        ) from None
    except ContentError:
        raise
    except RecursionError as error:
        filename, line = _template_frame(error)
        raise ContentError(
            filename or _template_file(config, template),
            line,
            f"template recursed without end while rendering {output}",
            "a macro or {% include %} calls itself: give the recursion a condition that stops it",
        ) from None
    except Exception as error:  # any fault of a template's own code, named by its file and line
        filename, line = _template_frame(error)
        raise ContentError(
            filename or _template_file(config, template),
            line,
            f"template failed while rendering {output}: {error}",
            "check the names the template uses against README: Templates",
        ) from None


def _template_file(config: SiteConfig, template: str) -> Path:
    """The file a template name resolves to: the site's own, else the theme's."""
    found = (folder / template for folder in template_dirs(config.templates_dir))
    return next((path for path in found if path.is_file()), config.templates_dir / template)


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
