"""Re-rendering only the pages an edit touched.

A page's bytes are a function of the site-wide inputs (site.toml, templates and catalogs, the
about pages, the filters' choices), of its planned context, and of the timeline entries it reads
while it renders: actors, documents, tags, highlights and events looked up by id. Rendering a page
records which entries it read; the next build renders it again only if one of those inputs now has
another value, and otherwise reuses its bytes. Nothing has to declare what a template depends on,
so a new template that reads something new is tracked without a change here.

Values are compared by a digest of their pickled bytes: the model is plain dataclasses, lists and
dicts in content order, so equal content gives equal digests, in one process and from one build
to the next (generator/render/memo_file.py keeps them on disk). A spurious difference only costs a
re-render, never a stale page.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..editor_files import is_editor_scratch
from ..model import Actor, Document, Event, Timeline
from ..site_files import MAX_MEDIA_BYTES, read_site_bytes, walk_files

EVERY_ENTRY = "*every entry*"  # the key recorded when a page iterates a whole mapping

# The timeline's mappings a page may read entries of, by the name its reads are recorded under;
# events are read by id (SiteFacts.events_by_id) or as the whole list (Timeline.events).
TRACKED_MAPPINGS = ("actors", "documents", "tags", "highlights")
EVENTS = "events"

Read = tuple[str, Any]  # (mapping name, key)


def digest(value: Any, shared: Digests | None = None) -> str:
    """Equal digests mean equal values: pickle's bytes rebuild the value they were made of. (Two
    equal values may still differ, sets by their order; that costs a re-render, never a stale page.)
    With `shared`, each event, article and actor in `value` stands for its own digest, worked out
    once a build although hundreds of pages' contexts hold it."""
    buffer = io.BytesIO()
    pickler = _SharedPickler(buffer, shared) if shared is not None else pickle.Pickler(buffer, protocol=5)
    # No memo: a value held twice and two equal values must give the same bytes (an extraction
    # read back from the cache shares fewer strings than one just made).
    pickler.fast = True
    try:
        pickler.dump(value)
        data = buffer.getvalue()
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        data = repr(value).encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


SHARED_TYPES = (Event, Document, Actor)


class Digests:
    """The digests of the model's large shared values in one build, by identity (each value kept
    beside its digest, so that its id is not reused while the digest is remembered)."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, str]] = {}

    def of(self, value: Any) -> str:
        known = self._known.get(id(value))
        if known is None or known[0] is not value:
            known = (value, digest(value))
            self._known[id(value)] = known
        return known[1]


class _SharedPickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, shared: Digests) -> None:
        super().__init__(buffer, protocol=5)
        self._shared = shared

    def persistent_id(self, obj: Any) -> str | None:
        return self._shared.of(obj) if type(obj) in SHARED_TYPES else None


class ReadLog:
    """The entries the page being rendered has read so far."""

    def __init__(self) -> None:
        self.reads: set[Read] = set()

    def take(self) -> frozenset[Read]:
        reads, self.reads = frozenset(self.reads), set()
        return reads


class RecordedMapping(Mapping):
    """A read-only view of a dict that notes every key looked up (and whole-mapping iteration)."""

    def __init__(self, name: str, data: Mapping, log: ReadLog) -> None:
        self._name, self._data, self._log = name, data, log

    def __getitem__(self, key: Any) -> Any:
        self._log.reads.add((self._name, key))
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        self._log.reads.add((self._name, key))
        return key in self._data

    def __iter__(self) -> Iterator:
        self._log.reads.add((self._name, EVERY_ENTRY))
        return iter(self._data)

    def __len__(self) -> int:
        self._log.reads.add((self._name, EVERY_ENTRY))
        return len(self._data)


class RecordedEvents(list):
    """The timeline's event list; any use of it by a page depends on every event."""

    def __init__(self, events: list, log: ReadLog) -> None:
        super().__init__(events)
        self._log = log

    def _noted(self) -> None:
        self._log.reads.add((EVENTS, EVERY_ENTRY))

    def __iter__(self):
        self._noted()
        return super().__iter__()

    def __len__(self) -> int:
        self._noted()
        return super().__len__()

    def __getitem__(self, index):
        self._noted()
        return super().__getitem__(index)


def recording_timeline(timeline: Timeline, log: ReadLog) -> Timeline:
    """The same timeline, its lookups noted in `log`: what the page renderer is given."""
    return replace(
        timeline,
        events=RecordedEvents(timeline.events, log),
        **{name: RecordedMapping(name, getattr(timeline, name), log) for name in TRACKED_MAPPINGS},
    )


