"""Site search: a Pagefind index built from the rendered pages, in memory, served from `pagefind/`.

Pagefind (https://pagefind.app) indexes HTML and ships a small search UI that runs in the
reader's browser, fetching only the index chunks a query needs: no server and no network beyond
the site itself. It splits the index by `<html lang>`, so the Russian search page searches the
Russian pages and the Kazakh one the Kazakh pages. Where a page marks its main text with
`data-pagefind-body` (base.html does, on `<main>` of every indexed page), only that text is
indexed: headers, navigation and footers stay out of the results.

The PyPI package `pagefind[bin]` brings the indexer binary (`pagefind_bin`). We drive it through
its service protocol, the one the package's `PagefindIndex` speaks (base64 JSON messages
separated by commas on stdin and stdout: NewIndex, AddFile, GetFiles), with a small synchronous
client of our own. The package's asyncio client (pagefind 1.5.2) waits 0.1 s before reading each
reply, one reply per page (the 136 pages of the example site took 16 s against 0.2 s here), and
reads replies with a 2 MiB limit that the index of a few hundred pages exceeds, after which it
waits for ever. Pages go in from memory and the bundle
comes back in memory: nothing is written to disk, so a failed index leaves no half-written output.

Pagefind keeps a separate index per language, in files named by the language and a content hash,
so each language is indexed by an indexer of its own, all at once, and the bundles are joined: the
result is byte for byte the bundle one indexer makes of all the pages, in a fraction of the time.
"""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import subprocess
import threading
from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NoReturn

from ..config import SiteConfig
from ..errors import ContentError
from .plan import page_path

BUNDLE = "pagefind"  # the folder of public/ the index and the UI are served from
INSTALL = "install it into the generator's environment: .venv/bin/pip install 'pagefind[bin]'"
# What the bundle holds but the default UI never loads: the other UIs and result highlighting.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
)
NOT_INDEXED = (("404",), ("search",))  # PlannedPage.indexed says the same of planned pages
ENTRY = "pagefind-entry.json"  # the bundle's table of languages
REPLY_TIMEOUT = 120.0  # seconds for one reply; indexing a page takes about a millisecond


def search_index(
    files: Mapping[str, bytes], config: SiteConfig, indexed: Collection[str] | None = None
) -> dict[str, bytes]:
    """The Pagefind bundle for the rendered site: `pagefind/…` path → bytes.

    `indexed` names the pages to index (paths relative to public/, e.g. `{p.path for p in pages
    if p.indexed}`); by default, every `.html` page in a language folder but the 404 and search
    pages. The root `index.html` (a redirect) and `404.html` are never indexed.
    """
    pages = sorted(_indexed_paths(files, config) if indexed is None else set(indexed))
    executable = _executable()
    by_language: dict[str, list[str]] = {}
    for path in pages:
        by_language.setdefault(path.split("/", 1)[0], []).append(path)
    # Pagefind keeps one index per language, each in files named by its language and content
    # hash: one indexer per language runs at once, and their bundles are put together.
    with ThreadPoolExecutor(max(1, len(by_language))) as pool:
        bundles = list(pool.map(lambda group: _index_pages(executable, files, group), by_language.values()))
    return _joined(bundles)


def _index_pages(executable: Path, files: Mapping[str, bytes], pages: list[str]) -> dict[str, bytes]:
    with _Service(executable) as service:
        index = service.request({"type": "NewIndex", "config": None}, "starting the index")["index_id"]
        # All pages are sent before any reply is awaited: the indexer works on them as they come.
        sent = {
            service.send(
                {
                    "type": "AddFile",
                    "index_id": index,
                    "url": "/" + path,
                    "file_path": path,
                    "file_contents": files[path].decode("utf-8"),
                },
                f"indexing {path}",
            ): path
            for path in pages
        }
        service.collect(sent, "indexing {}")
        reply = service.request({"type": "GetFiles", "index_id": index}, "writing the index")
    bundle = {}
    for item in reply["files"]:
        name = item["path"].replace("\\", "/")
        if name not in UNUSED:
            bundle[name] = base64.b64decode(item["content"])
    return bundle


