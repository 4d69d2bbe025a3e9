"""Bytes → text, and which language the text is in.

Editors paste articles from anywhere: UTF-8 with or without a BOM is the norm, but a file saved by
an old Windows editor arrives in cp1251. Such a file is read when it is unmistakably Russian in
cp1251, and refused otherwise, because guessing wrong would put mojibake on the published site.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ContentError, toml_error_line
from ..site_files import read_site_bytes

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Return the text (BOM removed) and the encoding it was read with."""
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[len(codecs.BOM_UTF8) :], True
    else:
        bom = False
    # UTF-32's little-endian mark begins with UTF-16's, so it is looked for first.
    for mark, encoding in _MARKS:
        if data.startswith(mark):
            return _wide(path, data, encoding), encoding
    if b"\x00" in data:
        return _without_mark(path, data)
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
            _RESAVE,
        ) from None


_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide(path: Path, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ContentError(
            path, None, f"starts with a {encoding} byte-order mark but is not {encoding} text", _RESAVE
        ) from None
    if "\x00" in text:
        raise _binary(path, data)
    return text


def _without_mark(path: Path, data: bytes) -> tuple[str, str]:
    """Text holding NUL bytes: UTF-16 or UTF-32 saved without a byte-order mark, told by where the
    zero bytes fall (an ASCII or Cyrillic letter has one or three of them), or else not text."""
    for encoding, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and "\x00" not in text and _readable(text):
            return text, encoding
    raise _binary(path, data)


def _readable(text: str) -> bool:
    """Most characters are letters, digits, spaces or punctuation: a wrong guess of encoding gives
    CJK soup or unassigned code points instead."""
    plain = sum(1 for ch in text if ord(ch) < 0x0530 or "\u2000" <= ch <= "\u206f")  # Latin, Cyrillic, dashes
    return plain >= 0.95 * len(text)


def _binary(path: Path, data: bytes) -> ContentError:
    line = data[: data.index(b"\x00")].count(b"\n") + 1 if b"\x00" in data else None
    return ContentError(
        path,
        line,
        "holds NUL bytes: this is not a text file (a picture, a document, or text in an unknown encoding)",
        "save the article as plain text in UTF-8",
    )


_RESAVE = "re-save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)"


def _looks_like_russian(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if "\ufffd" in text or not letters:
        return False
    cyrillic = sum(ch in _RUSSIAN_LETTERS for ch in letters)
    latin = sum(ch.isascii() for ch in letters)
    # Another code page read as cp1251 shows letters real Russian never has (Ђ, ѓ, Љ, ў), or, for
    # Latin-1, single Cyrillic letters inside Latin words («visitй l'йcole»).
    words = _WORD.findall(text)
    mixed = sum(1 for word in words if _has_latin(word) and any(ch in _RUSSIAN_LETTERS for ch in word))
    russian_words = sum(1 for word in words if len(word) > 1 and all(ch in _RUSSIAN_LETTERS for ch in word))
    return (
        cyrillic > 0
        and (cyrillic + latin) / len(letters) >= 0.98
        and russian_words >= 3
        and mixed <= 0.05 * russian_words
    )


def _has_latin(word: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in word)


_KAZAKH_LATIN_SHARE = 0.05  # Kazakh writes one every few words; English, in lower case, none


@cache
def _kazakh_latin_marks() -> frozenset[str]:
    data = tomllib.loads(resources.files("generator").joinpath("data", "alphabets.toml").read_text("utf-8"))
    return frozenset(data["kk_latin_marks"])


def _kazakh_latin_share(text: str) -> float:
    """The share of Latin words holding a letter of the Kazakh Latin alphabet English lacks;
    a «q» counts only when no «u» follows (English «quarter»). Only words in lower case count:
    English names Kazakh places («Qostanai»), it does not write Kazakh words («ötti»)."""
    marks = _kazakh_latin_marks()
    latin = [w for w in _WORD.findall(text) if _has_latin(w)]
    marked = sum(
        1
        for w in latin
        if w[0].islower()
        if any(ch in marks and not (ch in "qQ" and w[i + 1 : i + 2] in ("u", "U")) for i, ch in enumerate(w))
    )
    return marked / len(latin) if latin else 0.0


def detect_language(text: str) -> str:
    """ru, kk or en: Kazakh is Cyrillic with letters Russian never uses.

    Russian text names Kazakh people and places («Қасым-Жомарт Тоқаев»), so Kazakh letters in
    capitalised words prove little; Kazakh letters in ordinary lowercase words prove a lot.
    """
    cyrillic_words = latin_words = kazakh_common = kazakh_names = 0
    for word in _WORD.findall(text):
        if any(ch in KAZAKH_LETTERS or ch in _RUSSIAN_LETTERS for ch in word):
            cyrillic_words += 1
            if any(ch in KAZAKH_LETTERS for ch in word):
                if word[0].islower():
                    kazakh_common += 1
                else:
                    kazakh_names += 1
        elif _has_latin(word):
            latin_words += 1
    if cyrillic_words == 0 or latin_words > cyrillic_words:
        if not latin_words:
            return "ru"
        return "kk" if _kazakh_latin_share(text) >= _KAZAKH_LATIN_SHARE else "en"
    if kazakh_common and kazakh_common >= 0.02 * cyrillic_words:
        return "kk"
    # Only capitalised words (a headline in title case, a list of names): go by their share.
    only_names = all(w[0].isupper() for w in _WORD.findall(text) if not _has_latin(w))
    return "kk" if only_names and kazakh_names * 2 >= cyrillic_words else "ru"


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_toml(path: Path) -> tuple[str, dict]:
    """A TOML file's decoded text (for line numbers) and its data; bad syntax names the line."""
    text, _encoding = decode(path, read_site_bytes(path))
    return text, parse_toml(path, text)


def parse_toml(path: Path, text: str, first_line: int = 1) -> dict:
    """TOML read with its faults named by line, including nesting too deep for the parser (tomllib
    recurses once per level: 5 000 levels exhaust Python's stack)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = toml_error_line(error)
        raise ContentError(
            path, line + first_line - 1 if line else None, f"not valid TOML: {error}", "fix the syntax"
        ) from None
    except RecursionError:
        raise ContentError(
            path, first_line, "values are nested too deeply to read", "write flat tables and short lists"
        ) from None


def key_line(text: str, key: str, after: int | None = None) -> int | None:
    """The line of `key = …`, the first after line `after` (a table's header) if it is given."""
    pattern = re.compile(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", re.MULTILINE)
    start = 0
    if after:
        start = sum(len(line) for line in text.splitlines(keepends=True)[:after])
    match = pattern.search(text, start)
    return line_of(text, match.start()) if match else after


def table_lines(text: str) -> dict[str, int]:
    """The line of each `[table]` header («[talks]», «["Central Asia"]»), by table name."""
    return {
        m.group(1): line_of(text, m.start())
        for m in re.finditer(r'^\[\s*"?([^"\]]+?)"?\s*\]', text, re.MULTILINE)
    }
