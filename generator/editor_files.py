"""Files editors leave beside the ones they edit: never content, never a reason to rebuild."""

from __future__ import annotations

# Swap files, backups, lock files, partial downloads, and the probe file vim writes to test a folder.
_SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload", ".bak")


def is_editor_scratch(name: str) -> bool:
    """Hidden names (.#note.md, .note.md.swp) included: nothing the generator reads is hidden."""
    return name.startswith((".", "#")) or name.endswith(_SCRATCH_SUFFIXES) or name == "4913"
