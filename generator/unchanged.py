"""A build with nothing changed stops at once: what the last build read and wrote, on record.

A build's output is a pure function of the site's files (site.toml, content/, templates/,
assets/), of the generator (its code, data and theme) and of the packages it renders with. After
a successful `timeline build`, the digest of all of those is kept in the cache folder with the
listing of the output folder as written. The next build computes the digest again (before it
reads anything, so an edit made while a build runs is never taken for built) and, when both the
inputs and the output folder are as recorded, says so and stops: the output is what a new build
would write, byte for byte. Anything else, including a hand-edited or deleted output file, builds.

This module imports nothing heavy on purpose: the check is the whole of an unchanged build.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from .site_paths import CACHE_FOLDER, OUTPUT_MARKER

RECORD_NAME = "last-build.json"
SITE_INPUTS = ("site.toml", "content", "templates", "assets")
# The installed packages whose versions can change the bytes written.
RENDERING_PACKAGES = (
    "jinja2",
    "markdown-it-py",
    "babel",
    "pagefind",
    "pagefind-bin",
    "minify-html",
    "rcssmin",
    "rjsmin",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "python-dateutil",
    "pyyaml",
)
GENERATOR_DIR = Path(__file__).resolve().parent


def _files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        found += (Path(directory) / name for name in sorted(names) if not name.endswith(".pyc"))
    return found


def _add_files(digest: hashlib.blake2b, files: list[Path], base: Path) -> None:
    """Each file's path below `base` and the digest of its bytes."""
    for file in files:
        digest.update(f"{file.relative_to(base).as_posix()}\0".encode())
        digest.update(hashlib.blake2b(_bytes_or_unique(file), digest_size=16).digest())


def _bytes_or_unique(file: Path) -> bytes:
    """A file's bytes; for one this check cannot read (a pipe, a link to nothing, no permission),
    bytes no digest was ever made of, so the build runs and names the file in its error."""
    try:
        if stat.S_ISREG(os.stat(file).st_mode):
            return file.read_bytes()
    except OSError:
        pass
    return os.urandom(16)


def _package_versions() -> list[str]:
    versions = []
    for package in RENDERING_PACKAGES:
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    return versions


@cache  # the code running is the code that was loaded: once a process is enough
def generator_digest() -> str:
    """The generator's code, data and theme, the Python running it and the packages it renders with."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((sys.version, _package_versions())).encode())
    _add_files(digest, _files(GENERATOR_DIR), GENERATOR_DIR)
    return digest.hexdigest()


def input_digest(root: Path, output: Path, base_url: str | None) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((str(output), base_url, generator_digest())).encode())
    for relative in SITE_INPUTS:
        path = root / relative
        _add_files(digest, _files(path) if path.is_dir() else [path] if path.exists() else [], root)
    return digest.hexdigest()


def output_listing(output: Path) -> str:
    """Every file of the output folder with its size and modification time, as one digest."""
    digest = hashlib.blake2b(digest_size=20)
    if not (output / OUTPUT_MARKER).is_file():
        return ""
    for file in _files(output):
        info = file.stat()
        digest.update(f"{file.relative_to(output).as_posix()}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dataclass
class LastBuild:
    """The record of a site's last successful build into `output`."""

    root: Path
    output: Path
    inputs: str  # the digest of the inputs as they are now
    summary: str = ""
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def now(cls, root: Path, output: Path, base_url: str | None = None) -> LastBuild:
        return cls(root, output, input_digest(root, output, base_url))

    @property
    def path(self) -> Path:
        return self.root / CACHE_FOLDER / RECORD_NAME

    def holds(self) -> bool:
        """True when the last build read these very inputs and its output is as it left it."""
        try:
            record = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        if record.get("inputs") != self.inputs or record.get("output") != str(self.output):
            return False
        if record.get("listing") != output_listing(self.output):
            return False
        self.summary, self.warnings = record.get("summary", ""), list(record.get("warnings", []))
        return True

    def record(self, summary: str, warnings: list[str], listing: str | None = None) -> None:
        """Kept after a successful build; a folder that cannot be written only costs a full build.
        `listing`: the output folder's, if the build has just taken it."""
        record = {
            "inputs": self.inputs,
            "output": str(self.output),
            "listing": listing if listing is not None else output_listing(self.output),
            "summary": summary,
            "warnings": warnings,
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            staging = self.path.with_suffix(".tmp")
            staging.write_text(json.dumps(record, ensure_ascii=False, indent=1), "utf-8")
            os.replace(staging, self.path)
        except OSError:
            pass

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
