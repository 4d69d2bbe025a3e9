"""The built-in theme: the templates, interface catalogs and assets every site starts from.

A site's own `templates/` and `assets/` override it file by file, as Hugo and MkDocs themes
are overridden: `templates/event.html` in the site replaces the theme's `event.html` and every
other template still comes from here; `assets/style.css` replaces the theme's style sheet, and
`assets/logo.svg` adds a file. A site therefore needs neither folder to build.
"""

from __future__ import annotations

from pathlib import Path

from ..site_files import walk_files

THEME_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = THEME_DIR / "templates"
ASSETS_DIR = THEME_DIR / "assets"
LOCALE = "locale"  # the catalogs' folder inside templates/


def template_dirs(site_templates: Path) -> list[Path]:
    """Where Jinja looks for a template, the site's own folder first."""
    return [site_templates, TEMPLATES_DIR] if site_templates.is_dir() else [TEMPLATES_DIR]


def catalog_path(site_templates: Path, language: str) -> Path:
    """The site's `templates/locale/<lang>.po` if it has one, else the theme's (which may not
    exist: a language the theme does not translate)."""
    own = site_templates / LOCALE / f"{language}.po"
    return own if own.is_file() else TEMPLATES_DIR / LOCALE / f"{language}.po"


def asset_files(site_assets: Path) -> dict[str, Path]:
    """Every published asset by its path under `assets/`: the theme's, then the site's over them."""
    found: dict[str, Path] = {}
    for folder in (ASSETS_DIR, site_assets):
        for path in walk_files(folder):
            found[path.relative_to(folder).as_posix()] = path
    return dict(sorted(found.items()))
