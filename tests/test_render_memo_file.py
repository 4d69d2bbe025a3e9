"""A later `timeline build` re-renders only the pages an edit touched, and writes only those."""

from __future__ import annotations

import re
from pathlib import Path

from sites import copy_site, edit_site_file, run_timeline

ROOT = Path(__file__).resolve().parent.parent
NOTE = "content/notes/2026-02-04-critical-minerals-ministerial.md"
UNTOUCHED = "ru/sources/003_7f436facd6af26cd.html"  # a page that does not show the note's title


def _rendered(stdout: str) -> tuple[int, int]:
    found = re.search(r"(\d+) of (\d+) pages rendered", stdout)
    assert found, stdout
    return int(found[1]), int(found[2])


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _built_then_edited(site: Path) -> tuple[int, int]:
    copy_site(ROOT, site)
    first = run_timeline("build", cwd=site)
    assert first.returncode == 0, first.stderr
    edit_site_file(site, NOTE, "прошла первая", "состоялась первая")
    rebuilt = run_timeline("build", cwd=site)
    assert rebuilt.returncode == 0, rebuilt.stderr
    return _rendered(rebuilt.stdout)


def test_an_edited_note_renders_only_its_pages_and_the_site_is_what_a_fresh_build_makes(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    rendered, total = _built_then_edited(site)
    assert 0 < rendered < total / 2  # the note is the example site's central event: many pages show it
    fresh = run_timeline("build", "--output", str(tmp_path / "fresh"), cwd=site)
    assert _rendered(fresh.stdout)[0] == _rendered(fresh.stdout)[1]  # another folder: nothing to reuse
    assert _tree(site / "public") == _tree(tmp_path / "fresh")
    assert "состоялась первая" in (site / "public/ru/index.html").read_text("utf-8")


def test_pages_the_edit_did_not_touch_are_not_written_again(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_site(ROOT, site)
    assert run_timeline("build", cwd=site).returncode == 0
    untouched = (site / "public" / UNTOUCHED).stat()
    edited = (site / "public/ru/index.html").stat()
    edit_site_file(site, NOTE, "прошла первая", "состоялась первая")
    assert run_timeline("build", cwd=site).returncode == 0
    assert (site / "public" / UNTOUCHED).stat().st_ino == untouched.st_ino  # the same file, linked
    assert (site / "public/ru/index.html").stat().st_ino != edited.st_ino


def test_an_output_folder_changed_by_hand_is_rendered_anew(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_site(ROOT, site)
    assert run_timeline("build", cwd=site).returncode == 0
    page = site / "public" / UNTOUCHED
    original = page.read_bytes()
    page.write_text("edited by hand", "utf-8")
    rebuilt = run_timeline("build", cwd=site)
    rendered, total = _rendered(rebuilt.stdout)
    assert rendered == total and page.read_bytes() == original


def test_a_damaged_memo_costs_a_full_render_and_nothing_else(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_site(ROOT, site)
    assert run_timeline("build", cwd=site).returncode == 0
    (site / ".timeline-cache/render-memo.json").write_text('{"key": [1, "x"', "utf-8")
    edit_site_file(site, NOTE, "прошла первая", "состоялась первая")
    rebuilt = run_timeline("build", cwd=site)
    assert rebuilt.returncode == 0, rebuilt.stderr
    rendered, total = _rendered(rebuilt.stdout)
    assert rendered == total
