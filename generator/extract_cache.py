"""Extraction results kept on disk, keyed by what they depend on.

An extraction is a pure function of the article's bytes, its file name, the actor registry and
the rules (code version and data tables). The key hashes all four, so editing one article
re-extracts only that article, and editing the registry or a rule re-extracts everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .extract import ActorIndex, Extraction, build_actor_index, extract, rules_version
from .extract.record import from_json, to_json
from .extract_jobs import PARALLEL_FROM, extract_in_processes
from .model import Actor, Document
from .site_paths import CACHE_FOLDER


def registry_fingerprint(actors: dict[str, Actor]) -> str:
    text = repr(
        sorted(
            (
                a.id,
                a.type,
                sorted(a.names.items()),
                sorted((k, tuple(v)) for k, v in a.aliases.items()),
                a.media,
            )
            for a in actors.values()
        )
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class ExtractionCache:
    """`folder` None keeps nothing on disk (a build into a read-only checkout still works).

    `memory` is shared by the builds of one process (`timeline serve`): a record found there
    is not even read from disk again.
    """

    folder: Path | None
    registry: str
    memory: dict[str, Extraction] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    used: set[str] = field(default_factory=set)
    extracted: list[str] = field(default_factory=list)  # ids of the documents extracted afresh

    def extract(self, document: Document, index: ActorIndex) -> Extraction:
        key = self._key(document)
        return self._cached(key) or self._keep(key, document, extract(document, index))

    def extract_all(
        self, documents: list[Document], actors: dict[str, Actor], concepts: str, jobs: int = 1
    ) -> dict[str, Extraction]:
        """Every document's extraction by id, in their order; those not cached are made by `jobs`
        processes when there are enough of them to be worth it (generator/extract_jobs.py)."""
        found = {doc.id: cached for doc in documents if (cached := self._cached(self._key(doc)))}
        missing = [doc for doc in documents if doc.id not in found]
        if jobs > 1 and len(missing) >= PARALLEL_FROM:
            made = extract_in_processes(missing, actors, concepts, jobs)
        else:
            index = build_actor_index(actors)
            made = [extract(doc, index) for doc in missing]
        for doc, result in zip(missing, made, strict=True):
            found[doc.id] = self._keep(self._key(doc), doc, result)
        return {doc.id: found[doc.id] for doc in documents}

    def missing(self, documents: list[Document]) -> list[Document]:
        """The documents with no record yet (each is counted as used, so prune keeps its record)."""
        return [doc for doc in documents if self._cached(self._key(doc)) is None]

    def store(self, document: Document, record: dict) -> None:
        """A record made elsewhere (a cluster worker) for `document`, as extract would write it."""
        key = self._key(document)
        self.misses += 1
        self.extracted.append(document.id)
        self._write(key, record)

    def _cached(self, key: str) -> Extraction | None:
        self.used.add(key)
        cached = self.memory.get(key) or self._read(key)
        if cached is not None:
            self.hits += 1
            self.memory[key] = cached
        return cached

    def _keep(self, key: str, document: Document, result: Extraction) -> Extraction:
        self.misses += 1
        self.extracted.append(document.id)
        self._write(key, to_json(result, document.text, sentences=False))
        self.memory[key] = result
        return result

    def _key(self, document: Document) -> str:
        parts = [document.content_hash, document.path.name, self.registry, rules_version()]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]

    def _read(self, key: str) -> Extraction | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.json"
        try:
            return from_json(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # absent, unreadable or damaged: extract again and overwrite it

    def _write(self, key: str, record: dict) -> None:
        if self.folder is None:
            return
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True)
                # Like .pytest_cache: the cache ignores itself, so it never shows up as a change
                # to commit in the editor's repository.
                (self.folder.parent / ".gitignore").write_text("# made by timeline\n*\n", "utf-8")
            temporary = self.folder / f".{key}.{os.getpid()}.tmp"
            temporary.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
            temporary.replace(self.folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Drop records no document of this build used: edited-away versions of articles."""
        for key in set(self.memory) - self.used:
            del self.memory[key]
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                with contextlib.suppress(OSError):  # a read-only cache folder is left as it is
                    path.unlink(missing_ok=True)


def open_cache(
    root: Path, actors: dict[str, Actor], memory: dict[str, Extraction] | None = None
) -> ExtractionCache:
    folder = root / CACHE_FOLDER / "extract"
    return ExtractionCache(folder, registry_fingerprint(actors), memory if memory is not None else {})
