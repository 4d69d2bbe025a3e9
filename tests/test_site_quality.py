"""Site quality of the built example site: valid markup, no broken links, no external resources, and
no WCAG 2.1 A/AA violations that axe-core can see, in both languages and both colour schemes.

The checkers come from npm (tests/package.json; `bash tests/run` installs them): the Nu Html Checker
(vnu.jar, run with the system's Java) and axe-core (run in Debian's Chromium through Playwright).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import unquote

import pytest
from browsing import chromium_browser, served, watched_page
from site_crawl import crawl
from sites import copy_site

from generator.build import build_site
from generator.new_site import create_site

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "tests" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
INSTALL_HINT = "run `bash tests/run` (or `npm ci --prefix tests --ignore-scripts`)"

SITE = tomllib.loads((ROOT / "site.toml").read_text(encoding="utf-8"))
LANGUAGES = SITE.get("languages", ["ru", "kk"])
BASE_URL = SITE.get("base_url", "")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]


# ---------------------------------------------------------------- Nu Html Checker


def _vnu(*folders: Path) -> tuple[list[dict], set[Path]]:
    """Checks the folders' .html, .svg and .css files with vnu.jar: its errors, and the files it read.

    Pages and SVG go to one checker, style sheets (named one by one, with --css) to a second one
    running beside it: vnu 26.9 misreports line numbers by one for pages under --also-check-css
    and for style sheets under --skip-non-css.
    """
    java = shutil.which("java")
    assert java, f"java is not installed: {INSTALL_HINT}"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: {INSTALL_HINT}"
    # --verbose writes the name of each checked file to stdout; the JSON report goes to stderr.
    # A short run: the quick (C1) compiler alone halves the CPU time; it needs a deeper stack than 512k.
    jvm = [java, "-XX:TieredStopAtLevel=1", "-Xss4m", "-jar", str(VNU_JAR)]
    command = [*jvm, "--format", "json", "--errors-only", "--verbose"]
    commands = [[*command, "--skip-non-html", "--also-check-svg", *map(str, folders)]]
    stylesheets = sorted(str(path) for folder in folders for path in folder.rglob("*.css") if path.is_file())
    if stylesheets:
        commands.append([*command, "--css", *stylesheets])
    runs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    messages: list[dict] = []
    checked: set[Path] = set()
    for run in runs:
        try:
            stdout, stderr = run.communicate(timeout=600)
        finally:
            run.kill()  # a no-op once it has ended
        assert run.returncode in (0, 1), f"vnu failed ({run.returncode}):\n{stderr}"
        start = stderr.find('{"version"')
        assert start >= 0, f"vnu wrote no JSON report:\n{stderr}"
        messages += json.JSONDecoder().raw_decode(stderr, start)[0]["messages"]
        checked |= {Path(line.strip()).resolve() for line in stdout.splitlines() if line.strip()}
    return messages, checked


def _file_of(message: dict) -> Path:
    return Path(unquote(message.get("url", "").removeprefix("file:"))).resolve()


def _describe(message: dict, root: Path) -> str:
    where = _file_of(message)
    where = where.relative_to(root.resolve()).as_posix() if where.is_relative_to(root.resolve()) else where
    line = message.get("lastLine", message.get("firstLine", "?"))
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}: [{message['type']}] {message.get('message', '')}  «{extract}»"


def _plant_markup_errors(folder: Path) -> None:
    """A page, a style sheet and an SVG with one known error each, and a feed that must be skipped."""
    folder.mkdir()
    (folder / "page.html").write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head><title>t</title></head>\n<body>\n<p>x</p>\n'
        '<img src="a.png">\n</body>\n</html>\n',
        encoding="utf-8",
    )
    (folder / "style.css").write_text("a {\n  colr: red;\n}\n", encoding="utf-8")
    (folder / "icon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<bogus/>\n</svg>\n', encoding="utf-8"
    )
    (folder / "feed.xml").write_text("<?xml version='1.0'?><feed/>\n", encoding="utf-8")


def test_nu_html_checker_finds_no_errors(example_build, tmp_path):
    site = example_build.output.resolve()
    # Planted errors ride along in the same run, so a blind checker cannot pass unnoticed.
    planted = tmp_path / "planted"
    _plant_markup_errors(planted)
    messages, checked = _vnu(site, planted)
    expected = {p.resolve() for suffix in ("html", "css", "svg") for p in site.rglob(f"*.{suffix}")}
    assert any(p.suffix == ".html" for p in expected), "the build produced no pages"
    assert not expected - checked, f"vnu skipped: {sorted(map(str, expected - checked))}"
    errors = [_describe(m, site) for m in messages if _file_of(m).is_relative_to(site)]
    if errors:
        pytest.fail(f"{len(errors)} vnu errors:\n" + "\n".join(errors), pytrace=False)
    planted_errors = "\n".join(_describe(m, planted) for m in messages if _file_of(m).is_relative_to(planted))
    assert "page.html:6:" in planted_errors and "alt" in planted_errors, planted_errors
    assert "style.css:2:" in planted_errors and "colr" in planted_errors, planted_errors
    assert "icon.svg:2:" in planted_errors and "bogus" in planted_errors, planted_errors
    assert "feed.xml" not in planted_errors, planted_errors


# ---------------------------------------------------------------- links and external resources


@pytest.fixture(scope="module")
def crawled(example_build):
    return crawl(example_build.output, BASE_URL)


def test_internal_links_resolve(crawled):
    assert crawled.pages > 0 and crawled.references > 0
    if crawled.broken:
        pytest.fail(
            f"{len(crawled.broken)} broken internal references:\n" + "\n".join(crawled.broken), pytrace=False
        )


def test_pages_load_nothing_from_other_sites(crawled):
    # Outbound <a href> links (to original articles) are allowed; they are listed with -rP.
    for link in crawled.outbound_links:
        print("outbound link:", link)
    if crawled.external_resources:
        pytest.fail("external resources:\n" + "\n".join(crawled.external_resources), pytrace=False)


def test_link_checker_reports_planted_faults(example_build, tmp_path):
    """The crawler is not blind: faults planted in a copy of the built site are all reported."""
    site = tmp_path / "public"
    shutil.copytree(example_build.output, site)
    page = site / LANGUAGES[0] / "about.html"
    html = page.read_text(encoding="utf-8")
    planted = (
        '<a href="events/no-such-event.html">x</a><a href="index.html#no-such-id">y</a>'
        '<a href="../../outside.html">z</a><a href="/ru/index.html">r</a>'
        '<a href="https://example.com/article">ok</a><a href="mailto:a@b.c">ok</a><a href="#main">ok</a>'
        '<img alt="" src="https://cdn.example.com/x.png"><img alt="" srcset="../assets/none.png 2x">'
        '<div style="background: url(//fonts.example.com/f.woff2)"></div>'
    )
    page.write_text(
        html.replace("</main>", planted + "</main>").replace(
            "</head>", '<script src="https://cdn.example.com/x.js"></script></head>'
        ),
        encoding="utf-8",
    )
    css = site / "assets" / "style.css"
    css.write_text(
        css.read_text(encoding="utf-8")
        + '\n@import "https://fonts.example.com/css";\nb { background: url(missing.png); }\n',
        encoding="utf-8",
    )
    # Only what the planting added counts (nothing above is on a new line, so old findings keep theirs).
    before = crawl(example_build.output, BASE_URL)
    report = crawl(site, BASE_URL)
    report.broken = [b for b in report.broken if b not in before.broken]
    report.external_resources = [e for e in report.external_resources if e not in before.external_resources]
    report.outbound_links = [o for o in report.outbound_links if o not in before.outbound_links]
    broken = "\n".join(report.broken)
    for fragment in (
        "no-such-event.html'",
        "'no-such-id'",
        "outside the site",
        "root-relative",
        "none.png",
        "assets/missing.png",
    ):
        assert fragment in broken, f"{fragment!r} not reported in:\n{broken}"
    assert len(report.broken) == 6, broken
    external = "\n".join(report.external_resources)
    for fragment in ("x.png", "x.js", "f.woff2", "fonts.example.com/css"):
        assert fragment in external, f"{fragment!r} not reported in:\n{external}"
    assert len(report.external_resources) == 4, external
    assert [link.split()[-1] for link in report.outbound_links] == ["https://example.com/article"]


# ---------------------------------------------------------------- axe-core, in Chromium


def _first(paths) -> Path | None:
    return min(paths, default=None)


def _with_date_conflict(output: Path, lang: str) -> Path | None:
    conflict = re.compile(r'class="[^"]*\breported-dates\b')
    return _first(
        p for p in (output / lang / "events").glob("*.html") if conflict.search(p.read_text(encoding="utf-8"))
    )


def _one(folder: str):
    """The first page of a folder other than its index."""
    return lambda output, lang: _first(
        p for p in (output / lang / folder).glob("*.html") if p.name != "index.html"
    )


def _file(name: str):
    return lambda output, lang: _first(p for p in [output / lang / name] if p.is_file())


# Each page type: how to find one page of it in one language of the built site.
PAGE_TYPES = {
    "index": _file("index.html"),
    "event": _one("events"),
    "event-date-conflict": _with_date_conflict,
    "sources-index": _file("sources/index.html"),
    "source": _one("sources"),
    "actors-index": _file("actors/index.html"),
    "actor": _one("actors"),
    "tags-index": _file("tags/index.html"),
    "tag": _one("tags"),
    "year": _one("years"),
    "search": _file("search.html"),
    "about": _file("about.html"),
    "not-found": _file("404.html"),
}
# The example site's sources agree on every date, so the page that lists a disagreement is checked
# on the example site plus two articles that give one signing two different days.
CONFLICT_ARTICLES = Path(__file__).resolve().parent / "fixtures" / "merge" / "date_conflict"


@pytest.fixture(scope="module")
def conflict_build(tmp_path_factory):
    site = tmp_path_factory.mktemp("conflict") / "site"
    copy_site(ROOT, site)
    for article in CONFLICT_ARTICLES.iterdir():
        shutil.copy(article, site / "content" / "articles" / article.name)
    return build_site(site, site / "public")


@pytest.fixture(scope="module")
def new_build(tmp_path_factory):
    """A site as `timeline new` makes it, in three languages: the built-in theme alone."""
    site = tmp_path_factory.mktemp("new") / "site"
    create_site(site, ("ru", "kk", "en"))
    # The editor renamed the example event once: its old address redirects (templates/moved.html),
    # which the Nu checker and the link crawler check with the rest (axe cannot: it leaves at once).
    # And gave it a picture (generator/ingest/images.py), described in each language.
    (site / "content" / "notes" / "desk.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3"/></svg>\n'
    )
    alt = {"ru": "Стол редакции", "kk": "Редакция үстелі", "en": "The editors' desk"}
    for note in (site / "content" / "notes").glob("*.md"):
        lines = f"aliases: [first-day]\nimage: desk.svg\nimage_alt: {alt[note.suffixes[0][1:]]}\nkind:"
        note.write_text(note.read_text("utf-8").replace("kind:", lines, 1), "utf-8")
    return build_site(site, site / "public")


def test_a_new_site_passes_the_nu_checker_and_its_links_resolve(new_build):
    site = new_build.output.resolve()
    messages, checked = _vnu(site)
    assert any(p.suffix == ".html" for p in checked)
    errors = [_describe(m, site) for m in messages]
    assert errors == [], "\n".join(errors)
    crawled = crawl(site, "")
    assert crawled.pages > 0 and crawled.broken == [] and crawled.external_resources == []


@pytest.fixture(scope="module")
def site_servers(example_build, conflict_build, new_build):
    """The builds served, each by its own server: (output folder, address) per site."""
    with (
        served(example_build.output) as example,
        served(conflict_build.output) as conflict,
        served(new_build.output) as new,
    ):
        yield {
            "example": (example_build.output, example),
            "conflict": (conflict_build.output, conflict),
            "new": (new_build.output, new),
        }


@pytest.fixture(scope="module")
def chromium():
    with chromium_browser() as browser:
        yield browser


def _axe_violations(page) -> list[str]:
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: {INSTALL_HINT}"
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '),
                    why: [...n.any, ...n.all, ...n.none].map(c => c.message).find(Boolean) || '',
                })),
            }));
        }""",
        AXE_TAGS,
    )
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']}\n"
        + "".join(f"    {node['target']}  — {node['why'][:200]}\n" for node in v["nodes"])
        for v in violations
    ]


