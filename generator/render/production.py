"""A rendered site → its production form: fingerprinted assets, minified HTML, CSS and JS.

Fingerprinting lets a host serve `assets/` with a far-future cache lifetime: a changed file gets a
new name, so a reader never mixes a new page with an old style sheet. The name carries a hash of the
asset's *final* bytes, after its own references were rewritten and it was minified, so an asset that
points at another (a style sheet's url() to an icon) changes name when the icon does.

References are rewritten where the markup says a URL is, never by searching the text for names:
HTML URL attributes (honouring `<base href>`), CSS `url()` and `@import`, and href / xlink:href in
SVG and XML. Asset names that a script assembles at run time are not seen; the site's scripts build
none. The search bundle (`pagefind/`) and the data exports (`data/`) are published byte for byte:
Pagefind's index and the exports' readers depend on exactly those bytes.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urljoin, urlsplit

import minify_html
import rcssmin
import rjsmin

from ..errors import ContentError

__all__ = ["HTML_OPTIONS", "fingerprinted_path", "for_production"]

ASSETS = "assets/"
UNTOUCHED = ("pagefind/", "data/")
MEDIA_KEPT = "assets/media/"  # notes' pictures: also under their own names, for data/timelinejs
HASH_LENGTH = 10

# minify-html options. Every one is named, defaults included, so that what the pages rely on does not
# hang on a default that a release may change (0.15 defaulted to the non-compliant choices and
# named them differently: pyproject asks for 0.18 or later).
_HTML_KEPT: dict[str, bool] = {
    # End tags the spec lets a page omit (</p>, </li>, </body>) are kept: without them the structure
    # exists only after the parser's implied-end-tag rules, which simpler readers (link-preview
    # scrapers, Python's html.parser) do not apply.
    "keep_closing_tags": True,
    # <html lang> keeps its tag anyway (only attribute-less ones are dropped); <head> is kept so
    # that readers which look for meta tags inside it (link previews) find them. A few bytes a page.
    "keep_html_and_head_opening_tags": True,
    # Inline CSS and JS (style attributes, a future <style> or <script>) are minified like the
    # files. JSON-LD is data, not JavaScript: minify-html leaves its text as it is.
    "minify_css": True,
    "minify_js": True,
    # Comments go: none of ours is needed in a published page.
    "keep_comments": False,
}
# Spec compliance, so that the Nu Html Checker accepts the pages: attribute values left unquoted
# only where the spec allows it, a space between attributes, entities written as the spec requires,
# and `<!doctype html>` rather than the invalid `<!doctypehtml>`.
_HTML_COMPLIANT: dict[str, bool] = {
    "allow_noncompliant_unquoted_attribute_values": False,
    "allow_removing_spaces_between_attributes": False,
    "allow_optimal_entities": False,
    "minify_doctype": False,
}
HTML_OPTIONS = {**_HTML_KEPT, **_HTML_COMPLIANT}

# A reference as written in a file → its new form, or None to leave it as it is.
Rewrite = Callable[[str], str | None]
# A site path ("assets/style.css") → the path it is published under, or None if it keeps its name.
Lookup = Callable[[str], str | None]


def for_production(files: Mapping[str, bytes], base_url: str = "") -> dict[str, bytes]:
    """A new dict; the input is not modified.

    `base_url` must be the one the site was rendered with: absolute references under it, and the
    404 page's `<base href>`, are resolved against it.
    """
    site = _Site.at(base_url)
    published: dict[str, str] = {}  # asset path → fingerprinted path
    finished: dict[str, bytes] = {}
    for path in _assets_in_dependency_order(files, site):
        finished[path] = _finish(path, files[path], site, published.get)
        published[path] = fingerprinted_path(path, finished[path])
    result: dict[str, bytes] = {}
    for path, data in files.items():
        if path in published:
            result[published[path]] = finished[path]
            if path.startswith(MEDIA_KEPT):  # the data exports, published byte for byte, name it
                result[path] = finished[path]
        else:
            result[path] = _finish(path, data, site, published.get)
    return result


def fingerprinted_path(path: str, data: bytes) -> str:
    """`assets/style.css` → `assets/style.3fa19c0b2e.css`: the hash sits before the extension, so
    hosts still pick the content type by extension."""
    folder, name = posixpath.split(path)
    stem, dot, extension = name.rpartition(".")
    if not stem:  # no extension ("LICENSE") or a dot file (".nojekyll")
        stem, dot, extension = name, "", ""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return posixpath.join(folder, f"{stem}.{digest}{dot}{extension}")


# ---------------------------------------------------------------- what gets done to each file


def _is_asset(path: str) -> bool:
    return path.startswith(ASSETS) and not _is_untouched(path)


def _is_untouched(path: str) -> bool:
    return path.startswith(UNTOUCHED)


def _suffix(path: str) -> str:
    return posixpath.splitext(path)[1].lower()


def _finish(path: str, data: bytes, site: _Site, lookup: Lookup) -> bytes:
    """One file's production bytes: references rewritten first, so minifiers see the final names."""
    return _minified(path, _rewritten(path, data, site, lookup))


