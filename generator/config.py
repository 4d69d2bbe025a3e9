"""Reads `site.toml`: languages, titles and the address the site is published at."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ContentError, raise_all, unknown_keys
from .ingest.text import key_line, read_toml
from .model import LANGUAGES
from .site_files import exists

SITE_KEYS = ("languages", "default_language", "base_url", "title", "description", "publish")


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    languages: list[str]
    default_language: str
    title: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    base_url: str = ""
    cname: str = ""  # [publish] cname: the custom domain a GitHub Pages branch is served at

    @property
    def base_path(self) -> str:
        """The path part of base_url ("/critical-minerals/"): where the site sits on its host."""
        return urlsplit(self.base_url).path or "/"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def assets_dir(self) -> Path:
        return self.root / "assets"


def load_config(root: Path, base_url: str | None = None) -> SiteConfig:
    """`base_url` replaces site.toml's (`timeline publish --base-url`)."""
    path = root / "site.toml"
    if not exists(path):
        raise ContentError(
            path, None, "site.toml not found", "run timeline from the site folder or pass --site DIR"
        )
    text, data = read_toml(path)

    def fail(key: str, message: str, fix: str) -> ContentError:
        return ContentError(path, _key_line(text, key), message, fix)

    unknown = _unknown_keys(path, text, data)
    try:
        config = _config(root, base_url, data, fail)
    except ContentError as error:
        raise_all([*unknown, error])
        raise
    raise_all(unknown)
    return config


def _unknown_keys(path: Path, text: str, data: dict) -> list[ContentError]:
    """A misspelt key (`colour =`, `[publish] cnmae`, `[title] kz`) is an error, never ignored."""
    publish = data.get("publish")
    return (
        unknown_keys(path, data, SITE_KEYS, lambda key: _key_line(text, key), "site.toml")
        + unknown_keys(
            path,
            publish if isinstance(publish, dict) else {},
            ("cname",),
            lambda key: key_line(text, key, _key_line(text, "publish")),
            "[publish]",
        )
        + [
            error
            for table in ("title", "description")
            if isinstance(data.get(table), dict)
            for error in unknown_keys(
                path,
                data[table],
                LANGUAGES,
                lambda key, t=table: key_line(text, key, _key_line(text, t)),
                f"[{table}]",
            )
        ]
    )


def _config(root: Path, base_url: str | None, data: dict, fail) -> SiteConfig:
    languages = data.get("languages", ["ru", "kk"])
    if not isinstance(languages, list) or not languages or any(lang not in LANGUAGES for lang in languages):
        raise fail(
            "languages",
            f"languages = {languages!r} is not a list of supported languages",
            f'write e.g. languages = ["ru", "kk"] using {", ".join(LANGUAGES)}',
        )
    default = data.get("default_language", languages[0])
    if default not in languages:
        raise fail(
            "default_language",
            f"default_language {default!r} is not in languages {languages}",
            "pick one of the listed languages",
        )
    title = data.get("title", {})
    if not isinstance(title, dict) or any(
        not isinstance(title.get(lang), str) or not title[lang] for lang in languages
    ):
        raise fail(
            "title",
            "the site needs a title for each language",
            'add a [title] table with ru = "…", kk = "…" (one line per language)',
        )
    description = data.get("description", {})
    if not isinstance(description, dict) or not all(isinstance(v, str) for v in description.values()):
        raise fail(
            "description",
            "description must be a text per language",
            'write a [description] table with ru = "…", kk = "…"',
        )
    if base_url is None:
        base_url = data.get("base_url", "")
        if not _is_web_address(base_url):
            raise fail(
                "base_url",
                f"base_url = {base_url!r} is not a web address",
                'write base_url = "https://example.org/" (http or https, with the host), or ""',
            )
    elif not _is_web_address(base_url):
        raise ContentError(
            "--base-url",
            None,
            f"{base_url!r} is not a web address",
            "pass e.g. --base-url https://example.github.io/minerals/ (http or https, with the host)",
        )
    # One form everywhere: joining a page path to it never doubles or drops a slash.
    base_url = base_url.strip().rstrip("/") + "/" if base_url.strip() else ""
    cname = _publish_cname(data, base_url, fail)
    return SiteConfig(root, list(languages), default, dict(title), dict(description), base_url, cname)


def _publish_cname(data: dict, base_url: str, fail) -> str:
    publish = data.get("publish", {})
    cname = publish.get("cname", "") if isinstance(publish, dict) else None
    if not isinstance(cname, str) or (cname and not _HOST.match(cname)):
        raise fail(
            "publish",
            f"[publish] cname = {cname!r} is not a host name",
            'write the bare domain the site is served at, e.g. cname = "minerals.example.org"',
        )
    host = urlsplit(base_url).hostname or ""
    if cname and base_url and host != cname.lower():
        raise fail(
            "publish",
            f"[publish] cname = {cname!r} but base_url {base_url!r} is on {host!r}",
            f'a site served at {cname} lives at its root: base_url = "https://{cname}/"',
        )
    return cname.lower()


def _is_web_address(value: object) -> bool:
    return isinstance(value, str) and (not value.strip() or bool(_WEB_ADDRESS.match(value.strip())))


_WEB_ADDRESS = re.compile(r"^https?://[^/\s]+(/\S*)?$")
_HOST = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")


def _key_line(text: str, key: str) -> int | None:
    """The line of `key = …` or of the `[key]` table."""
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[\[?\s*{re.escape(key)}\s*\]\]?)")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), None)
