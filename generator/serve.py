"""`timeline serve`: the preview an editor keeps open while writing.

It builds the site into the output folder, serves that folder on a local address, watches the
site's sources with watchdog and, after each burst of saves, rebuilds with the previous build's
memory (`BuildMemory`): only edited articles are extracted again, only pages whose inputs changed
are rendered, only files whose bytes changed are written. Open browsers are then told to reload
through the LiveReload protocol (the livereload package's WebSocket handler and its livereload.js):
a change to style sheets alone swaps them in place, anything else reloads the page.

A build that fails changes nothing on disk; while the site is broken every page request gets an
error page naming the file, the line and the fix, and the next good save brings the site back.
Serving, watching and rebuilding run on one event loop, so a request never sees a half-done build.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import posixpath
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import ioloop, web
from watchdog.events import DirModifiedEvent, FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from .build import BuildMemory, BuildReport, build_site, catch_up
from .editor_files import is_editor_scratch
from .error_page import error_page
from .errors import ContentError, ContentErrors

QUIET_SECONDS = 0.15  # a burst of saves (an editor writing several files) settles within this
IDLE_SECONDS = 1.0  # after a rebuild, the search index and exports are remade once no save came this long
WATCHED_FOLDERS = ("content", "templates", "assets")
WATCHED_FILES = ("site.toml",)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


# ---------------------------------------------------------------- what changed


def watched_change(root: Path, path: str) -> str | None:
    """The site-relative path of a change a rebuild must follow, or None for anything else."""
    try:
        # Not resolved: a watched folder may be a symbolic link to somewhere else.
        relative = Path(os.path.abspath(path)).relative_to(root)
    except ValueError:
        return None
    parts = relative.parts
    if not parts or any(is_editor_scratch(part) for part in parts):
        return None
    if parts[0] in WATCHED_FOLDERS or relative.as_posix() in WATCHED_FILES:
        return relative.as_posix()
    return None


class ChangeCollector(FileSystemEventHandler):
    """Gathers watched changes from watchdog's thread and hands them over once saving goes quiet."""

    def __init__(self, root: Path, on_quiet: Callable[[set[str]], None], quiet: float = QUIET_SECONDS):
        self._root, self._on_quiet, self._quiet = root, on_quiet, quiet
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._born: set[str] = set()  # created during this burst
        self._timer: threading.Timer | None = None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if isinstance(event, DirModifiedEvent) or event.event_type in ("opened", "closed_no_write"):
            return
        source = watched_change(self._root, _text(event.src_path))
        destination = watched_change(self._root, _text(getattr(event, "dest_path", "") or ""))
        with self._lock:
            if event.event_type == "created" and source:
                self._born.add(source)
            if event.event_type in ("moved", "deleted") and source in self._born:
                # Written and moved away (or deleted) within one burst: an editor's scratch file
                # (sed -i, atomic saves). The change is to where it went, if anywhere watched.
                self._born.discard(source)
                self._changed.discard(source)
                source = None
            found = {path for path in (source, destination) if path}
            if not found:
                return
            self._changed |= found
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self._quiet, self._hand_over)
            self._timer.daemon = True
            self._timer.start()

    def _hand_over(self) -> None:
        with self._lock:
            changed, self._changed, self._timer = self._changed, set(), None
            self._born.clear()
        if changed:
            self._on_quiet(changed)


def _text(path: str | bytes) -> str:
    return path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path


# ---------------------------------------------------------------- rebuilding


@dataclass
class PreviewState:
    """The last build's outcome: what the server shows."""

    root: Path
    output: Path
    address: str  # where the preview is served, for the console
    memory: BuildMemory = field(default_factory=BuildMemory)
    warnings: set[str] = field(default_factory=set)  # those already printed
    errors: list[ContentError] = field(default_factory=list)
    crash: str = ""  # a traceback, when the build failed for a reason that is not the content's

    @property
    def broken(self) -> bool:
        return bool(self.errors or self.crash)


