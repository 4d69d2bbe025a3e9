"""What `timeline serve` redoes after one save, against a full build: time, pages rendered, files written.

A copy of the site (the example site by default) is built three ways:
- cold: no extraction cache on disk, nothing in memory (a first `timeline build`);
- warm: the extraction cache on disk, nothing in memory (a later `timeline build`);
- rebuild after an edit, with the memory `timeline serve` keeps (BuildMemory): for each kind of
  edit, the edit is made, the site rebuilt, the edit undone and the site rebuilt again, --repeat
  times; the best time of the edited builds is printed, with what that build redid.

Run:  .venv/bin/python bench/rebuild.py [--site DIR] [--repeat R]
Not a test: this machine is shared, read the figures.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator.build import BuildMemory, BuildReport, build_site

ROOT = Path(__file__).resolve().parent.parent
NOTE = "content/notes/2026-02-04-critical-minerals-ministerial.md"
ARTICLE = "content/articles/002_c61c0215de82188b.txt"


def replace_once(relative: str, old: str, new: str) -> Callable[[Path], Callable[[], None]]:
    def edit(site: Path) -> Callable[[], None]:
        path = site / relative
        original = path.read_text("utf-8")
        assert old in original, f"{old!r} not in {relative}: pass edits that fit --site"
        path.write_text(original.replace(old, new, 1), "utf-8")
        return lambda: path.write_text(original, "utf-8")

    return edit


def append(relative: str, text: str) -> Callable[[Path], Callable[[], None]]:
    def edit(site: Path) -> Callable[[], None]:
        path = site / relative
        original = path.read_text("utf-8")
        path.write_text(original + text, "utf-8")
        return lambda: path.write_text(original, "utf-8")

    return edit


EDITS = {
    "nothing changed": None,
    "note title": replace_once(NOTE, "прошла первая", "состоялась первая"),
    "article: paragraph appended": append(ARTICLE, "\nРедакция дополнила материал.\n"),
    "article: name in the lead": replace_once(ARTICLE, "Кошербаев", "Кошербаев Ермек"),
    "style sheet": append("assets/style.css", "\nh1 { letter-spacing: 0.01em; }\n"),
    "template": replace_once("templates/event.html", "</article>", "</article>\n<!-- edited -->"),
}


def describe(report: BuildReport, seconds: float) -> str:
    return (
        f"{seconds * 1000:7.0f} ms  extracted {report.extracted:2d}  "
        f"pages rendered {report.pages_rendered:4d}/{report.pages_total:<4d}  "
        f"files written {len(report.changed):4d}  removed {len(report.removed):3d}"
    )


def timed(build: Callable[[], BuildReport]) -> tuple[BuildReport, float]:
    started = time.perf_counter()
    report = build()
    return report, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, default=ROOT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        site.mkdir()
        for name in ("content", "templates", "assets"):
            if (args.site / name).is_dir():
                shutil.copytree(args.site / name, site / name)
        shutil.copy(args.site / "site.toml", site / "site.toml")

        report, seconds = timed(lambda: build_site(site, Path(scratch) / "cold"))
        print(f"{'cold build':36s}{describe(report, seconds)}")
        report, seconds = min(
            (timed(lambda: build_site(site, Path(scratch) / "warm")) for _ in range(args.repeat)),
            key=lambda run: run[1],
        )
        print(f"{'warm build (disk cache)':36s}{describe(report, seconds)}")

        memory = BuildMemory()
        build_site(site, memory=memory)
        for name, edit in EDITS.items():
            runs = []
            for _ in range(args.repeat):
                undo = edit(site) if edit else None
                runs.append(timed(lambda: build_site(site, memory=memory)))
                if undo:
                    undo()
                    build_site(site, memory=memory)
            report, seconds = min(runs, key=lambda run: run[1])
            print(f"{'rebuild: ' + name:36s}{describe(report, seconds)}")


if __name__ == "__main__":
    main()
