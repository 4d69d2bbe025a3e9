"""`timeline publish`: the production build of the site, deployed to a folder or a git branch.

The production build is the ordinary build with the address the site will live at (site.toml's
base_url or --base-url), then fingerprinted assets and minified pages (render/production.py). It
is made whole in memory before anything is deployed, so a failed build touches nothing; deploying
is deploy.py's: a folder swapped in at once, or one commit on a branch, like `mkdocs gh-deploy`.
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .build import read_chronology
from .config import SiteConfig
from .deploy import Deployment, deploy_to_branch, deploy_to_directory, git_environment
from .errors import ContentError
from .render import render_site
from .render.production import for_production

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


@dataclass(frozen=True)
class ProductionBuild:
    config: SiteConfig
    files: dict[str, bytes]
    events: int
    warnings: list[str]


@dataclass(frozen=True)
class Publication:
    build: ProductionBuild
    seconds: float
    deployment: Deployment


def production_build(root: Path, base_url: str | None = None) -> ProductionBuild:
    """The site as it will be published, in memory: nothing is written anywhere."""
    chronology = read_chronology(root, base_url)
    config = chronology.config
    if not config.base_url:
        raise ContentError(
            root / "site.toml",
            None,
            "publishing needs the address the site will live at: base_url is empty",
            'set base_url = "https://you.github.io/minerals/" in site.toml, or pass --base-url',
        )
    files = for_production(render_site(chronology.timeline, config), config.base_url)
    warnings = list(chronology.timeline.warnings)
    host = urlsplit(config.base_url).hostname or ""
    if host in PLACEHOLDER_HOSTS or host.endswith(tuple("." + h for h in PLACEHOLDER_HOSTS)):
        warnings.append(
            f"base_url {config.base_url} is a placeholder: canonical links, feeds and the sitemap "
            "will point there (set your own address in site.toml or pass --base-url)"
        )
    return ProductionBuild(config, files, len(chronology.timeline.events), warnings)


def publish(
    root: Path,
    *,
    base_url: str | None = None,
    to: Path | None = None,
    branch: str | None = None,
    push_to: str | None = None,
) -> Publication:
    if (to is None) == (branch is None):
        raise ContentError(
            "timeline publish", None, "say where to publish", "pass --to DIR or --branch gh-pages"
        )
    started = time.perf_counter()
    build = production_build(root, base_url)
    if to is not None:
        deployment = deploy_to_directory(build.files, to)
    else:
        deployment = deploy_to_branch(
            build.files,
            root,
            branch or "gh-pages",
            message=_commit_message(root, build.config.base_url),
            cname=build.config.cname or None,
            push_to=push_to,
        )
    return Publication(build, time.perf_counter() - started, deployment)


def _commit_message(root: Path, base_url: str) -> str:
    """Which sources a published commit came from, so the branch's history can be traced back."""
    source = _git(root, "rev-parse", "--short", "HEAD")
    dirty = _git(root, "status", "--porcelain", "--", ".")
    origin = f"sources at {source}" if source else "sources not yet committed"
    if source and dirty:
        origin += " with uncommitted changes"
    return f"Publish {base_url}\n\nBuilt by timeline publish from {origin}.\n"


def _git(root: Path, *arguments: str) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=root, env=git_environment(), capture_output=True, text=True, check=False
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


_EVENT_PAGE = re.compile(r"^(?P<lang>[a-z]{2})/events/(?P<id>[^/]+)\.html$")


def vanished_pages(paths: tuple[str, ...]) -> list[str]:
    """What to tell about pages the previous deployment had: readers' links to them now fail.
    An event page gone because its event got another id is kept by an alias of the new event."""
    if not paths:
        return []
    lines = [f"{len(paths)} page(s) published before are gone; links to them now fail:"]
    gone_events = sorted({m["id"] for path in paths if (m := _EVENT_PAGE.match(path))})
    lines += [f"  {path}" for path in paths]
    if gone_events:
        lines.append(
            "  if one of these events lives on under another id, add its old id to that event's note "
            f"(aliases: [{', '.join(gone_events)}]) or merge it ([[merge]] in content/decisions.toml), "
            "and publish again: the old address then leads to the event"
        )
    return lines
