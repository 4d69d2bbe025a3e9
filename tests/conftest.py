"""Shared fixtures: the example site built once per test session from the real content/."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import copy_site

from generator.build import BuildReport, build_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    """The project's own example site, built into a temporary public/."""
    return build_site(ROOT, tmp_path_factory.mktemp("site") / "public")


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A private copy of the example site's sources, safe to edit or break."""
    target = tmp_path / "site"
    target.mkdir()
    copy_site(ROOT, target)
    return target


def pytest_terminal_summary(terminalreporter):
    """Print extraction precision and recall per language whenever the gold tests ran."""
    from extraction_scores import SCORES, summary_lines

    if SCORES:
        terminalreporter.write_line("")
        for line in summary_lines():
            terminalreporter.write_line(line)