def _rewritten(path: str, data: bytes, site: _Site, lookup: Lookup) -> bytes:
    if _is_untouched(path):
        return data
    suffix = _suffix(path)
    rewrite = {".html": _rewrite_html, ".css": _rewrite_css, ".svg": _rewrite_xml, ".xml": _rewrite_xml}.get(
        suffix
    )
    if rewrite is None:
        return data
    return rewrite(_text(path, data), site.rewriter(path, lookup)).encode("utf-8")


def _minified(path: str, data: bytes) -> bytes:
    if _is_untouched(path):
        return data
    suffix = _suffix(path)
    if suffix == ".html":
        return minify_html.minify(_text(path, data), **HTML_OPTIONS).encode("utf-8")
    if suffix == ".css":
        return rcssmin.cssmin(_text(path, data)).encode("utf-8")
    if suffix in (".js", ".mjs"):
        return rjsmin.jsmin(_text(path, data)).encode("utf-8")
    return data


def _text(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            path, None, f"not UTF-8 text (byte {error.start})", "save the file as UTF-8"
        ) from None


def _assets_in_dependency_order(files: Mapping[str, bytes], site: _Site) -> list[str]:
    """Assets that others point at come first: their final names must be known before the assets
    pointing at them are rewritten and hashed. Two assets pointing at each other can have no stable
    names, so a cycle is an error."""
    graph: dict[str, list[str]] = {}
    for path in sorted(p for p in files if _is_asset(p)):
        needed: set[str] = set()

        def record(target: str, needed: set[str] = needed) -> None:
            """A lookup that renames nothing and notes which assets the file points at."""
            if _is_asset(target) and target in files:
                needed.add(target)

        _rewritten(path, files[path], site, record)
        if path in needed:
            raise ContentError(
                path,
                None,
                "the file refers to itself by name, so no hash of its content can name it",
                "remove the reference to itself",
            )
        graph[path] = sorted(needed)
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise ContentError(
            error.args[1][0],
            None,
            f"assets refer to each other in a cycle: {' → '.join(error.args[1])}",
            "break the cycle: no hash of their content can name files that name each other",
        ) from None


# ---------------------------------------------------------------- resolving a reference


_STAND_IN_ROOT = "http://site.invalid/"  # where a site without base_url is taken to live


@dataclass(frozen=True)
class _Site:
    """Where the site lives: references are resolved as a browser would, then compared to it."""

    root: str

    @classmethod
    def at(cls, base_url: str) -> _Site:
        root = base_url.strip() or _STAND_IN_ROOT
        return cls(root if root.endswith("/") else root + "/")

    def url_of(self, path: str) -> str:
        return self.root + quote(path)

    def path_of(self, url: str) -> str | None:
        """The site path a URL names, or None for a URL outside the site."""
        parts, root = urlsplit(url), urlsplit(self.root)
        if (parts.scheme.lower(), parts.netloc.lower()) != (root.scheme.lower(), root.netloc.lower()):
            return None
        if not parts.path.startswith(root.path):
            return None
        return unquote(parts.path[len(root.path) :])

    def rewriter(self, document: str, lookup: Lookup) -> _Rewriter:
        """References in `document` are resolved against its own address, until a <base> says otherwise."""
        return _Rewriter(self, self.url_of(document), lookup)


@dataclass(frozen=True)
class _Rewriter:
    """Rewrites references made from one document; `base` is the URL they are resolved against."""

    site: _Site
    base: str
    lookup: Lookup

    def with_base(self, base_href: str) -> _Rewriter:
        return _Rewriter(self.site, urljoin(self.base, base_href), self.lookup)

    def __call__(self, reference: str) -> str | None:
        """Only the file name changes, so a reference keeps its form: relative or absolute, its
        folder as written, its ?query and #fragment."""
        core = reference.strip(" \t\n\f\r")
        if not core or core.startswith("#"):  # the document itself
            return None
        target = self.site.path_of(urljoin(self.base, core))
        new_path = self.lookup(target) if target is not None else None
        if new_path is None:
            return None
        end = min((i for i in (core.find("?"), core.find("#")) if i >= 0), default=len(core))
        folder, _, old_name = core[:end].rpartition("/")
        new_name = posixpath.basename(new_path)
        if unquote(old_name) != old_name:  # written percent-encoded: stay so
            new_name = quote(new_name)
        renamed = f"{folder}/{new_name}" if "/" in core[:end] else new_name
        return reference.replace(core, renamed + core[end:], 1)


