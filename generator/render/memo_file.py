"""The render memo kept on disk, so that a later `timeline build` re-renders only what changed.

`timeline serve` keeps its memo in memory (generator/render/reuse.py); a build from the command
line keeps the same record in the cache folder: for each page, the digest of its inputs and the
versions of the entries it read, without its bytes, which are the file the build wrote. The record
holds only while the output folder is exactly as that build left it (every file's size and
modification time) and the generator is the same: otherwise it is ignored, and the build renders
everything, as a first build does.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ..site_paths import CACHE_FOLDER
from ..unchanged import generator_digest, output_listing
from .reuse import RenderedPage, RenderMemo

MEMO_NAME = "render-memo.json"
FORMAT = 1  # raised when the record's layout changes


def memo_path(root: Path) -> Path:
    return root / CACHE_FOLDER / MEMO_NAME


def load_memo(root: Path, output: Path) -> RenderMemo:
    """The last build's memo, reading page bytes from `output`, or an empty memo."""
    try:
        record = json.loads(memo_path(root).read_text("utf-8"))
        if record["key"] != _key(output):
            return RenderMemo()
        pages = {
            path: RenderedPage(inputs, {(name, key): version for name, key, version in reads}, None)
            for path, (inputs, reads) in record["pages"].items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return RenderMemo()  # absent, damaged or of another layout: render everything
    memo = RenderMemo(pages=pages, folder=output.resolve())
    if record.get("search") is not None:
        search_digest, paths = record["search"]
        try:
            memo.search = (search_digest, {path: (output / path).read_bytes() for path in paths})
        except OSError:
            memo.search = None
    return memo


def save_memo(root: Path, output: Path, memo: RenderMemo) -> str:
    """Kept after a successful build; a cache folder that cannot be written only costs time.
    Returns the listing of the output folder it was kept for (unchanged.output_listing)."""
    pages = {
        path: [page.inputs, [[name, key, version] for (name, key), version in sorted(page.reads.items())]]
        for path, page in memo.pages.items()
        if all(isinstance(key, str) for _, key in page.reads)  # any other key: rendered again next time
    }
    key = _key(output)
    record = {
        "key": key,
        "pages": pages,
        "search": [memo.search[0], sorted(memo.search[1])] if memo.search is not None else None,
    }
    path = memo_path(root)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        staging.write_text(json.dumps(record, ensure_ascii=False, separators=(",", ":")), "utf-8")
        os.replace(staging, path)
    return key[-1]


def _key(output: Path) -> list:
    return [FORMAT, generator_digest(), str(output.resolve()), output_listing(output)]
