"""Extraction of many articles at once: in parallel processes on this machine, or on a Dask cluster.

Every article's extraction is independent of the others' (a pure function of its bytes, its file
name, the registry, the site's key terms and the rules), so the articles a build has no cached
record for are split among worker processes, one per core by default (`--jobs N`). The workers
send back what they made; the build writes the cache records and goes on as if it had made them
itself, so a parallel build is byte for byte the one a single process gives.

`extract_on_cluster` does the same on `dask.distributed` (a `LocalCluster` by default, or the
scheduler at an address): the records it writes are the very files a local build writes and reads,
so an archive can be extracted on a cluster and built on one machine.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from .extract import Extraction, build_actor_index, extract
from .extract.concepts import use_site_concepts
from .extract.record import to_json
from .model import Actor, Document

# Below this many articles to extract, starting processes costs more than it saves.
PARALLEL_FROM = 16
# Articles per task: large enough that sending them costs little, small enough to share out evenly.
BATCH = 8


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def batches(documents: Sequence[Document], size: int = BATCH) -> Iterator[list[Document]]:
    for start in range(0, len(documents), size):
        yield list(documents[start : start + size])


_worker: dict[str, object] = {}


def _start_worker(actors: dict[str, Actor], concepts: str) -> None:
    use_site_concepts(concepts)
    _worker["index"] = build_actor_index(actors)


def _extract_batch(documents: list[Document]) -> list[Extraction]:
    index = _worker["index"]
    return [extract(document, index) for document in documents]  # type: ignore[arg-type]


def extract_in_processes(
    documents: Sequence[Document], actors: dict[str, Actor], concepts: str, jobs: int
) -> list[Extraction]:
    """The extractions of `documents`, in their order, made by `jobs` worker processes."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks: safe under serve
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(actors, concepts)
    ) as pool:
        return [found for batch in pool.map(_extract_batch, batches(documents)) for found in batch]


def _cluster_batch(documents: list[Document], actors: dict[str, Actor], concepts: str) -> list[dict]:
    """On a Dask worker: the cache records of a batch (the worker keeps its index between tasks)."""
    # The registry's content, not only its ids: a worker of a long-lived cluster serves many runs.
    key = hashlib.sha256(repr((sorted(actors.items()), concepts)).encode("utf-8")).hexdigest()
    if _worker.get("key") != key:
        _start_worker(actors, concepts)
        _worker["key"] = key
    return [
        to_json(found, document.text, sentences=False)
        for document, found in zip(documents, _extract_batch(documents), strict=True)
    ]


def extract_on_cluster(
    documents: Sequence[Document],
    actors: dict[str, Actor],
    concepts: str,
    scheduler: str | None = None,
    workers: int | None = None,
    batch: int = 32,
) -> Iterable[tuple[list[Document], list[dict]]]:
    """(documents, their cache records) batch by batch as the cluster finishes them.

    `scheduler` is the address of a running `dask scheduler` (tcp://host:8786); without one, a
    LocalCluster of `workers` processes (one per core by default) is started for the run.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
        )
    try:
        with Client(scheduler or cluster) as client:
            groups = list(batches(documents, batch))
            shared = client.scatter([actors, concepts], broadcast=True)
            futures = {client.submit(_cluster_batch, group, *shared, pure=False): group for group in groups}
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        if cluster is not None:
            cluster.close()
