"""Seconds per build stage, for `timeline build --verbose` and the benchmarks under bench/."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum


class Stage(StrEnum):
    """The stages of a build, in the order they run."""

    READ = "read content"
    EXTRACT = "extract"
    MERGE = "merge"
    RENDER = "render pages"
    DATA = "exports, feeds, assets"
    SEARCH = "search index"
    WRITE = "write output"


class StageClock:
    """Wall-clock seconds spent in each stage; a stage entered twice adds up."""

    def __init__(self) -> None:
        self.seconds: dict[Stage, float] = {}

    @contextmanager
    def stage(self, stage: Stage) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

    def lines(self) -> list[str]:
        """One line per stage that ran, in build order: name, seconds and share of the total."""
        total = sum(self.seconds.values()) or 1.0
        return [
            f"  {stage.value:<24} {self.seconds[stage]:8.3f} s  {self.seconds[stage] / total:6.1%}"
            for stage in Stage
            if stage in self.seconds
        ]
