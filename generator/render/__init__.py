"""Render: Timeline + site.toml + templates/ + assets/ → the files of `public/`.

The output is a pure function of its inputs (sorted everywhere, no clocks), so two builds of
the same content are byte-identical. Links are relative, so the site works from any folder, any
sub-path of a host, and straight from disk.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

import jinja2
from babel import Locale
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..config import SiteConfig
from ..errors import ContentError
from ..model import DateSpan, Timeline
from .catalogs import load_translations
from .dates import format_partial, format_span, month_heading
from .export import timeline_json
from .plan import PlannedPage, page_path, plan_pages

__all__ = ["page_path", "plan_pages", "render_site"]


@dataclass(frozen=True)
class Localized:
    """A text with the language it is really written in, which may differ from the page's."""

    text: str
    language: str


def render_site(timeline: Timeline, config: SiteConfig) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    pages = plan_pages(timeline, config)
    environments = {lang: _environment(config, lang) for lang in config.languages}
    markdown = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    for page in pages:
        files[page.path] = _render_page(page, environments[page.language], timeline, config, markdown)
    files["index.html"] = _render_root(environments[config.default_language], config)
    files["data/timeline.json"] = timeline_json(timeline, config.root)
    for asset in sorted(p for p in config.assets_dir.rglob("*") if p.is_file()):
        files["assets/" + asset.relative_to(config.assets_dir).as_posix()] = asset.read_bytes()
    return files


def _environment(config: SiteConfig, language: str) -> jinja2.Environment:
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
    return environment


def _render_page(page: PlannedPage, environment, timeline: Timeline, config: SiteConfig, markdown) -> bytes:
    language = page.language
    gettext = environment.globals["plain_gettext"]

    def url(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page.path))

    def localized(mapping: dict[str, str]) -> Localized:
        for candidate in (language, config.default_language, *sorted(mapping)):
            if mapping.get(candidate):
                return Localized(mapping[candidate], candidate)
        return Localized("", language)

    context = {
        "lang": language,
        "page": page,
        "site": config,
        "site_title": config.title[language],
        "languages": [(lang, _autonym(lang), url(page_path(page.key, lang))) for lang in config.languages],
        "url": url,
        "path_of": lambda *key: url(page_path(tuple(key), language)),
        "asset": lambda name: url("assets/" + name),
        "date": lambda span: format_span(span, language, gettext),
        "date_of": lambda partial: format_partial(partial, language),
        "iso": _iso_datetime,
        "month_heading": lambda year, month: month_heading(year, month, language, gettext),
        "localized": localized,
        "language_name": lambda code: Locale.parse(code).get_display_name(language),
        "actors": timeline.actors,
        "sources_by_id": timeline.documents,
        "about_page": next((p for p in timeline.pages if p.id == "about"), None),
        "markdown": lambda text: Markup(markdown.render(text)),
        **page.context,
    }
    return _render_template(environment, page.template, context, config, page.path)


def _render_template(environment, template: str, context: dict, config: SiteConfig, output: str) -> bytes:
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


def _render_root(environment: jinja2.Environment, config: SiteConfig) -> bytes:
    context = {
        "target": page_path(("index",), config.default_language),
        "lang": config.default_language,
        "site_title": config.title[config.default_language],
        "languages": [(lang, _autonym(lang), page_path(("index",), lang)) for lang in config.languages],
    }
    return _render_template(environment, "redirect.html", context, config, "index.html")


def _autonym(language: str) -> str:
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def _iso_datetime(span: DateSpan) -> str:
    """`<time datetime>` accepts 2025, 2025-11 and 2025-11-06: exactly the precision we know."""
    return span.start.edtf
