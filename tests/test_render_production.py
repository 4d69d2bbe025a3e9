"""The production form of the site: fingerprinted assets that every page still finds, and minified
HTML, CSS and JS that say and do what the plain build does.

The real example site is rendered once in memory; a small literal site covers what the example
does not have (a style sheet pointing at an icon, <pre>, srcset, an absolute og:image, a page three
folders deep, a <base href> in a subfolder). Pages are read back with html.parser, independently of
how the module finds references.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from test_site_quality import _describe, _file_of, _plant_markup_errors, _vnu

from generator.build import read_chronology
from generator.errors import ContentError
from generator.render import render_site
from generator.render.production import for_production

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/critical-minerals/"
FINGERPRINTED = re.compile(r"^assets/(?:.*/)?[^/]+\.([0-9a-f]{10})(?:\.[^./]+)?$")
MINIFIED = (".html", ".css", ".js")


@pytest.fixture(scope="module")
def example() -> tuple[dict[str, bytes], str]:
    """The rendered example site and the base_url it was rendered with."""
    chronology = read_chronology(ROOT)
    # The checks below resolve absolute URLs and the 404 page's <base> against this address.
    assert chronology.config.base_url == BASE, "site.toml's base_url changed: update BASE"
    return render_site(chronology.timeline, chronology.config), chronology.config.base_url


@pytest.fixture(scope="module")
def rendered(example) -> dict[str, bytes]:
    return example[0]


@pytest.fixture(scope="module")
def production(example) -> dict[str, bytes]:
    files, base_url = example
    return for_production(files, base_url)


# ---------------------------------------------------------------- reading pages back


# Inline elements: text runs through them without a break, so whitespace around them is meaningful.
PHRASING = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "button", "cite", "code", "data", "del", "dfn", "em", "i", "ins"}
    | {"kbd", "label", "mark", "output", "q", "s", "samp", "small", "span", "strong", "sub", "sup"}
    | {"time", "u", "var"}
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class Page(HTMLParser):
    """What a reader and the site's scripts get from a page: its text, where it points, its
    language and data attributes, its JSON-LD."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.references: list[tuple[str, str]] = []  # (tag, URL)
        self.languages: list[str] = []
        # per element, sorted: minify-html reorders attributes, and `data-x=""` is `data-x`
        self.data_attributes: list[tuple[tuple[str, str], ...]] = []
        self.json_ld: list[str] = []
        self.counts: dict[str, int] = {}
        self._text: list[str] = []
        self._skipping: str | None = None
        self._script: list[str] | None = None
        self.feed(text)
        self.close()

    @property
    def text(self) -> str:
        """Whitespace-normalised. Elements that are not phrasing content end a word; inline ones
        do not, so two words glued together by the minifier come out as one word here."""
        return " ".join("".join(self._text).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value:
                self.references.append((tag, value))
            elif name in ("srcset", "imagesrcset") and value:
                self.references += [(tag, c.split()[0]) for c in value.split(", ") if c.strip()]
            elif name == "content" and tag == "meta" and "image" in (values.get("property") or ""):
                self.references.append((tag, value or ""))
            elif name == "lang":
                self.languages.append(value or "")
        data = tuple(sorted((name, value or "") for name, value in attrs if name.startswith("data-")))
        if data:
            self.data_attributes.append(data)
        if tag == "script" and values.get("type") == "application/ld+json":
            self._script = []
        elif tag in ("script", "style"):
            self._skipping = tag
        if tag not in PHRASING:
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.json_ld.append("".join(self._script))
            self._script = None
        if tag == self._skipping:
            self._skipping = None
        if tag not in PHRASING and tag not in VOID:
            self._text.append(" ")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        elif self._skipping is None:
            self._text.append(data)


def page(files: dict[str, bytes], path: str) -> Page:
    return Page(files[path].decode("utf-8"))


def resolve(path: str, reference: str, base: str | None = None, base_url: str = BASE) -> str | None:
    """The site path a reference from `path` leads to, as a browser would resolve it; None if it
    leaves the site."""
    here = urljoin(base_url + path, base) if base else base_url + path
    target = urlsplit(urljoin(here, reference))
    root = urlsplit(base_url)
    if (target.scheme, target.netloc) != (root.scheme, root.netloc) or not target.path.startswith(root.path):
        return None
    return unquote(target.path[len(root.path) :])


def asset_references(files: dict[str, bytes], path: str) -> list[tuple[str, str]]:
    """(reference as written, site path) for every reference from an HTML page into assets/."""
    parsed = page(files, path)
    found = []
    for _, reference in parsed.references:
        target = resolve(path, reference, parsed.base)
        if target is not None and target.startswith("assets/"):
            found.append((reference, target))
    return found


def css_urls(text: str) -> list[str]:
    """Targets of url(...) and of @import "...", comments set aside."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    pattern = r"""url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s*(["'])([^"']+)\3"""
    return [m.group(2) or m.group(4) for m in re.finditer(pattern, text)]


def html_pages(files: dict[str, bytes]) -> list[str]:
    return sorted(p for p in files if p.endswith(".html"))


def original_names(files: dict[str, bytes]) -> list[str]:
    return sorted(PurePosixPath(p).name for p in files if p.startswith("assets/"))


# ---------------------------------------------------------------- fingerprinting the example site


def test_every_asset_is_named_by_a_hash_of_its_bytes(rendered, production):
    originals = sorted(p for p in rendered if p.startswith("assets/"))
    published = sorted(p for p in production if p.startswith("assets/"))
    assert len(originals) == len(published) == 6
    for path in published:
        match = FINGERPRINTED.match(path)
        assert match, path
        assert match.group(1) == hashlib.sha256(production[path]).hexdigest()[:10], path
    # each original is there under its own stem and extension, once
    shapes = sorted(re.sub(r"\.[0-9a-f]{10}(?=\.[^.]+$)", "", p) for p in published)
    assert shapes == originals
    assert not set(originals) & set(production)


def test_files_outside_assets_keep_their_names(rendered, production):
    assert {p for p in rendered if not p.startswith("assets/")} == {
        p for p in production if not p.startswith("assets/")
    }


def test_no_original_asset_name_is_referenced_anywhere(rendered, production):
    patterns = [re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w-])") for name in original_names(rendered)]
    for path, data in production.items():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # compressed Pagefind chunks
        for pattern in patterns:
            assert not pattern.search(text), f"{path} still names {pattern.pattern}"


def test_every_page_finds_its_assets(production):
    pages = html_pages(production)
    stylesheets = 0
    for path in pages:
        references = asset_references(production, path)
        for reference, target in references:
            assert target in production, f"{path}: {reference} → {target} is not published"
        stylesheets += any(FINGERPRINTED.match(t) and t.endswith(".css") for _, t in references)
    # all but the root index.html, a bare redirect to the default language
    assert stylesheets == len(pages) - 1, "every page loads a fingerprinted style sheet"


def test_css_url_targets_exist(production):
    for path, data in production.items():
        if path.endswith(".css") and not path.startswith("pagefind/"):
            for url in css_urls(data.decode("utf-8")):
                target = resolve(path, url)
                assert target is None or target in production, f"{path}: url({url})"


def test_the_root_404_page_resolves_through_its_base(production):
    parsed = page(production, "404.html")
    assert parsed.base == "/critical-minerals/"
    references = dict(asset_references(production, "404.html"))
    assert references, "the 404 page loads its style sheet and icon"
    for reference, target in references.items():
        assert not reference.startswith("../"), reference  # relative to the site root, as written
        assert FINGERPRINTED.match(target) and target in production, reference


def test_a_page_two_folders_deep_points_up_to_the_assets(production):
    path = next(p for p in html_pages(production) if p.startswith("ru/events/"))
    references = asset_references(production, path)
    assert references
    for reference, target in references:
        assert reference.startswith("../../assets/"), reference
        assert target in production


def test_output_is_deterministic(rendered, production):
    again = for_production(rendered, BASE)
    assert list(again) == list(production)
    assert all(again[p] == production[p] for p in production)


def test_input_is_not_modified(rendered):
    before = dict(rendered)
    for_production(rendered, BASE)
    assert rendered == before


def test_a_changed_asset_gets_a_new_name_and_the_rest_keep_theirs(rendered, production):
    changed = dict(rendered)
    changed["assets/switcher.js"] += b"\nwindow.switcherLoaded = true;\n"
    again = for_production(changed, BASE)
    before = {p for p in production if p.startswith("assets/")}
    after = {p for p in again if p.startswith("assets/")}
    assert sorted(before - after) == [next(p for p in before if p.startswith("assets/switcher."))]
    new_name = next(iter(after - before))
    assert new_name.startswith("assets/switcher.")
    assert new_name.encode() not in b"".join(production.values())
    assert new_name.removeprefix("assets/").encode() in again["ru/index.html"]


def test_search_bundle_and_data_exports_are_byte_identical(rendered, production):
    kept = [p for p in rendered if p.startswith(("pagefind/", "data/"))]
    assert any(p.startswith("pagefind/") for p in kept) and any(p.startswith("data/") for p in kept)
    for path in kept:
        assert production[path] == rendered[path], path


# ---------------------------------------------------------------- minification keeps the pages


def test_html_css_and_js_get_smaller(rendered, production):
    for suffix in MINIFIED:

        def total(files: dict[str, bytes], suffix: str = suffix) -> int:
            return sum(
                len(b) for p, b in files.items() if p.endswith(suffix) and not p.startswith("pagefind/")
            )

        assert total(production) < total(rendered), suffix


def test_every_page_shows_the_same_words(rendered, production):
    for path in html_pages(rendered):
        assert page(production, path).text == page(rendered, path).text, path


def test_lang_and_data_attributes_survive(rendered, production):
    indexed = 0
    for path in html_pages(rendered):
        before, after = page(rendered, path), page(production, path)
        assert after.languages == before.languages, path
        assert after.data_attributes == before.data_attributes, path
        indexed += any(("data-pagefind-body", "") in element for element in after.data_attributes)
    assert indexed > 50, "indexed pages keep data-pagefind-body"
    assert page(production, "kk/index.html").languages[0] == "kk"


def test_json_ld_is_the_same_data(rendered, production):
    found = 0
    for path in html_pages(rendered):
        before, after = page(rendered, path).json_ld, page(production, path).json_ld
        assert [json.loads(s) for s in after] == [json.loads(s) for s in before], path
        found += len(after)
    assert found > 10


def test_inline_svg_and_noscript_survive(rendered, production):
    for path in ("ru/index.html", "ru/search.html"):
        before, after = page(rendered, path).counts, page(production, path).counts
        for tag in ("svg", "rect", "noscript", "script", "form"):
            assert after.get(tag) == before.get(tag), (path, tag)
    assert page(production, "ru/index.html").counts.get("svg")
    assert page(production, "ru/search.html").counts.get("noscript")


def test_nu_html_checker_finds_no_errors_in_production(production, tmp_path):
    site = tmp_path / "public"
    for path, data in production.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    # A page with a known error rides along, so a checker that sees nothing cannot pass unnoticed.
    planted = tmp_path / "planted"
    _plant_markup_errors(planted)
    messages, checked = _vnu(site, planted)
    expected = {p.resolve() for suffix in ("html", "svg", "css") for p in site.rglob(f"*.{suffix}")}
    assert not expected - checked, f"vnu skipped: {sorted(map(str, expected - checked))}"
    assert any(_file_of(m) == (planted / "page.html").resolve() for m in messages), "vnu saw no planted error"
    errors = [_describe(m, site) for m in messages if _file_of(m).is_relative_to(site.resolve())]
    assert not errors, f"{len(errors)} vnu errors:\n" + "\n".join(errors)


# ---------------------------------------------------------------- a small site for the rarer cases


DEEP_PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Deep page</title>
<meta property="og:image" content="https://example.org/critical-minerals/assets/mark.svg?v=2#top">
<meta property="og:description" content="assets/mark.svg is only words here">
<link rel="stylesheet" href="../../../assets/style.css?v=1">
<link rel="icon" href="https://other.example/assets/mark.svg">
</head>
<body>
<p>Two  <em>inline</em>
   words and <a href="../../../data/events.csv">a link</a>.</p>
<img alt="icons" src="../../../assets/icons.svg#dot"
  srcset="../../../assets/icons.svg 1x, ../../../assets/mark.svg 2x">
<div style="background: url('../../../assets/mark.svg')">styled</div>
<pre>  keep
    this   spacing  </pre>
<textarea name="t">  and
  this  </textarea>
<script src="../../../assets/app.js"></script>
</body>
</html>
"""

SUBFOLDER_404 = """<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<base href="/critical-minerals/">
<title>Not found</title>
<link rel="stylesheet" href="assets/style.css">
</head>
<body><p>Missing.</p></body>
</html>
"""


def small_site() -> dict[str, bytes]:
    """mark.svg ← icons.svg ← style.css ← pages: a chain the fingerprints must follow in order."""
    return {
        "assets/mark.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><g id="m"/></svg>\n',
        "assets/icons.svg": (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            b"<!-- mark.svg in a comment is no reference -->\n"
            b'<symbol id="dot"><use xlink:href="mark.svg#m"/></symbol>\n</svg>\n'
        ),
        "assets/style.css": (
            b'@import "print.css";\n/* url(icons.svg) in a comment */\n'
            b'body {\n  background: url(icons.svg#dot) no-repeat;\n}\n.a::after { content: "icons.svg" }\n'
        ),
        "assets/print.css": b"@media print {\n  body { color: #000; }\n}\n",
        "assets/app.js": b"// a comment\nconst  answer = 42 ;\n",
        "ru/a/b/page.html": DEEP_PAGE.encode(),
        "kk/deep/404.html": SUBFOLDER_404.encode(),
        "pagefind/pagefind.js": b"  const  untouched = 1 ;  ",
        "data/events.csv": b"a,  b\r\n",
        "ru/feed.xml": (
            b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            b'<link rel="icon" href="https://example.org/critical-minerals/assets/mark.svg"/></feed>\n'
        ),
    }


def published(files: dict[str, bytes], stem: str) -> str:
    return next(p for p in files if re.fullmatch(rf"assets/{stem}\.[0-9a-f]{{10}}\.\w+", p))


def test_references_between_assets_are_rewritten_before_hashing():
    output = for_production(small_site(), BASE)
    mark, icons, style, print_css = (published(output, s) for s in ("mark", "icons", "style", "print"))
    icons_text, style_text = output[icons].decode(), output[style].decode()
    assert f'xlink:href="{PurePosixPath(mark).name}#m"' in icons_text
    assert "<!-- mark.svg in a comment" in icons_text
    assert f"url({PurePosixPath(icons).name}#dot)" in style_text
    assert f'@import "{PurePosixPath(print_css).name}"' in style_text
    assert 'content:"icons.svg"' in style_text  # a string, not a reference
    for path in (mark, icons, style, print_css):
        assert FINGERPRINTED.match(path).group(1) == hashlib.sha256(output[path]).hexdigest()[:10]
    assert len(css_urls(style_text)) == 2
    for url in css_urls(style_text):
        assert resolve(style, url) in output, url


def test_a_change_deep_in_the_chain_renames_everything_that_points_at_it():
    site = small_site()
    first = for_production(site, BASE)
    site["assets/mark.svg"] = site["assets/mark.svg"].replace(b'id="m"', b'id="m" class="x"')
    second = for_production(site, BASE)
    for stem in ("mark", "icons", "style"):
        assert published(first, stem) != published(second, stem), stem
    for stem in ("print", "app"):
        assert published(first, stem) == published(second, stem), stem


def test_a_page_three_folders_deep_keeps_the_form_of_its_references():
    output = for_production(small_site(), BASE)
    text = output["ru/a/b/page.html"].decode()
    names = {s: PurePosixPath(published(output, s)).name for s in ("mark", "icons", "style", "app")}
    assert f"../../../assets/{names['style']}?v=1" in text
    assert f"../../../assets/{names['icons']}#dot" in text
    assert f"../../../assets/{names['icons']} 1x,../../../assets/{names['mark']} 2x" in text.replace(
        ", ", ","
    )
    assert f"../../../assets/{names['app']}" in text
    assert re.search(rf"url\(['\"]?../../../assets/{re.escape(names['mark'])}['\"]?\)", text)
    for reference, target in asset_references(output, "ru/a/b/page.html"):
        assert target in output, reference


def test_absolute_references_under_base_url_stay_absolute():
    output = for_production(small_site(), BASE)
    mark = PurePosixPath(published(output, "mark")).name
    page_text = output["ru/a/b/page.html"].decode()
    assert f"https://example.org/critical-minerals/assets/{mark}?v=2#top" in page_text  # og:image
    assert "https://other.example/assets/mark.svg" in page_text  # another host's file is not ours
    assert 'content="assets/mark.svg is only words here"' in page_text  # a description, not a URL
    feed = output["ru/feed.xml"].decode()
    assert f'href="https://example.org/critical-minerals/assets/{mark}"' in feed


def test_a_base_href_in_a_subfolder_points_at_the_site_root():
    output = for_production(small_site(), BASE)
    parsed = page(output, "kk/deep/404.html")
    assert parsed.base == "/critical-minerals/"
    [(reference, target)] = asset_references(output, "kk/deep/404.html")
    assert reference == f"assets/{PurePosixPath(published(output, 'style')).name}"
    assert target in output


def test_pre_textarea_and_inline_words_keep_their_spacing():
    site = small_site()
    output = for_production(site, BASE)
    before, after = site["ru/a/b/page.html"].decode(), output["ru/a/b/page.html"].decode()
    for element in ("pre", "textarea"):
        pattern = rf"<{element}[^>]*>(.*?)</{element}>"
        assert re.search(pattern, after, re.S).group(1) == re.search(pattern, before, re.S).group(1)
    assert page(output, "ru/a/b/page.html").text == page(site, "ru/a/b/page.html").text
    assert "Two <em>inline</em> words" in after
    assert after.startswith("<!doctype html><html lang=ru><head>") and "</body></html>" in after


def test_js_and_css_are_minified_and_frozen_folders_are_not():
    site = small_site()
    output = for_production(site, BASE)
    assert output[published(output, "app")] == b"const answer=42;"
    assert output[published(output, "print")] == b"@media print{body{color:#000}}"
    assert output["pagefind/pagefind.js"] == site["pagefind/pagefind.js"]
    assert output["data/events.csv"] == site["data/events.csv"]


def test_without_base_url_relative_references_still_resolve():
    site = small_site()
    del site["kk/deep/404.html"]  # its <base> names a sub-path that only base_url can place
    output = for_production(site, "")
    for reference, target in asset_references(output, "ru/a/b/page.html"):
        if not reference.startswith("https:"):
            assert target in output, reference
    assert (
        "https://example.org/critical-minerals/assets/mark.svg?v=2#top" in output["ru/a/b/page.html"].decode()
    )


def test_assets_pointing_at_each_other_are_refused():
    site = {"assets/a.css": b'@import "b.css";', "assets/b.css": b'@import "a.css";'}
    with pytest.raises(ContentError, match="cycle"):
        for_production(site, BASE)