@pytest.mark.parametrize(
    ("page_type", "lang", "scheme"),
    [
        pytest.param(page_type, lang, scheme, id=f"{page_type}-{lang}-{scheme}")
        for page_type in PAGE_TYPES
        for lang in LANGUAGES
        for scheme in SCHEMES
    ],
)
def test_axe_finds_no_wcag_violations(site_servers, chromium, page_type, lang, scheme):
    _check_with_axe(
        site_servers["conflict" if page_type == "event-date-conflict" else "example"],
        chromium,
        page_type,
        lang,
        scheme,
    )


@pytest.mark.parametrize(
    ("page_type", "lang"),
    [
        (page_type, lang)
        for page_type in ("index", "event", "source", "about", "search")
        for lang in ("ru", "kk", "en")
    ],
)
def test_axe_finds_no_wcag_violations_on_a_new_site(site_servers, chromium, page_type, lang):
    _check_with_axe(site_servers["new"], chromium, page_type, lang, "light")


def _check_with_axe(site, chromium, page_type: str, lang: str, scheme: str) -> None:
    output, site_server = site
    path = PAGE_TYPES[page_type](output, lang)
    assert path is not None, f"the build has no {page_type} page in {lang}"
    url = f"{site_server}/{path.relative_to(output).as_posix()}"
    page, problems = watched_page(chromium, site_server)
    try:
        page.emulate_media(color_scheme=scheme)
        page.goto(url, wait_until="load")
        violations = _axe_violations(page)
    finally:
        page.close()
    failures = violations + [f"{problem}\n" for problem in problems]
    if failures:
        pytest.fail(f"{url} ({scheme} colour scheme):\n" + "".join(failures), pytrace=False)


def test_axe_reports_a_planted_violation(chromium):
    """axe is not blind: an image without alt text, and grey-on-grey text in dark mode, are reported."""
    page = chromium.new_page()
    try:
        page.emulate_media(color_scheme="dark")
        page.set_content(
            '<!DOCTYPE html><html lang="en"><head><title>t</title><style>'
            "@media (prefers-color-scheme: dark) { p { color: #777; background: #666; } }"
            '</style></head><body><main><h1>t</h1><img src="data:,"><p>low contrast</p></main></body></html>'
        )
        violations = "".join(_axe_violations(page))
    finally:
        page.close()
    assert "image-alt" in violations and "img" in violations, violations
    assert "color-contrast" in violations, violations
