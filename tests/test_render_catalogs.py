"""The interface speaks correct Russian and Kazakh: every string translated, plurals by CLDR."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator.render.catalogs import load_translations
from generator.theme import TEMPLATES_DIR

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = TEMPLATES_DIR / "locale"


def _used_messages() -> set[str]:
    """The msgids templates and code use, found the way pybabel extract finds them."""
    method_map = [("generator/theme/templates/**.html", "jinja2"), ("generator/**.py", "python")]
    options = {"generator/theme/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT, method_map, options):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_interface_string_is_translated(language):
    with (LOCALE_DIR / f"{language}.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    used = _used_messages()
    assert len(used) > 20
    missing = sorted(m for m in used if not catalog.get(m) or not all(_msgstrs(catalog.get(m))))
    assert missing == []


def _msgstrs(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.mark.parametrize(
    "count, expected",
    [
        (1, "1 источник"),
        (2, "2 источника"),
        (5, "5 источников"),
        (11, "11 источников"),
        (21, "21 источник"),
        (22, "22 источника"),
    ],
)
def test_russian_plurals(count, expected):
    translations = load_translations(TEMPLATES_DIR, "ru")
    text = translations.ngettext("%(num)d source", "%(num)d sources", count) % {"num": count}
    # A no-break space keeps the number with its noun when a line wraps.
    assert text == expected.replace(" ", "\xa0")


@pytest.mark.parametrize("count", [1, 2, 5])
def test_kazakh_noun_stays_singular_after_numerals(count):
    translations = load_translations(TEMPLATES_DIR, "kk")
    text = translations.ngettext("%(num)d source", "%(num)d sources", count) % {"num": count}
    assert text == f"{count}\xa0дереккөз"
