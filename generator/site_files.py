"""The one way the generator reads and lists an editor's files.

A site folder can hold anything an editor's machine can: a file they cannot read, a link to
`/etc/passwd`, a pipe, a 50 MB paste. Every such file is refused here with its name and a fix,
so no stage crashes on it, hangs on it, or publishes what lies outside the site.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import cache
from pathlib import Path

from .errors import ContentError

# No news article or note comes near this: the longest in the seeds is 12 KB. Past it, a file is
# a paste gone wrong or a data dump, and extraction (linear, ~1 MB/s) would keep a build busy.
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_MEDIA_BYTES = 64 * 1024 * 1024  # a picture or a font in assets/ or beside a note
MAX_NAME_BYTES = 200  # a file name the output keeps must fit a file system's 255, with a suffix


def read_site_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of one file of a site, refused when it is not a readable regular file of at most
    `limit` bytes inside the site's folder."""
    target = _checked_target(path)
    try:
        info = os.stat(target)
    except OSError as error:
        raise _os_error(path, error) from None
    if not stat.S_ISREG(info.st_mode):
        raise ContentError(
            path,
            None,
            f"not a regular file ({_kind(info.st_mode)}), so it cannot be read",
            "put a file here, or remove it",
        )
    if info.st_size > limit:
        raise ContentError(
            path,
            None,
            f"the file is {_megabytes(info.st_size)}; the limit is {_megabytes(limit)}",
            "split it, or remove what is not the article's text",
        )
    try:
        with open(target, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise _os_error(path, error) from None
    if len(data) > limit:  # it grew while we read it
        raise ContentError(path, None, f"the file is over the limit of {_megabytes(limit)}", "shorten it")
    return data


def read_site_text(path: Path, limit: int = MAX_TEXT_BYTES) -> str:
    """A file the generator itself reads as UTF-8 (a template, a catalog), refused at the line of
    its first bad byte."""
    data = read_site_bytes(path, limit)
    if b"\x00" in data:
        raise ContentError(
            path,
            data[: data.index(b"\x00")].count(b"\n") + 1,
            "holds NUL bytes: this is not a text file",
            "put the UTF-8 text file back (or remove this one to use the built-in one)",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ContentError(
            path,
            data[: error.start].count(b"\n") + 1,
            f"not UTF-8 text (byte 0x{data[error.start]:02x})",
            "re-save the file as UTF-8",
        ) from None


def list_folder(folder: Path) -> list[Path]:
    """The entries of a site folder, sorted; an unreadable folder is refused by name."""
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        raise _os_error(folder, error) from None


def walk_files(folder: Path) -> list[Path]:
    """Every file under `folder` (none if it does not exist), sorted. Links to folders are not
    followed, so a link cannot loop or lead the walk outside the site; a link to a file is listed,
    and reading it decides whether it stays inside. A folder that cannot be read is refused."""
    if not is_folder(folder):
        return []

    def refuse(error: OSError) -> None:
        raise _os_error(Path(error.filename or folder), error)

    found = []
    for top, folders, files in os.walk(folder, onerror=refuse):
        folders.sort()
        found += [Path(top, name) for name in files]
        found += [Path(top, name) for name in folders if os.path.islink(os.path.join(top, name))]
    return sorted(found)


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; a path that cannot be looked at is refused, not taken as absent."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _os_error(path, error) from None


def exists(path: Path) -> bool:
    """Whether anything is at `path` (a broken link counts: reading it then says what is wrong)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _os_error(path, error) from None
    return True


def check_name_length(path: Path) -> None:
    """A file whose name becomes part of an output file name must leave room for the suffix."""
    if len(path.name.encode("utf-8")) > MAX_NAME_BYTES:
        raise ContentError(
            path,
            None,
            f"the file name is {len(path.name.encode('utf-8'))} bytes long; "
            f"the limit is {MAX_NAME_BYTES}, since pages are named after it",
            "rename it to something shorter",
        )


def _checked_target(path: Path) -> Path:
    """`path` itself, refused when a link in it loops or leads outside the site's folder."""
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        raise ContentError(
            path, None, "the file does not exist (or is a link to nothing)", "restore it or remove the link"
        ) from None
    except RuntimeError:  # Python < 3.13 reports a loop so
        raise _loop(path) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _loop(path) from None
        raise _os_error(path, error) from None
    root = _site_root(path.absolute().parent)
    if root is not None and not resolved.is_relative_to(root):
        raise ContentError(
            path,
            None,
            f"the file is a link to {resolved}, outside the site folder {root}; it is never read, "
            "so nothing outside the site can be published",
            "copy the file into the site instead of linking to it",
        )
    return resolved


@cache
def _site_root(folder: Path) -> Path | None:
    """The folder holding site.toml at or above `folder`, resolved; None outside any site."""
    for candidate in (folder, *folder.parents):
        if (candidate / "site.toml").is_file():
            return candidate.resolve()
    return None


def _loop(path: Path) -> ContentError:
    return ContentError(path, None, "the file is a link that leads back to itself", "replace it by a file")


def _os_error(path: Path, error: OSError) -> ContentError:
    if isinstance(error, PermissionError):
        return ContentError(
            path,
            None,
            "cannot be read: permission denied",
            f"let the user running timeline read it (chmod a+r '{path}'), or remove it",
        )
    reason = os.strerror(error.errno) if error.errno else str(error)
    return ContentError(path, None, f"cannot be read: {reason}", "check the file, or remove it")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
