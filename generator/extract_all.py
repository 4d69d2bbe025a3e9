"""`timeline extract-all`: fill the extraction cache of a whole archive, here or on a Dask cluster.

The records written are the ones `timeline build` reads (generator/extract_cache.py), keyed by
the same content hash, so a build that follows extracts nothing; an archive of 10⁵–10⁶ articles
can be extracted on a cluster and built on one machine.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .config import load_config
from .errors import ContentError
from .extract.concepts import use_site_concepts
from .extract_cache import open_cache
from .extract_jobs import default_jobs, extract_on_cluster
from .ingest import read_content

CLUSTER_INSTALL = "install Dask into the generator's environment: .venv/bin/pip install 'dask[distributed]'"


@dataclass
class ExtractedArchive:
    articles: int  # in content/articles/
    extracted: int  # made by this run; the others were in the cache already
    seconds: float
    where: str  # "3 processes", "a LocalCluster of 2 workers", "the cluster at tcp://…"


def extract_all(
    root: Path,
    jobs: int | None = None,
    cluster: bool = False,
    scheduler: str | None = None,
    workers: int | None = None,
) -> ExtractedArchive:
    started = time.perf_counter()
    config = load_config(root)
    content = read_content(config.content_dir)
    use_site_concepts(content.concepts)
    cache = open_cache(root, content.actors)
    if not cluster:
        jobs = jobs or default_jobs()
        cache.extract_all(content.documents, content.actors, content.concepts, jobs)
        where = f"{jobs} process(es) on this machine"
    else:
        missing = cache.missing(content.documents)
        for documents, records in _on_cluster(missing, content.actors, content.concepts, scheduler, workers):
            for document, record in zip(documents, records, strict=True):
                cache.store(document, record)
        where = (
            f"the cluster at {scheduler}"
            if scheduler
            else f"a LocalCluster of {workers or default_jobs()} workers"
        )
    return ExtractedArchive(
        len(content.documents), len(cache.extracted), time.perf_counter() - started, where
    )


def _on_cluster(documents, actors, concepts, scheduler, workers):
    try:
        import dask.distributed  # noqa: F401  (only to say what is missing before anything starts)
    except ImportError:
        raise ContentError(
            "--dask", None, "extracting on a cluster needs Dask, which is not installed", CLUSTER_INSTALL
        ) from None
    try:
        yield from extract_on_cluster(documents, actors, concepts, scheduler, workers)
    except (OSError, TimeoutError) as error:
        raise ContentError(
            scheduler or "LocalCluster",
            None,
            f"the Dask cluster could not be reached or stopped answering: {error}",
            "check the scheduler address (tcp://HOST:8786); every worker needs this generator installed",
        ) from None
