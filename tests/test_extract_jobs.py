"""Extraction shared among processes, or run on a Dask cluster, gives what one process gives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sites import copy_site, run_timeline

from generator.build import build_site
from generator.extract import build_actor_index, extract
from generator.extract_all import extract_all
from generator.extract_cache import open_cache
from generator.ingest import read_content

ROOT = Path(__file__).resolve().parent.parent
COPIES = 4  # the five seed articles under four names each: more than PARALLEL_FROM


def _archive(site: Path) -> Path:
    """The example site with each article present four times under other names."""
    copy_site(ROOT, site)
    articles = site / "content/articles"
    for article in sorted(articles.glob("*.txt")):
        for copy in range(1, COPIES):
            shutil.copy(article, articles / f"{article.stem}-copy{copy}.txt")
    return site


def _records(site: Path) -> dict[str, bytes]:
    folder = site / ".timeline-cache/extract"
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.json"))}


def test_two_processes_extract_exactly_what_one_does(tmp_path: Path) -> None:
    site = _archive(tmp_path / "site")
    content = read_content(site / "content")
    index = build_actor_index(content.actors)
    alone = {doc.id: extract(doc, index) for doc in content.documents}
    cache = open_cache(site, content.actors)
    shared = cache.extract_all(content.documents, content.actors, content.concepts, jobs=2)
    assert list(shared) == [doc.id for doc in content.documents]
    assert shared == alone
    assert sorted(cache.extracted) == sorted(alone)


def test_a_build_with_jobs_is_byte_identical_to_one_with_a_single_process(tmp_path: Path) -> None:
    site = _archive(tmp_path / "site")
    build_site(site, tmp_path / "two", jobs=2)
    shutil.rmtree(site / ".timeline-cache")
    build_site(site, tmp_path / "one", jobs=1)
    two = {
        str(p.relative_to(tmp_path / "two")): p.read_bytes()
        for p in (tmp_path / "two").rglob("*")
        if p.is_file()
    }
    one = {
        str(p.relative_to(tmp_path / "one")): p.read_bytes()
        for p in (tmp_path / "one").rglob("*")
        if p.is_file()
    }
    assert two == one


def test_a_local_dask_cluster_of_two_workers_writes_the_cache_a_local_extraction_writes(
    tmp_path: Path,
) -> None:
    on_cluster = _archive(tmp_path / "cluster")
    done = extract_all(on_cluster, cluster=True, workers=2)
    assert done.extracted == done.articles == 5 * COPIES
    assert "LocalCluster of 2 workers" in done.where
    local = _archive(tmp_path / "local")
    extract_all(local, jobs=1)
    assert _records(on_cluster) == _records(local)
    assert len(_records(local)) == 5 * COPIES
    report = build_site(on_cluster)
    assert report.extracted == 0  # the build reads what the cluster wrote


def test_extract_all_on_the_command_line_skips_what_is_cached(tmp_path: Path) -> None:
    site = _archive(tmp_path / "site")
    first = run_timeline("extract-all", "--jobs", "2", cwd=site)
    assert first.returncode == 0, first.stderr
    assert f"extracted {5 * COPIES} of {5 * COPIES} articles on 2 process(es)" in first.stdout
    again = run_timeline("extract-all", cwd=site)
    assert f"extracted 0 of {5 * COPIES} articles" in again.stdout
    assert f"{5 * COPIES} were in the cache already" in again.stdout


def test_options_that_make_no_sense_are_refused_with_the_fix(tmp_path: Path) -> None:
    copy_site(ROOT, tmp_path)
    no_jobs = run_timeline("build", "--jobs", "0", cwd=tmp_path)
    assert no_jobs.returncode == 2 and "give 1 or more" in no_jobs.stderr
    stray = run_timeline("extract-all", "--scheduler", "tcp://127.0.0.1:1", cwd=tmp_path)
    assert stray.returncode == 2 and "go with --dask" in stray.stderr


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    copy_site(ROOT, tmp_path)
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    failed = subprocess.run(
        [sys.executable, "-m", "generator.cli", "extract-all", "--dask", "--scheduler", "tcp://127.0.0.1:9"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert failed.returncode == 1
    assert "tcp://127.0.0.1:9" in failed.stderr and "could not be reached" in failed.stderr
    assert "fix: check the scheduler address" in failed.stderr
