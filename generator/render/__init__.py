"""Render: Timeline + site.toml + templates/ + assets/ → the files of `public/`.

The output is a pure function of its inputs (sorted everywhere, no clocks), so two builds of
the same content are byte-identical. Links are relative, so the site works from any folder, any
sub-path of a host, and straight from disk.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from functools import partial

import jinja2
from markdown_it import MarkdownIt

from ..config import SiteConfig
from ..model import Timeline
from ..site_files import MAX_MEDIA_BYTES, read_site_bytes
from ..theme import TEMPLATES_DIR, asset_files
from ..timing import Stage, StageClock
from .exports import export_files
from .feeds import feed_files, sitemap_files
from .pages import SiteFacts, autonym, environment_for, render_page, render_template, site_facts
from .parallel import render_all
from .plan import PlannedPage, page_path, plan_pages
from .reuse import (
    EVENTS,
    EntryVersions,
    PageRenderer,
    ReadLog,
    RecordedMapping,
    RenderMemo,
    digest,
    folder_digest,
    recording_timeline,
    tracked_mappings,
)
from .search import search_index

__all__ = ["RenderMemo", "RenderedPages", "page_path", "plan_pages", "render_pages", "render_site"]


@dataclass
class RenderedPages:
    """What a reader opens: the pages, the site's assets and the notes' pictures, by output path."""

    files: dict[str, bytes]
    pages: list[PlannedPage]


def render_site(
    timeline: Timeline,
    config: SiteConfig,
    memo: RenderMemo | None = None,
    clock: StageClock | None = None,
    jobs: int = 1,
) -> dict[str, bytes]:
    """`memo` carries the pages of an earlier build of the same site (`timeline serve` keeps one):
    pages none of whose inputs changed are taken from it, and it is updated for the next build.
    `jobs` processes render the pages (generator/render/parallel.py)."""
    memo = memo if memo is not None else RenderMemo()
    rendered = render_pages(timeline, config, memo, clock, jobs)
    return {**rendered.files, **render_whole_site(timeline, config, rendered, memo, clock)}


def render_pages(
    timeline: Timeline, config: SiteConfig, memo: RenderMemo, clock: StageClock | None = None, jobs: int = 1
) -> RenderedPages:
    """The first half of a build: enough for an open page to show an edit."""
    clock = clock if clock is not None else StageClock()
    with clock.stage(Stage.RENDER):
        files, pages = _render_pages(timeline, config, memo, jobs)
    with clock.stage(Stage.DATA):
        for name, asset in asset_files(config.assets_dir).items():
            files["assets/" + name] = read_site_bytes(asset, MAX_MEDIA_BYTES)
        for event in timeline.events:  # a note's picture kept beside it (generator/ingest/images.py)
            if event.image is not None and event.image_path and event.image_path not in files:
                files[event.image_path] = read_site_bytes(event.image, MAX_MEDIA_BYTES)
    return RenderedPages(files, pages)


def render_whole_site(
    timeline: Timeline,
    config: SiteConfig,
    rendered: RenderedPages,
    memo: RenderMemo,
    clock: StageClock | None = None,
) -> dict[str, bytes]:
    """The second half: what is made of the whole site (exports, feeds, sitemap, the search index)."""
    clock = clock if clock is not None else StageClock()
    files: dict[str, bytes] = {}
    with clock.stage(Stage.DATA):
        files.update(export_files(timeline, config))
        files.update(feed_files(timeline, config))
        files.update(sitemap_files(rendered.pages, config))
    with clock.stage(Stage.SEARCH):
        indexed = {page.path for page in rendered.pages if page.indexed}
        files.update(_search_index(rendered.files, config, indexed, memo))
    return files


def _render_pages(
    timeline: Timeline, config: SiteConfig, memo: RenderMemo, jobs: int
) -> tuple[dict[str, bytes], list[PlannedPage]]:
    memo.start()
    pages = plan_pages(timeline, config)
    templates = digest((config, folder_digest(config.templates_dir), folder_digest(TEMPLATES_DIR)))
    if memo.environments is None or memo.environments[0] != templates:
        # Kept from build to build while the templates, catalogs and site.toml stay as they are:
        # compiling the templates again would cost a serve rebuild most of a second.
        memo.environments = (templates, {lang: environment_for(config, lang) for lang in config.languages})
    environments = memo.environments[1]
    for environment in environments.values():  # compiled once here, not again in each worker
        for template in sorted({page.template for page in pages} | {"redirect.html"}):
            with contextlib.suppress(jinja2.TemplateError):  # reported with its page, file and line
                environment.get_template(template)
    markdown = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    log = ReadLog()
    facts = site_facts(recording_timeline(timeline, log), config, markdown)
    facts = replace(facts, events_by_id=RecordedMapping(EVENTS, facts.events_by_id, log))
    renderer = PageRenderer(
        memo,
        _site_inputs(timeline, templates, facts),
        log,
        EntryVersions(tracked_mappings(timeline)),
    )
    for page in pages:
        environment = environments[page.language]
        own_inputs = (page.path, page.template, page.key, page.context)
        renderer.want(page.path, own_inputs, partial(render_page, page, environment, facts))
        if page.key == ("404",) and page.language == config.default_language:
            # Hosts serve /404.html for any missing address: the default language's, placed at the root.
            renderer.want(
                "404.html",
                own_inputs,
                partial(render_page, page, environment, facts, output_path="404.html"),
            )
    renderer.want("index.html", "root", partial(_render_root, environments[config.default_language], config))
    return renderer.finish(partial(render_all, jobs=jobs)), pages


def _site_inputs(timeline: Timeline, templates: str, facts: SiteFacts) -> str:
    """What any page may show, whatever page it is: a change here renders every page again.
    `templates` is the digest of site.toml, the templates and the catalogs."""
    return digest(
        (
            templates,
            timeline.languages,
            timeline.pages,
            sorted(facts.actor_pages),
            facts.filter_values,
        )
    )


def _search_index(
    files: dict[str, bytes], config: SiteConfig, indexed: set[str], memo: RenderMemo
) -> dict[str, bytes]:
    """The index is a function of the indexed pages' bytes: unchanged pages, unchanged index."""
    pages = digest([(path, digest(files[path])) for path in sorted(indexed)])
    if memo.search is None or memo.search[0] != pages:
        memo.search = (pages, search_index(files, config, indexed))
    elif memo.folder is not None:
        memo.from_folder.update(memo.search[1])  # the index the last build wrote there still holds
    return memo.search[1]


def _render_root(environment: jinja2.Environment, config: SiteConfig) -> bytes:
    context = {
        "target": page_path(("index",), config.default_language),
        "lang": config.default_language,
        "site_title": config.title[config.default_language],
        "languages": [(lang, autonym(lang), page_path(("index",), lang)) for lang in config.languages],
    }
    return render_template(environment, "redirect.html", context, config, "index.html")
