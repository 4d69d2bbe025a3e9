"""Interface text per language: gettext catalogs in `templates/locale/<lang>.po`, the site's own
or the built-in theme's (generator/theme).

The `.po` files are what translators edit; they are compiled in memory at build time, so no
compiled `.mo` file can drift out of date in the repository. Plural rules come from CLDR through
Babel («1 источник», «2 источника», «5 источников»).
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from ..errors import ContentError
from ..site_files import read_site_text
from ..theme import catalog_path

SOURCE_LANGUAGE = "en"  # msgids are English, so English needs no catalog


def load_translations(site_templates: Path, language: str) -> NullTranslations:
    """The catalog of `language`: the site's `templates/locale/` first, then the theme's."""
    path = catalog_path(site_templates, language)
    if not path.is_file():
        if language == SOURCE_LANGUAGE:
            return NullTranslations()
        own = site_templates / path.parent.name / path.name
        raise ContentError(
            own,
            None,
            f"no interface catalog for {language!r}",
            f"copy {catalog_path(site_templates, 'ru')} to {own} and translate its msgstr lines",
        )
    try:
        catalog = read_po(io.StringIO(read_site_text(path)), locale=language, abort_invalid=True)
    except (PoFileError, ValueError) as error:
        raise ContentError(
            path,
            getattr(error, "lineno", None),
            f"not a valid .po catalog: {error}",
            "fix the quoted msgid/msgstr lines",
        ) from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)