def _joined(bundles: list[dict[str, bytes]]) -> dict[str, bytes]:
    """One bundle of the per-language ones: their files side by side, one entry listing every
    language (sorted: Pagefind lists them in hash-map order, which changes from run to run)."""
    joined: dict[str, bytes] = {}
    entry: dict = {}
    for bundle in bundles:
        for name, content in bundle.items():
            if name == ENTRY:
                part = json.loads(content)
                entry = {
                    **part,
                    **entry,
                    "languages": {**entry.get("languages", {}), **part.get("languages", {})},
                }
            else:
                joined.setdefault(name, content)
    if entry:
        entry["languages"] = dict(sorted(entry["languages"].items()))
        joined[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return {f"{BUNDLE}/{name}": joined[name] for name in sorted(joined)}


def _indexed_paths(files: Mapping[str, bytes], config: SiteConfig) -> list[str]:
    excluded = {page_path(key, lang) for key in NOT_INDEXED for lang in config.languages}
    folders = tuple(f"{lang}/" for lang in config.languages)
    return [
        path for path in files if path.endswith(".html") and path.startswith(folders) and path not in excluded
    ]


def _executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise ContentError(
            BUNDLE, None, "site search needs Pagefind, and the pagefind package is not installed", INSTALL
        ) from None
    executable = get_executable()
    if executable is None or not executable.is_file():
        raise ContentError(
            BUNDLE,
            None,
            "site search needs the Pagefind indexer, and its binary was not found",
            INSTALL + " (the [bin] extra brings the binary), or set PAGEFIND_BINARY_PATH",
        )
    return executable


class _Service:
    """`pagefind --service`: requests go out as they come and replies are matched by message id."""

    def __init__(self, executable: Path):
        self.executable = executable
        self.replies: queue.Queue[dict | None] = queue.Queue()
        self.errors = bytearray()
        self.message_id = 0

    def __enter__(self) -> _Service:
        try:
            self.process = subprocess.Popen(
                [str(self.executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as error:
            raise ContentError(
                self.executable, None, f"could not start the Pagefind indexer: {error}", INSTALL
            ) from None
        self.readers = [
            threading.Thread(target=self._read_replies, daemon=True),
            threading.Thread(target=self._read_errors, daemon=True),
        ]
        for reader in self.readers:
            reader.start()
        return self

    def __exit__(self, *exc_info) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()  # type: ignore[union-attr]  # the service stops at end of input
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def request(self, payload: dict, doing: str) -> dict:
        return self.collect({self.send(payload, doing): ""}, doing)[0]

    def send(self, payload: dict, doing: str) -> int:
        self.message_id += 1
        message = json.dumps({"message_id": self.message_id, "payload": payload}, ensure_ascii=False)
        try:
            self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")  # type: ignore[union-attr]
            self.process.stdin.flush()  # type: ignore[union-attr]
        except OSError:
            self._fail(doing, "the indexer stopped")
        return self.message_id

    def collect(self, sent: Mapping[int, str], doing: str) -> list[dict]:
        """The replies to the messages `sent` (id → what it was about, put into `doing`), in any order."""
        answers: list[dict] = []
        waiting = dict(sent)
        while waiting:
            try:
                reply = self.replies.get(timeout=REPLY_TIMEOUT)
            except queue.Empty:
                self.process.kill()
                self._fail(doing.format(""), f"the indexer did not answer within {REPLY_TIMEOUT:.0f} s")
            if reply is None:
                self._fail(doing.format(""), f"the indexer stopped (exit status {self.process.wait()})")
            about = waiting.pop(reply.get("message_id"), None)
            answer = reply.get("payload") or {}
            if answer.get("type") == "Error":
                self._fail(doing.format(about or ""), f"the indexer refused: {answer.get('message')}")
            if about is None:
                self._fail(doing.format(""), f"the indexer answered a message never sent: {str(reply)[:200]}")
            answers.append(answer)
        return answers

    def _fail(self, doing: str, what: str) -> NoReturn:
        self.process.kill()
        self.process.wait()
        for reader in self.readers:
            reader.join(timeout=5)  # what the indexer said before it stopped
        detail = self.errors.decode("utf-8", "replace").strip()
        message = f"site search failed while {doing}: {what}" + (f"\n  {detail[-2000:]}" if detail else "")
        fix = "check that pagefind[bin] is installed and matches this machine; " + INSTALL
        raise ContentError(BUNDLE, None, message, fix)

    def _read_replies(self) -> None:
        """Replies are base64 (no commas) each followed by a comma; the index itself is one reply."""
        parts: list[bytes] = []
        while chunk := self.process.stdout.read1(1 << 20):  # type: ignore[union-attr]
            *ends, rest = chunk.split(b",")
            for end in ends:
                message = b"".join([*parts, end])
                parts = []
                try:
                    self.replies.put(json.loads(base64.b64decode(message)))
                except ValueError:
                    text = message[:200].decode("utf-8", "replace")
                    self.replies.put({"payload": {"type": "Error", "message": f"unreadable reply {text!r}"}})
            if rest:
                parts.append(rest)
        self.replies.put(None)

    def _read_errors(self) -> None:
        while chunk := self.process.stderr.read1(1 << 16):  # type: ignore[union-attr]
            self.errors += chunk
            del self.errors[:-65536]
