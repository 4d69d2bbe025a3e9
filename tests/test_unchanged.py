"""A build with nothing changed stops at once and leaves the output as the last build wrote it."""

from __future__ import annotations

import filecmp
from pathlib import Path

from sites import copy_site, edit_site_file, run_timeline

from generator.unchanged import LastBuild

ROOT = Path(__file__).resolve().parent.parent
NOTE = "content/notes/2026-02-04-critical-minerals-ministerial.md"
UNCHANGED = "nothing changed since"


def _listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _same_tree(left: Path, right: Path) -> bool:
    left_files = sorted(str(p.relative_to(left)) for p in left.rglob("*") if p.is_file())
    right_files = sorted(str(p.relative_to(right)) for p in right.rglob("*") if p.is_file())
    if left_files != right_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, left_files, shallow=False)
    return not mismatch and not errors


def test_a_second_build_of_the_same_site_writes_nothing_and_says_so(tmp_path: Path) -> None:
    copy_site(ROOT, tmp_path)
    first = run_timeline("build", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = _listing(tmp_path / "public")
    second = run_timeline("build", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert UNCHANGED in second.stdout
    assert second.stderr == first.stderr  # the warnings of the content are said again
    assert _listing(tmp_path / "public") == before


def test_an_edit_builds_again_and_gives_what_a_fresh_build_gives(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_site(ROOT, site)
    assert run_timeline("build", cwd=site).returncode == 0
    edit_site_file(site, NOTE, "прошла первая", "состоялась первая")
    rebuilt = run_timeline("build", cwd=site)
    assert rebuilt.returncode == 0 and UNCHANGED not in rebuilt.stdout
    fresh = run_timeline("build", "--output", str(tmp_path / "fresh"), cwd=site)
    assert fresh.returncode == 0 and UNCHANGED not in fresh.stdout  # another output folder: built
    assert "состоялась первая" in (site / "public/ru/index.html").read_text("utf-8")
    assert _same_tree(site / "public", tmp_path / "fresh")


def test_a_touched_or_deleted_output_file_is_built_again(tmp_path: Path) -> None:
    copy_site(ROOT, tmp_path)
    assert run_timeline("build", cwd=tmp_path).returncode == 0
    page = tmp_path / "public/ru/index.html"
    original = page.read_bytes()
    page.write_text("edited by hand", "utf-8")
    assert UNCHANGED not in run_timeline("build", cwd=tmp_path).stdout
    assert page.read_bytes() == original
    page.unlink()
    assert UNCHANGED not in run_timeline("build", cwd=tmp_path).stdout
    assert page.read_bytes() == original


def test_a_broken_edit_then_undone_keeps_the_output_and_needs_no_build(tmp_path: Path) -> None:
    copy_site(ROOT, tmp_path)
    assert run_timeline("build", cwd=tmp_path).returncode == 0
    note = tmp_path / NOTE
    original = note.read_text("utf-8")
    note.write_text(original.replace("date: 2026-02-04", "date: 2026-02-40", 1), "utf-8")
    broken = run_timeline("build", cwd=tmp_path)
    assert broken.returncode == 1 and "output folder was not changed" in broken.stderr
    note.write_text(original, "utf-8")
    assert UNCHANGED in run_timeline("build", cwd=tmp_path).stdout


def test_the_generator_and_the_site_files_are_all_part_of_the_inputs(tmp_path: Path) -> None:
    copy_site(ROOT, tmp_path)
    output = tmp_path / "public"
    first = LastBuild.now(tmp_path, output).inputs
    assert LastBuild.now(tmp_path, output).inputs == first
    assert LastBuild.now(tmp_path, tmp_path / "elsewhere").inputs != first
    assert LastBuild.now(tmp_path, output, base_url="https://example.com/").inputs != first
    for relative in ("site.toml", "content/actors.toml", "templates/footer.html", "assets/favicon.svg"):
        path = tmp_path / relative
        saved = path.read_bytes()
        path.write_bytes(saved + b"\n")
        assert LastBuild.now(tmp_path, output).inputs != first, relative
        path.write_bytes(saved)
    (tmp_path / "content/notes/new.md").write_text("+++\n+++\n", "utf-8")
    assert LastBuild.now(tmp_path, output).inputs != first