# ---------------------------------------------------------------- CSS

_CSS_TOKEN = re.compile(
    r"""
      (?P<comment>/\*.*?\*/)
    | (?P<import>@import\s*)(?P<iq>["'])(?P<ivalue>[^"'\\\n]*)(?P=iq)
    | (?P<url>url\(\s*)(?:(?P<uq>["'])(?P<qvalue>[^"'\\\n]*)(?P=uq)|(?P<uvalue>[^"'()\\\s]+))\s*\)
    | "(?:\\.|[^"\\\n])*" | '(?:\\.|[^'\\\n])*'
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


def _rewrite_css(text: str, rewrite: Rewrite) -> str:
    """url(...) in any of its three forms and @import "..."; comments and other strings are skipped
    whole, so a name inside them is never mistaken for a reference. Values with CSS escapes are left."""

    def replace(match: re.Match[str]) -> str:
        for group in ("ivalue", "qvalue", "uvalue"):
            value = match.group(group)
            if value is not None:
                new = rewrite(value)
                if new is None:
                    break
                start, end = match.span(group)
                whole = match.group(0)
                offset = match.start()
                return whole[: start - offset] + new + whole[end - offset :]
        return match.group(0)

    return _CSS_TOKEN.sub(replace, text)


# ---------------------------------------------------------------- HTML

_URL_ATTRIBUTES = frozenset(
    {"href", "src", "poster", "action", "formaction", "cite", "data", "background", "xlink:href"}
)
_SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
# <meta name|property|itemprop=...> whose content is a URL: og:image, og:url, twitter:image,
# msapplication-TileImage, msapplication-config...
_URL_META = re.compile(r"image|url|video|audio|logo|icon|config", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]+))?""")
_TAG_NAME = re.compile(r"<[^\s/>]+")


@dataclass(frozen=True)
class _StartTag:
    offset: int
    text: str
    name: str
    attributes: dict[str, str | None]  # as the parser decoded them; the first of duplicates wins


class _Markup(HTMLParser):
    """Finds every start tag and every <style> element's content, with their offsets in the text.

    Python's parser knows HTML's raw-text elements, so nothing inside a <script> or a comment is
    taken for a tag."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.tags: list[_StartTag] = []
        self.styles: list[tuple[int, int]] = []
        self._style_from: int | None = None
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)
        if tag == "style":
            self._style_from = self.tags[-1].offset + len(self.tags[-1].text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style_from is not None:
            self.styles.append((self._style_from, self._offset()))
            self._style_from = None

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        decoded: dict[str, str | None] = {}
        for name, value in attrs:
            decoded.setdefault(name, value)
        self.tags.append(_StartTag(self._offset(), self.get_starttag_text() or "", tag, decoded))


def _rewrite_html(text: str, rewrite: _Rewriter) -> str:
    markup = _Markup(text)
    # The document's base URL is the first <base href>, and it counts for URLs before it too.
    base = next(
        (t.attributes["href"] for t in markup.tags if t.name == "base" and t.attributes.get("href")), None
    )
    if base:
        rewrite = rewrite.with_base(base)
    edits: list[tuple[int, int, str]] = []
    for tag in markup.tags:
        new_text = _rewrite_start_tag(tag, rewrite)
        if new_text != tag.text:
            edits.append((tag.offset, tag.offset + len(tag.text), new_text))
    for start, end in markup.styles:
        edits.append((start, end, _rewrite_css(text[start:end], rewrite)))
    return _apply(text, edits)


def _rewrite_start_tag(tag: _StartTag, rewrite: Rewrite) -> str:
    name_end = _TAG_NAME.match(tag.text)
    if name_end is None:
        return tag.text
    pieces, last = [], 0
    for match in _ATTRIBUTE.finditer(tag.text, name_end.end()):
        if match.group("value") is None:
            continue
        value_rewrite = _attribute_rewrite(tag, match.group("name").lower(), rewrite)
        if value_rewrite is None:
            continue
        new = _rewrite_attribute_value(match.group("value"), value_rewrite)
        if new is not None:
            pieces += [tag.text[last : match.start("value")], new]
            last = match.end("value")
    return "".join(pieces) + tag.text[last:]


def _attribute_rewrite(tag: _StartTag, attribute: str, rewrite: Rewrite) -> Rewrite | None:
    """How one attribute's decoded value is rewritten, or None if it holds no reference."""
    if tag.name == "base":
        return None  # it sets where references start from; it names no file
    if attribute in _URL_ATTRIBUTES:
        return rewrite
    if attribute in _SRCSET_ATTRIBUTES:
        return lambda value: _rewrite_srcset(value, rewrite)
    if attribute == "style":
        return lambda value: _changed(value, _rewrite_css(value, rewrite))
    if tag.name == "meta" and attribute == "content":
        kind = " ".join(tag.attributes.get(k) or "" for k in ("name", "property", "itemprop"))
        return rewrite if _URL_META.search(kind) else None
    return None


