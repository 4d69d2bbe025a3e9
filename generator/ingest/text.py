"""Bytes → text, and which language the text is in.

Editors paste articles from anywhere: UTF-8 with or without a BOM is the norm, but a file saved by
an old Windows editor arrives in cp1251. Such a file is read when it is unmistakably Russian in
cp1251, and refused otherwise, because guessing wrong would put mojibake on the published site.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import ContentError

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Return the text (BOM removed) and the encoding it was read with."""
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[len(codecs.BOM_UTF8) :], True
    else:
        bom = False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        cp1251 = data.decode("cp1251", errors="replace")
        if _looks_like_russian(cp1251):
            return cp1251, "cp1251"
        raise ContentError(
            path,
            line,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}) and not Russian text in cp1251 either",
            "re-save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)",
        ) from None


def _looks_like_russian(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if "\ufffd" in text or not letters:
        return False
    cyrillic = sum(ch in _RUSSIAN_LETTERS for ch in letters)
    latin = sum(ch.isascii() for ch in letters)
    # In mis-decoded UTF-8 or another code page, letters like Ђ, ѓ, Љ, ў show up; real Russian has none.
    return cyrillic > 0 and (cyrillic + latin) / len(letters) >= 0.98


def detect_language(text: str) -> str:
    """ru, kk or en: Kazakh is Cyrillic with letters Russian never uses."""
    kazakh = cyrillic = latin = 0
    for ch in text:
        if ch in KAZAKH_LETTERS:
            kazakh += 1
            cyrillic += 1
        elif ch in _RUSSIAN_LETTERS:
            cyrillic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if cyrillic == 0 and latin == 0:
        return "ru"
    if cyrillic >= latin:
        # Kazakh prose has about one such letter in twelve; a stray name in Russian text does not.
        return "kk" if kazakh >= max(2, cyrillic * 0.01) else "ru"
    return "en"


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
