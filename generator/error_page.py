"""The page `timeline serve` shows in place of every page while the build is broken: each error
with its file, line and fix, and the line itself, in the site's default language.

The errors' own words are English, as in the console; the page around them speaks the site's
default language, through the same interface catalogs as the site (generator/theme).
"""

from __future__ import annotations

import html
from pathlib import Path

from .config import load_config
from .errors import ContentError, ContentErrors
from .render.catalogs import load_translations

FALLBACK_LANGUAGE = "en"  # when site.toml itself is what is broken


def error_page(root: Path, output: Path, errors: list[ContentError], crash: str = "") -> bytes:
    language, translations = _interface(root)
    gettext, ngettext = translations.gettext, translations.ngettext
    items = [_item(root, error, gettext("Fix:")) for error in errors]
    if crash:
        internal = html.escape(gettext("Internal error"))
        items.append(f"<li><p class=message>{internal}</p><pre>{html.escape(crash)}</pre></li>")
    count = len(items)
    heading = ngettext(
        "The site did not build: %(num)d error", "The site did not build: %(num)d errors", count
    )
    explanation = gettext(
        "The preview shows this page until the errors are fixed; save the fix and the site comes "
        "back by itself. The last good build is still in %(folder)s."
    )
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading % {"num": count})}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
  color: #1a1a1a; background: #fff; }}
h1 {{ color: #a30000; font-size: 1.5rem; }}
li {{ margin-bottom: 1.5rem; }}
.where {{ font-family: ui-monospace, monospace; font-weight: bold; margin: 0; }}
.message {{ margin: .25rem 0; }}
.fix {{ margin: .25rem 0; color: #1f4d1f; }}
pre {{ background: #f3f3f3; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }}
</style>
</head>
<body>
<main>
<h1>{html.escape(heading % {"num": count})}</h1>
<p>{html.escape(explanation % {"folder": output.name + "/"})}</p>
<ol>
{"".join(items)}
</ol>
</main>
</body>
</html>
""".encode()


def _interface(root: Path):
    try:
        config = load_config(root)
        return config.default_language, load_translations(config.templates_dir, config.default_language)
    except (ContentError, ContentErrors):
        return FALLBACK_LANGUAGE, load_translations(root / "templates", FALLBACK_LANGUAGE)


def _item(root: Path, error: ContentError, fix_label: str) -> str:
    where = _site_relative(root, error.path)
    location = f"{where}, line {error.line}" if error.line else where
    quoted = _quoted_line(error.path, error.line)
    return (
        "<li><p class=where>"
        + html.escape(location)
        + "</p><p class=message>"
        + html.escape(error.message)
        + "</p>"
        + (f"<pre>{html.escape(quoted)}</pre>" if quoted else "")
        + (f"<p class=fix>{html.escape(fix_label)} {html.escape(error.fix)}</p>" if error.fix else "")
        + "</li>"
    )


def _site_relative(root: Path, path: Path | str) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return str(path)


def _quoted_line(path: Path | str, line: int | None) -> str:
    if not line:
        return ""
    try:
        lines = Path(path).read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return f"{line} | {lines[line - 1]}" if 0 < line <= len(lines) else ""
