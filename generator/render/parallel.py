"""Rendering pages in parallel processes: one per core, each rendering a share of the pages.

A page's bytes depend only on the planned page, the Jinja environment and the site's facts, all
built before rendering starts. Worker processes are forked, so they start with those in memory
(nothing is sent to them) and send back each page's bytes with the timeline entries it read,
which the parent records for the next build as if it had rendered the page itself: the output is
byte for byte the one a single process gives.

Forking is only safe in a process with no other threads (a thread holding a lock at the fork
leaves it held for ever in the child): under `timeline serve`, whose server and watcher run on
threads, and where fork is unavailable, the pages are rendered in this process.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from .reuse import Read, ReadLog

PARALLEL_FROM = 64  # fewer pages than this are rendered here: forking would cost more than it saves
Rendered = tuple[bytes, frozenset[Read]]

_work: dict[str, object] = {}  # what forked workers inherit: the renders and the read log


def render_all(renders: Sequence[Callable[[], bytes]], log: ReadLog, jobs: int) -> list[Rendered]:
    """Each page's bytes and the entries it read, in the order of `renders`."""
    if jobs < 2 or len(renders) < PARALLEL_FROM or not _can_fork():
        return _render_range(renders, log, 0, len(renders))
    _work.update(renders=renders, log=log)
    try:
        share = -(-len(renders) // (jobs * 4))  # a few shares per worker, so none waits on a slow one
        starts = range(0, len(renders), share)
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = pool.map(_render_share, starts, [min(s + share, len(renders)) for s in starts])
            return [rendered for part in parts for rendered in part]
    finally:
        _work.clear()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _render_share(start: int, stop: int) -> list[Rendered]:
    return _render_range(_work["renders"], _work["log"], start, stop)  # type: ignore[arg-type]


def _render_range(
    renders: Sequence[Callable[[], bytes]], log: ReadLog, start: int, stop: int
) -> list[Rendered]:
    done = []
    for render in renders[start:stop]:
        log.take()
        output = render()
        done.append((output, log.take()))
    return done