def rebuild(
    state: PreviewState, changed: Iterable[str] = (), reload: Callable[[list[str]], None] | None = None
) -> list[str]:
    """Builds once and reports it on the console; returns the paths browsers should reload.

    With `reload`, the paths to reload go to it as soon as the changed pages are written, and the
    build goes on with the exports, feeds and search index; it then returns what is left to reload
    (nothing, unless the pages did not change and the whole-site outputs did).
    Never raises: whatever goes wrong is kept in `state` for the error page, so the server and
    the watcher live on to see the fix.
    """
    was_broken = state.broken
    before = set(state.memory.written or ())
    started = time.perf_counter()
    what = _list_changes(changed)
    sent: list[str] = []

    def pages_written(changed_pages: list[str], removed_pages: list[str]) -> None:
        if reload is not None and not was_broken:
            sent[:] = _reload_paths(changed_pages, removed_pages, before)
            if sent:
                reload(sent)

    try:
        report = build_site(
            state.root,
            state.output,
            memory=state.memory,
            pages_written=pages_written if reload is not None else None,
            whole_site_later=reload is not None,
        )
    except Exception as failure:
        return _keep_failure(state, failure, f"{what}build failed")
    state.errors, state.crash = [], ""
    _say(what + _summary(report, time.perf_counter() - started, "rebuilt" if changed else "built"))
    for warning in report.timeline.warnings:
        if warning not in state.warnings:
            _say(f"  warning: {warning}")
    state.warnings = set(report.timeline.warnings)
    if was_broken:
        return ["*"]
    return [] if sent else _reload_paths(report.changed, report.removed, before)


def catch_up_whole_site(state: PreviewState) -> list[str]:
    """Makes the search index, feeds and exports the last rebuild left for later; like `rebuild`,
    never raises, and returns what browsers should reload (nothing, unless it failed)."""
    if state.memory.pending is None or state.broken:
        return []
    started = time.perf_counter()
    try:
        written = catch_up(state.memory)
    except Exception as failure:
        return _keep_failure(state, failure, "the search index and exports failed")
    if written:
        _say(
            f"search index, feeds and exports caught up in {time.perf_counter() - started:.2f} s: "
            f"{len(written)} file(s) written"
        )
    return []


def _keep_failure(state: PreviewState, failure: Exception, failed: str) -> list[str]:
    """Keeps what went wrong in `state` for the error page, says it on the console, and returns
    the reload that brings the error page up."""
    if isinstance(failure, (ContentError, ContentErrors)):
        state.errors = failure.errors if isinstance(failure, ContentErrors) else [failure]
        state.crash = ""
        _say(f"{failed} ({len(state.errors)} error(s)); the browser shows them, the last good site stays")
        for error in state.errors:
            _say(f"  error: {error}")
    else:
        state.errors, state.crash = [], traceback.format_exc()
        _say(f"{failed} with an internal error; the browser shows it:\n{state.crash}")
    return ["*"]


def _reload_paths(changed: list[str], removed: list[str], before: set[str]) -> list[str]:
    """Style sheets edited, and nothing else, are swapped in place (livereload.js does it for a
    .css path); any other change, a style sheet added or removed included, reloads the page."""
    if not changed and not removed:
        return []
    if not removed and all(path.endswith(".css") and path in before for path in changed):
        return changed
    return ["*"]


def _list_changes(changed: Iterable[str]) -> str:
    names = sorted(changed)
    if not names:
        return ""
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"{shown} changed: "


def _summary(report: BuildReport, seconds: float, verb: str) -> str:
    extracted = ", ".join(report.extracted_ids) if report.extracted_ids else "none"
    return (
        f"{verb} in {seconds:.2f} s: articles extracted: {extracted}; "
        f"{report.pages_rendered} of {report.pages_total} pages rendered; "
        f"{len(report.changed)} file(s) written, {len(report.removed)} removed"
    )


