"""One build: the stages in order, from `content/` to `public/`."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig, load_config
from .extract import Extraction, build_actor_index
from .extract_cache import open_cache
from .ingest import read_content
from .merge import merge
from .model import Timeline
from .render import render_site
from .render.write import write_site


@dataclass
class BuildReport:
    output: Path
    timeline: Timeline
    files: int
    seconds: float
    extracted: int = 0  # articles extracted afresh; the rest came from the cache


@dataclass
class Chronology:
    """What ingest, extract and merge made of a site: all a build renders, all a check reads."""

    config: SiteConfig
    timeline: Timeline
    extractions: dict[str, Extraction]
    extracted: int  # articles extracted afresh; the rest came from the cache


def read_chronology(root: Path) -> Chronology:
    config = load_config(root)
    content = read_content(config.content_dir)
    index = build_actor_index(content.actors)
    cache = open_cache(root, content.actors)
    extractions = {doc.id: cache.extract(doc, index) for doc in content.documents}
    cache.prune()
    timeline = merge(
        content.documents,
        extractions,
        content.notes,
        content.actors,
        content.pages,
        config.languages,
    )
    timeline.warnings[:0] = content.warnings
    timeline.tags = content.tags
    return Chronology(config, timeline, extractions, cache.misses)


def build_site(root: Path, output: Path | None = None) -> BuildReport:
    started = time.perf_counter()
    chronology = read_chronology(root)
    files = render_site(chronology.timeline, chronology.config)
    target = output if output is not None else root / "public"
    write_site(files, target)
    return BuildReport(
        target, chronology.timeline, len(files), time.perf_counter() - started, chronology.extracted
    )
