"""Templates read as every other file of a site is: through the guarded reader.

Jinja's own FileSystemLoader would follow a link out of the site, read a pipe for ever, and stop
on a bad byte with a UnicodeDecodeError naming no file; this loader refuses each of them by name
(generator/site_files.py), and the sandbox bounds what a template can do while rendering.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from ..site_files import exists, read_site_text


class SiteLoader(jinja2.BaseLoader):
    """Templates by name from `folders`, the first holding it winning (the site's, then the theme's)."""

    def __init__(self, folders: list[Path]):
        self.folders = folders

    def get_source(self, environment: jinja2.Environment, template: str):  # type: ignore[override]
        parts = split_template_path(template)  # refuses `..`, so a name cannot leave the folders
        for folder in self.folders:
            path = folder.joinpath(*parts)
            if exists(path):
                text = read_site_text(path)
                mtime = _mtime(path)
                return text, str(path), lambda path=path, mtime=mtime: _mtime(path) == mtime
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        names = set()
        for folder in self.folders:
            for top, _dirs, files in os.walk(folder):
                names.update(Path(top, name).relative_to(folder).as_posix() for name in files)
        return sorted(names)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


class SiteEnvironment(SandboxedEnvironment):
    """A template is the editor's code, but it should not reach Python's internals (`__class__`,
    `__globals__`) or make a range of a trillion: the sandbox refuses both with a template error."""