def _say(line: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {line}", flush=True)


# ---------------------------------------------------------------- serving


def livereload_script(port: int) -> bytes:
    # livereload.js finds the server from its own address, and the port from ?port=.
    return f'<script src="/livereload.js?port={port}"></script>'.encode()


class PreviewHandler(web.RequestHandler):
    """Serves the output folder, with livereload.js in every page, or the error page while broken."""

    def initialize(self, state: PreviewState, script: bytes, hosts: frozenset[str] | None) -> None:
        self.state, self.script, self.hosts = state, script, hosts

    def prepare(self) -> None:
        # Served on loopback, only this machine's names may ask: a web page elsewhere cannot point
        # a name of its own at 127.0.0.1 (DNS rebinding) and read unpublished drafts.
        if self.hosts is not None and self.request.host.lower() not in self.hosts:
            self.send_error(403)

    def compute_etag(self) -> None:
        return None

    def head(self, path: str) -> None:
        self.get(path, include_body=False)

    def get(self, path: str, include_body: bool = True) -> None:
        self.set_header("Cache-Control", "no-store")
        relative = _safe_relative(path)
        if relative is None:
            return self._send(404, b"not found", "text/plain; charset=utf-8", include_body)
        target = self.state.output / relative
        if target.is_dir():
            if relative and not path.endswith("/"):
                return self.redirect("/" + relative + "/")
            target = target / "index.html"
            relative = posixpath.join(relative, "index.html") if relative else "index.html"
        is_page = relative.endswith(".html")
        if self.state.broken and (is_page or not target.is_file()):
            return self._send(
                500,
                self._inject(
                    error_page(self.state.root, self.state.output, self.state.errors, self.state.crash)
                ),
                "text/html; charset=utf-8",
                include_body,
            )
        if not target.is_file():
            missing = self.state.output / "404.html"
            body = self._inject(_at_preview_root(missing.read_bytes())) if missing.is_file() else b"not found"
            return self._send(404, body, "text/html; charset=utf-8", include_body)
        body = target.read_bytes()
        if is_page:
            body = self._inject(body)
        self._send(200, body, _content_type(relative), include_body)

    def _inject(self, page: bytes) -> bytes:
        return page.replace(b"</head>", self.script + b"</head>", 1)

    def _send(self, status: int, body: bytes, content_type: str, include_body: bool) -> None:
        self.set_status(status)
        self.set_header("Content-Type", content_type)
        self.set_header("Content-Length", str(len(body)))
        if include_body:
            self.write(body)
        self.finish()


def _at_preview_root(page: bytes) -> bytes:
    """The root 404.html carries <base href> with base_url's path (/critical-minerals/) so that it
    works at any depth on the real host; the preview serves the site at /. Without a base_url it
    has no <base> and its links are relative to the root: the preview gives it one, so a missing
    page at any depth still finds the styles and links."""
    if re.search(rb"<base\s", page):
        return re.sub(rb'<base href="[^"]*">', b'<base href="/">', page, count=1)
    return page.replace(b"<head>", b'<head>\n<base href="/">', 1)


def _safe_relative(path: str) -> str | None:
    """The request path as a path inside the output folder, or None if it tries to leave it."""
    parts = [part for part in unquote(path).split("/") if part not in ("", ".")]
    if any(part == ".." or "\\" in part or "\0" in part for part in parts):
        return None
    return "/".join(parts)


def _content_type(path: str) -> str:
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if path.endswith(".ics"):
        kind = "text/calendar"
    return f"{kind}; charset=utf-8" if kind.startswith(TEXT_TYPES) else kind


# ---------------------------------------------------------------- the command


def preview_application(state: PreviewState, host: str, port: int) -> web.Application:
    LiveReloadHandler.live_css = True
    LiveReloadHandler.watcher = _ReloadTarget()  # livereload reads `.filepath` from it when it logs
    return web.Application(
        log_function=lambda handler: None,  # the console is for rebuilds, not for each request
        handlers=[
            (r"/livereload", LiveReloadHandler),
            (r"/livereload.js", LiveReloadJSHandler),
            (
                r"/(.*)",
                PreviewHandler,
                {"state": state, "script": livereload_script(port), "hosts": _local_hosts(host, port)},
            ),
        ],
    )


def _local_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers a loopback preview answers; None (any) when it listens on the network."""
    if host not in LOOPBACK:
        return None
    return frozenset(f"{_url_host(name)}:{port}" for name in {host, "localhost", "127.0.0.1", "::1"})


class _ReloadTarget:
    filepath = None


def reload_browsers(paths: list[str]) -> None:
    for path in paths:
        LiveReloadHandler.reload_waiters(path)


def serve(root: Path, output: Path, host: str, port: int) -> int:
    """Runs until interrupted; returns the exit status."""
    state = PreviewState(root, output, f"http://{_url_host(host)}:{port}/")
    application = preview_application(state, host, port)
    try:
        application.listen(port, address=host)
    except OSError as error:
        print(
            f"error: cannot listen on {host}:{port}: {error.strerror}\n"
            f"  fix: stop the program using that port, or pass another: --port {port + 1}",
            file=sys.stderr,
        )
        return 1
    loop = ioloop.IOLoop.current()
    collector: ChangeCollector

    # Builds run one at a time on a thread of their own, so that the server answers while one runs
    # (the reload it sends brings requests at once); reloads are sent from the server's loop.
    builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="build")

    def reload_from_loop(paths: list[str]) -> None:
        loop.add_callback(reload_browsers, list(paths))

    # The whole-site outputs wait until the editor pauses: a save made meanwhile cancels the wait.
    saves = [0]
    idle: list[threading.Timer] = []

    def on_quiet(changed: set[str]) -> None:
        saves[0] += 1
        for timer in idle:
            timer.cancel()
        builder.submit(after_changes, changed)

    def after_changes(changed: set[str]) -> None:
        reload_from_loop(rebuild(state, changed, reload_from_loop))
        _watch_new_folders(observer, collector, root, watched)
        if state.memory.pending is not None:
            this_save = saves[0]
            timer = threading.Timer(IDLE_SECONDS, submit_when_idle, (this_save,))
            timer.daemon = True
            idle[:] = [timer]
            timer.start()

    def submit_when_idle(this_save: int) -> None:
        with contextlib.suppress(RuntimeError):  # the server stopped meanwhile
            builder.submit(when_idle, this_save)

    def when_idle(this_save: int) -> None:
        if this_save == saves[0]:  # no save since: nothing newer is on its way
            reload_from_loop(catch_up_whole_site(state))

    collector = ChangeCollector(root, on_quiet)
    observer, watched = _watch(root, collector)  # before the first build: edits during it count
    try:
        rebuild(state)
        _say(f"serving {state.address} (from {output}); watching {', '.join(_watched_names(root))}")
        if host not in LOOPBACK:
            _say(f"note: listening on {host}, so other machines on the network can open the preview")
        _say("press Ctrl+C to stop")
        loop.start()
    except KeyboardInterrupt:
        _say("stopped")
    finally:
        observer.stop()
        observer.join(timeout=5)
        builder.shutdown(wait=True, cancel_futures=True)
    return 0


def _watch(root: Path, collector: ChangeCollector) -> tuple[Observer, dict[str, tuple[ObservedWatch, int]]]:
    """The three folders recursively, and the site folder itself alone (for site.toml and for a
    watched folder created later): never the whole site folder, which may hold a virtualenv."""
    observer = Observer()
    observer.schedule(collector, str(root), recursive=False)
    watched: dict[str, tuple[ObservedWatch, int]] = {}
    _watch_new_folders(observer, collector, root, watched)
    observer.daemon = True
    observer.start()
    return observer, watched


def _watch_new_folders(
    observer: Observer, collector: ChangeCollector, root: Path, watched: dict[str, tuple[ObservedWatch, int]]
) -> None:
    """Schedules watched folders that exist and are not watched yet, and folders deleted and made
    again (`git stash -u`, a copy over the old one): the old watch died with the old folder."""
    for name in WATCHED_FOLDERS:
        folder = root / name
        identity = folder.stat().st_ino if folder.is_dir() else None
        if name in watched and watched[name][1] != identity:
            observer.unschedule(watched.pop(name)[0])
        if identity is not None and name not in watched:
            watched[name] = (observer.schedule(collector, str(folder), recursive=True), identity)


def _watched_names(root: Path) -> list[str]:
    return [f"{name}/" for name in WATCHED_FOLDERS if (root / name).is_dir()] + list(WATCHED_FILES)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
