"""Writing `public/` atomically: the new site is assembled beside the old one and swapped in.

A failed build therefore leaves the previous output untouched, and a reader never sees a
half-written site. The folder must be one we made (it holds a marker file): pointing `--output`
at the content folder by mistake must not delete an editor's work.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..errors import ContentError
from ..site_paths import OUTPUT_MARKER as MARKER

# The new site is assembled beside the folder and swapped in by renaming, which needs the parent.
_WRITABLE_PARENT = "use a folder whose parent folder you can write to (a mount point cannot be swapped)"


def write_site(files: dict[str, bytes], output: Path, unchanged: Iterable[str] = ()) -> None:
    """`unchanged` names files whose bytes are those of the file now in `output`: the new folder
    links to that file instead of writing it again (and writes it where linking fails)."""
    output = output.resolve()
    kept = set(unchanged)
    refuse_foreign_folder(output)
    staging = output.with_name(f".{output.name}.staging")
    retired = output.with_name(f".{output.name}.old")
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    try:
        staging.mkdir(parents=True)
    except OSError as error:
        raise ContentError(
            output, None, f"cannot write beside this folder: {error.strerror}", _WRITABLE_PARENT
        ) from None
    try:
        for relative, data in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if relative in kept:
                try:
                    os.link(output / relative, target)
                    continue
                except OSError:
                    pass
            target.write_bytes(data)
        (staging / MARKER).write_text("Built by `timeline build`; replaced on every build.\n", "utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        if output.exists():
            os.replace(output, retired)
        os.replace(staging, output)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ContentError(
            output, None, f"cannot replace this folder: {error.strerror}", _WRITABLE_PARENT
        ) from None
    shutil.rmtree(retired, ignore_errors=True)


def refuse_foreign_folder(output: Path, option: str = "--output") -> None:
    """`option` is the command-line option the fix should name (--output, --to)."""
    if output.exists() and not output.is_dir():
        raise ContentError(output, None, "the output path is a file", f"pass a folder to {option}")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ContentError(
            output,
            None,
            "this folder has files the generator did not write; refusing to replace it",
            f"choose an empty or new folder for {option} (a folder timeline wrote holds {MARKER})",
        )


def write_changes(
    files: dict[str, bytes], written: dict[str, bytes], output: Path
) -> tuple[list[str], list[str]]:
    """Brings an output folder this process last filled with `written` up to `files`, touching only
    what differs: (paths written, paths removed). Each file is replaced whole, so a reader never
    gets half a page. A folder that is no longer as we left it is rewritten in full instead."""
    output = output.resolve()
    if not holds_as_written(output, written):
        write_site(files, output)
        return sorted(files), []
    changed = sorted(path for path, data in files.items() if written.get(path) != data)
    removed = sorted(set(written) - set(files))
    try:
        # Removals first: a path that was a file may now be a folder, or the other way round.
        for path in removed:
            (output / path).unlink(missing_ok=True)
            _remove_empty_folders((output / path).parent, output)
        for path in changed:
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_bytes(files[path])
            os.replace(temporary, target)
    except OSError:
        write_site(files, output)  # whatever stood in the way, a whole new folder does not meet it
        return sorted(files), []
    return changed, removed


def holds_as_written(output: Path, written: Iterable[str]) -> bool:
    """Whether the output folder is one we made and still has every file we last wrote to it."""
    return (output / MARKER).is_file() and all((output / path).is_file() for path in written)


def _remove_empty_folders(folder: Path, output: Path) -> None:
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