def _rewrite_attribute_value(raw: str, rewrite: Rewrite) -> str | None:
    """`raw` as written (quoted or not, with character references) → its rewritten form, or None."""
    quote_mark = raw[0] if raw[0] in "\"'" else ""
    inner = raw[1:-1] if quote_mark else raw
    decoded = html.unescape(inner)
    new = rewrite(decoded)
    if new is None:
        return None
    if decoded != inner:  # it was written with references: write the new value out escaped
        new = new.replace("&", "&amp;")
    if (not quote_mark and re.search(r"[\s\"'=<>`]", new)) or not new:
        quote_mark = '"'
    if quote_mark:
        new = new.replace(quote_mark, "&quot;" if quote_mark == '"' else "&#39;")
    return f"{quote_mark}{new}{quote_mark}"


def _rewrite_srcset(value: str, rewrite: Rewrite) -> str | None:
    """Each candidate's URL (a run without spaces, trailing commas not part of it) is rewritten;
    descriptors ("2x", "640w") run to the next comma, as the HTML standard parses them."""
    pieces, position, changed = [], 0, False
    while match := _SRCSET_URL.match(value, position):
        separator, url, commas = match.groups()
        position = match.end()
        descriptor = ""
        if not commas:  # a URL ending in a comma ends its candidate: it has no descriptors
            descriptor = _SRCSET_DESCRIPTOR.match(value, position).group()  # type: ignore[union-attr]
            position += len(descriptor)
        new = rewrite(url)
        changed |= new is not None
        pieces.append(separator + (url if new is None else new) + commas + descriptor)
    return "".join(pieces) + value[position:] if changed else None


_SRCSET_URL = re.compile(r"([\s,]*)([^\s,]\S*?)(,*)(?=\s|$)")
_SRCSET_DESCRIPTOR = re.compile(r"[^,]*")


def _changed(old: str, new: str) -> str | None:
    return new if new != old else None


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    pieces, last = [], 0
    for start, end, replacement in sorted(edits):
        pieces += [text[last:start], replacement]
        last = end
    return "".join(pieces) + text[last:]


# ---------------------------------------------------------------- SVG and XML

_XML_TOKEN = re.compile(
    r"""
      <!--.*?-->
    | <!\[CDATA\[.*?\]\]>
    | <[?!].*?>
    | (?P<style><style\b[^>]*(?<!/)>)(?P<css>.*?)</style\s*>
    | (?P<tag><[^\s/>!?]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>)
    """,
    re.VERBOSE | re.DOTALL,
)
_XML_ATTRIBUTE = re.compile(r"""(?P<name>[^\s=/>]+)\s*=\s*(?P<value>"[^"]*"|'[^']*')""")


def _rewrite_xml(text: str, rewrite: Rewrite) -> str:
    """href and any prefix:href (xlink:href) on every element, style attributes and <style>
    elements as CSS; comments, CDATA and processing instructions are passed over."""

    def replace(match: re.Match[str]) -> str:
        if match.group("tag") is not None:
            return _rewrite_xml_tag(match.group("tag"), rewrite)
        if match.group("style") is not None:
            opening = _rewrite_xml_tag(match.group("style"), rewrite)
            return (
                opening
                + _rewrite_css(match.group("css"), rewrite)
                + match.group(0)[match.end("css") - match.start() :]
            )
        return match.group(0)

    return _XML_TOKEN.sub(replace, text)


def _rewrite_xml_tag(tag: str, rewrite: Rewrite) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name == "href" or name.endswith(":href"):
            value_rewrite: Rewrite = rewrite
        elif name == "style":
            value_rewrite = lambda value: _changed(value, _rewrite_css(value, rewrite))  # noqa: E731
        else:
            return match.group(0)
        new = _rewrite_attribute_value(match.group("value"), value_rewrite)
        if new is None:
            return match.group(0)
        return match.group(0)[: match.start("value") - match.start()] + new

    return _XML_ATTRIBUTE.sub(replace, tag)