def tracked_mappings(timeline: Timeline) -> dict[str, Mapping]:
    """The real mappings behind the recorded ones, for EntryVersions."""
    mappings: dict[str, Mapping] = {name: getattr(timeline, name) for name in TRACKED_MAPPINGS}
    mappings[EVENTS] = {event.id: event for event in timeline.events}
    return mappings


class EntryVersions:
    """Digests of the entries pages read, from the real (unrecorded) mappings; each worked out once."""

    def __init__(self, mappings: dict[str, Mapping], shared: Digests | None = None) -> None:
        self._mappings = mappings
        self._known: dict[Read, str] = {}
        self.shared = shared if shared is not None else Digests()

    def of(self, read: Read) -> str:
        if read not in self._known:
            name, key = read
            mapping = self._mappings[name]
            value = sorted(mapping.items()) if key == EVERY_ENTRY else mapping.get(key)
            self._known[read] = digest(value, self.shared)
        return self._known[read]


@dataclass(frozen=True)
class RenderedPage:
    inputs: str  # digest of the site-wide inputs and the page's own context
    reads: dict[Read, str]  # each entry read while rendering, with its version then
    output: bytes | None  # None: the file of the memo's folder holds it (a memo kept on disk)


@dataclass
class RenderMemo:
    """What one build keeps for the next: each page's output and the inputs it was made from.

    A fresh memo knows no pages, so a build given one renders everything.
    """

    pages: dict[str, RenderedPage] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)  # paths rendered by the last build
    reused: int = 0  # pages the last build took from the memo
    search: tuple[str, dict[str, bytes]] | None = None  # (digest of indexed pages, the index files)
    folder: Path | None = None  # the output folder whose files hold the pages kept without bytes
    # (digest of site.toml, templates and catalogs, the Jinja environment of each language)
    environments: tuple[str, dict[str, Any]] | None = None
    from_folder: set[str] = field(default_factory=set)  # paths the last build took from the folder

    def start(self) -> None:
        self.rendered, self.reused, self.from_folder = [], 0, set()

    def output_of(self, path: str, page: RenderedPage) -> bytes | None:
        if page.output is not None:
            return page.output
        if self.folder is None:
            return None
        try:
            output = (self.folder / path).read_bytes()
        except OSError:
            return None
        self.from_folder.add(path)
        return output


@dataclass
class PageRenderer:
    """Renders the pages of one build, reusing the memo's output where no input changed: each page
    is asked for with `want`, and `finish` renders those that must be, then gives every output."""

    memo: RenderMemo
    site_inputs: str
    log: ReadLog
    versions: EntryVersions
    outputs: dict[str, bytes | None] = field(default_factory=dict)  # in the order pages were wanted
    pending: list[tuple[str, str, Callable[[], bytes]]] = field(default_factory=list)

    def want(self, path: str, own_inputs: Any, render: Callable[[], bytes]) -> None:
        inputs = digest((self.site_inputs, own_inputs), self.versions.shared)
        earlier = self.memo.pages.get(path)
        if (
            earlier is not None
            and earlier.inputs == inputs
            and all(self.versions.of(read) == version for read, version in earlier.reads.items())
            and (output := self.memo.output_of(path, earlier)) is not None
        ):
            self.memo.reused += 1
            self.outputs[path] = output
            return
        self.outputs[path] = None
        self.pending.append((path, inputs, render))

    def finish(self, render_all: Callable[[list[Callable[[], bytes]], ReadLog], list]) -> dict[str, bytes]:
        """`render_all` renders the pending pages (here or in worker processes): each page's bytes
        and the entries it read. Pages this build no longer has are forgotten."""
        made = render_all([render for _, _, render in self.pending], self.log)
        for (path, inputs, _), (output, reads) in zip(self.pending, made, strict=True):
            self.memo.pages[path] = RenderedPage(
                inputs, {read: self.versions.of(read) for read in reads}, output
            )
            self.memo.rendered.append(path)
            self.outputs[path] = output
        for path in set(self.memo.pages) - set(self.outputs):
            del self.memo.pages[path]
        return {path: output for path, output in self.outputs.items() if output is not None}


def folder_digest(folder: Path) -> str:
    """Every file's name and bytes: templates and catalogs, which any page may use."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in walk_files(folder):
        if not any(map(is_editor_scratch, path.relative_to(folder).parts)):
            hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            hasher.update(read_site_bytes(path, MAX_MEDIA_BYTES))
    return hasher.hexdigest()
