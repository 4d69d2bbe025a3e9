"""One build: the stages in order, from `content/` to `public/`."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig, load_config
from .extract import Extraction
from .extract.concepts import use_site_concepts
from .extract_cache import open_cache
from .extract_jobs import default_jobs
from .ingest import read_content
from .merge import merge
from .model import Document, Note, Timeline
from .render import RenderedPages, RenderMemo, render_pages, render_whole_site
from .render.memo_file import load_memo, save_memo
from .render.write import holds_as_written, write_changes, write_site
from .timing import Stage, StageClock


@dataclass
class Chronology:
    """What ingest, extract and merge made of a site: all a build renders, all a check reads."""

    config: SiteConfig
    timeline: Timeline
    extractions: dict[str, Extraction]
    extracted: list[str]  # ids of the articles extracted afresh; the rest came from the cache
    notes: list[Note] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # as ingest read them


@dataclass
class BuildMemory:
    """What one process keeps from build to build (`timeline serve`), so that a rebuild redoes
    only what an edit touched: extractions by content hash, rendered pages with what they read,
    and the files last written to the output folder."""

    extractions: dict[str, Extraction] = field(default_factory=dict)
    articles: dict[Path, Document] = field(default_factory=dict)  # as read, by file
    pages: RenderMemo = field(default_factory=RenderMemo)
    written: dict[str, bytes] | None = None
    whole_site: set[str] = field(default_factory=set)  # the paths of `written` made of the whole site
    # A build whose whole-site outputs were left for later (`whole_site_later`): what to make them of.
    pending: PendingWholeSite | None = None


@dataclass
class PendingWholeSite:
    timeline: Timeline
    config: SiteConfig
    rendered: RenderedPages
    target: Path


# Told the files written and removed once the pages are out, before the whole-site outputs are made.
PagesWritten = Callable[[list[str], list[str]], None]


@dataclass
class BuildReport:
    output: Path
    timeline: Timeline
    files: int
    seconds: float
    extracted_ids: list[str] = field(default_factory=list)  # articles extracted afresh, not cached
    pages_rendered: int = 0  # pages rendered afresh; the rest were reused from the memory
    pages_total: int = 0
    changed: list[str] = field(default_factory=list)  # files written because their bytes changed
    removed: list[str] = field(default_factory=list)  # files no longer built, deleted
    clock: StageClock = field(default_factory=StageClock)
    output_listing: str | None = None  # of the output folder as written, when the build took it

    @property
    def extracted(self) -> int:
        return len(self.extracted_ids)


def read_chronology(
    root: Path,
    base_url: str | None = None,
    extractions: dict[str, Extraction] | None = None,
    clock: StageClock | None = None,
    jobs: int | None = None,
    articles: dict[Path, Document] | None = None,
) -> Chronology:
    """`jobs`: processes extracting the articles not in the cache (default: one per core).
    `articles`: the articles an earlier build of this process read (BuildMemory.articles)."""
    clock = clock if clock is not None else StageClock()
    with clock.stage(Stage.READ):
        config = load_config(root, base_url)
        content = read_content(config.content_dir, articles)
    with clock.stage(Stage.EXTRACT):
        use_site_concepts(content.concepts)
        cache = open_cache(root, content.actors, extractions)
        found = cache.extract_all(content.documents, content.actors, content.concepts, jobs or default_jobs())
        cache.prune()
    with clock.stage(Stage.MERGE):
        timeline = merge(
            content.documents,
            found,
            content.notes,
            content.actors,
            content.pages,
            config.languages,
            content.decisions,
            content.translations,
        )
    timeline.warnings[:0] = content.warnings
    timeline.tags = content.tags
    return Chronology(config, timeline, found, cache.extracted, content.notes, content.documents)


def build_site(
    root: Path,
    output: Path | None = None,
    *,
    base_url: str | None = None,
    memory: BuildMemory | None = None,
    pages_written: PagesWritten | None = None,
    whole_site_later: bool = False,
    jobs: int | None = None,
) -> BuildReport:
    """With `memory`, the build reuses what the previous build in this process did and writes only
    the files whose bytes changed; without, it renders everything and swaps the output in whole.
    With `pages_written` as well (`timeline serve`), the changed pages are written first and it is
    told of them; the exports, feeds and search index follow, or, with `whole_site_later`, are left
    in `memory.pending` for `catch_up` to make when the editor pauses."""
    started = time.perf_counter()
    target = output if output is not None else root / "public"
    kept_on_disk = memory is None  # a build of its own keeps its render memo in the cache folder
    memory = memory if memory is not None else BuildMemory(pages=load_memo(root, target))
    clock = StageClock()
    chronology = read_chronology(root, base_url, memory.extractions, clock, jobs, memory.articles)
    timeline, config = chronology.timeline, chronology.config
    rendered = render_pages(timeline, config, memory.pages, clock, jobs or default_jobs())
    changed: list[str] = []
    removed: list[str] = []
    pages_first = pages_written is not None and memory.written is not None
    if pages_first and not holds_as_written(target.resolve(), memory.written or ()):
        pages_first = False  # the folder was changed behind our back: it is written anew in whole
    if pages_first:
        assert memory.written is not None and pages_written is not None
        before = {path: data for path, data in memory.written.items() if path not in memory.whole_site}
        with clock.stage(Stage.WRITE):
            changed, removed = write_changes(rendered.files, before, target)
        pages_written(changed, removed)
        if whole_site_later:
            memory.pending = PendingWholeSite(timeline, config, rendered, target)
            memory.written = {**rendered.files, **{path: memory.written[path] for path in memory.whole_site}}
            return _report(memory, chronology, target, started, clock, changed, removed)
    memory.pending = None
    whole_site = render_whole_site(timeline, config, rendered, memory.pages, clock)
    files = {**rendered.files, **whole_site}
    with clock.stage(Stage.WRITE):
        if memory.written is None:
            write_site(files, target, memory.pages.from_folder)
            changed, removed = sorted(set(files) - memory.pages.from_folder), []
        elif pages_first:
            before = {path: memory.written[path] for path in memory.whole_site}
            late_changed, late_removed = write_changes(whole_site, before, target)
            changed, removed = sorted(changed + late_changed), sorted(removed + late_removed)
        else:
            changed, removed = write_changes(files, memory.written, target)
    memory.written, memory.whole_site = files, set(whole_site)
    listing = None
    if kept_on_disk:
        with clock.stage(Stage.WRITE):
            listing = save_memo(root, target, memory.pages)
    report = _report(memory, chronology, target, started, clock, changed, removed)
    report.output_listing = listing
    return report


def catch_up(memory: BuildMemory) -> list[str]:
    """Makes and writes the whole-site outputs a `whole_site_later` build left: the files written."""
    pending, memory.pending = memory.pending, None
    if pending is None or memory.written is None:
        return []
    whole_site = render_whole_site(pending.timeline, pending.config, pending.rendered, memory.pages)
    before = {path: memory.written[path] for path in memory.whole_site}
    changed, _removed = write_changes(whole_site, before, pending.target)
    memory.written = {**pending.rendered.files, **whole_site}
    memory.whole_site = set(whole_site)
    return changed


def _report(
    memory: BuildMemory,
    chronology: Chronology,
    target: Path,
    started: float,
    clock: StageClock,
    changed: list[str],
    removed: list[str],
) -> BuildReport:
    pages = memory.pages
    return BuildReport(
        target,
        chronology.timeline,
        len(memory.written or ()),
        time.perf_counter() - started,
        chronology.extracted,
        len(pages.rendered),
        len(pages.rendered) + pages.reused,
        changed,
        removed,
        clock,
    )
