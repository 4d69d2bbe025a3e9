"""Interface text per language: gettext catalogs in `templates/locale/<lang>.po`.

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

SOURCE_LANGUAGE = "en"  # msgids are English, so English needs no catalog


def load_translations(locale_dir: Path, language: str) -> NullTranslations:
    path = locale_dir / f"{language}.po"
    if not path.is_file():
        if language == SOURCE_LANGUAGE:
            return NullTranslations()
        raise ContentError(
            path,
            None,
            f"no interface catalog for {language!r}",
            f"copy templates/locale/ru.po to {path.name} and translate its msgstr lines",
        )
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, abort_invalid=True)
    except PoFileError as error:
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
