"""Render: Timeline + site.toml + templates/ + assets/ → the files of `public/`.

The output is a pure function of its inputs (sorted everywhere, no clocks), so two builds of
the same content are byte-identical. Links are relative, so the site works from any folder, any
sub-path of a host, and straight from disk.
"""

from __future__ import annotations

import jinja2
from markdown_it import MarkdownIt

from ..config import SiteConfig
from ..model import Timeline
from .exports import export_files
from .feeds import feed_files, sitemap_files
from .pages import autonym, environment_for, render_page, render_template, site_facts
from .plan import page_path, plan_pages
from .search import search_index

__all__ = ["page_path", "plan_pages", "render_site"]


def render_site(timeline: Timeline, config: SiteConfig) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    pages = plan_pages(timeline, config)
    environments = {lang: environment_for(config, lang) for lang in config.languages}
    markdown = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    facts = site_facts(timeline, config, markdown)
    for page in pages:
        files[page.path] = render_page(page, environments[page.language], facts)
        if page.key == ("404",) and page.language == config.default_language:
            # Hosts serve /404.html for any missing address: the default language's, placed at the root.
            files["404.html"] = render_page(page, environments[page.language], facts, output_path="404.html")
    files["index.html"] = _render_root(environments[config.default_language], config)
    files.update(export_files(timeline, config))
    files.update(feed_files(timeline, config))
    files.update(sitemap_files(pages, config))
    for asset in sorted(p for p in config.assets_dir.rglob("*") if p.is_file()):
        files["assets/" + asset.relative_to(config.assets_dir).as_posix()] = asset.read_bytes()
    files.update(search_index(files, config, {page.path for page in pages if page.indexed}))
    return files


def _render_root(environment: jinja2.Environment, config: SiteConfig) -> bytes:
    context = {
        "target": page_path(("index",), config.default_language),
        "lang": config.default_language,
        "site_title": config.title[config.default_language],
        "languages": [(lang, autonym(lang), page_path(("index",), lang)) for lang in config.languages],
    }
    return render_template(environment, "redirect.html", context, config, "index.html")
