"""`timeline publish` as a user runs it: the real command, real git, a plain static server."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from browsing import QuietHandler, free_port

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}
FINGERPRINTED = re.compile(r"^assets/[\w-]+\.[0-9a-f]{10}\.\w+$")


def timeline(*arguments: str, cwd: Path, seed: str = "0") -> subprocess.CompletedProcess:
    environment = {**os.environ, **GIT_ENV, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def git(*arguments: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *arguments],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _tree(folder: Path, skip: tuple[str, ...] = (".git", ".timeline-output")) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in skip
    }


@pytest.fixture
def site_repo(site_copy: Path) -> Path:
    """The example site as an editor keeps it: a git repository with a remote to publish to."""
    git("init", "-q", "-b", "main", cwd=site_copy)
    git("add", "-A", cwd=site_copy)
    git("commit", "-qm", "Sources", cwd=site_copy)
    remote = site_copy.parent / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=site_copy.parent)
    git("remote", "add", "origin", str(remote), cwd=site_copy)
    return site_copy


def test_publish_to_a_branch_leaves_it_ready_for_github_pages(site_repo):
    remote = site_repo.parent / "remote.git"
    first = timeline("publish", "--branch", "gh-pages", "--push", cwd=site_repo)
    assert first.returncode == 0, first.stderr
    assert "pushed to origin" in first.stdout

    checkout = site_repo.parent / "checkout"
    git("clone", "-q", "--branch", "gh-pages", str(remote), str(checkout), cwd=site_repo.parent)
    published = _tree(checkout)
    assert (checkout / ".nojekyll").read_bytes() == b""
    assert {"index.html", "404.html", "ru/index.html", "kk/index.html", "sitemap.xml"} <= set(published)
    assert not (checkout / "CNAME").exists()  # site.toml configures none
    assert not any(p.startswith(("content/", "templates/")) or p == "site.toml" for p in published)
    assets = [p for p in published if p.startswith("assets/")]
    assert assets and all(FINGERPRINTED.match(p) for p in assets)
    page = (checkout / "ru/index.html").read_text("utf-8")
    assert "\n\n" not in page and "  <" not in page  # minified
    assert git("status", "--porcelain", cwd=site_repo) == ""  # the editor's files are untouched
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=site_repo).strip() == "main"

    # A second publish after a note is deleted: one more commit, and its page is gone.
    (site_repo / "content/notes/uk-2035-supply-concentration-target.md").unlink()
    second = timeline("publish", "--branch", "gh-pages", "--push", cwd=site_repo)
    assert second.returncode == 0, second.stderr
    log = git("log", "--format=%H %P", "gh-pages", cwd=remote).splitlines()
    assert len(log) == 2 and log[0].split()[1] == log[1].split()[0]
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    assert "ru/events/uk-2035-supply-concentration-target.html" in published
    assert "ru/events/uk-2035-supply-concentration-target.html" not in files
    assert "with uncommitted changes" in git("log", "-1", "--format=%B", "gh-pages", cwd=remote)


def test_a_configured_custom_domain_gets_a_cname_file(site_repo):
    site_toml = site_repo / "site.toml"
    text = site_toml.read_text("utf-8").replace(
        'base_url = "https://example.org/critical-minerals/"', 'base_url = "https://minerals.example.net/"'
    )
    site_toml.write_text(text + '\n[publish]\ncname = "minerals.example.net"\n', "utf-8")
    done = timeline("publish", "--branch", "gh-pages", cwd=site_repo)
    assert done.returncode == 0, done.stderr
    assert git("show", "gh-pages:CNAME", cwd=site_repo) == "minerals.example.net\n"
    sitemap = git("show", "gh-pages:sitemap.xml", cwd=site_repo)
    assert "<loc>https://minerals.example.net/ru/index.html</loc>" in sitemap


def test_a_cname_on_another_host_than_base_url_is_refused(site_repo):
    with (site_repo / "site.toml").open("a", encoding="utf-8") as site_toml:
        site_toml.write('\n[publish]\ncname = "minerals.example.net"\n')
    done = timeline("publish", "--branch", "gh-pages", cwd=site_repo)
    assert done.returncode == 1
    assert "site.toml" in done.stderr and "cname" in done.stderr and "fix:" in done.stderr
    assert git("branch", "--list", "gh-pages", cwd=site_repo) == ""


def test_publish_to_a_folder_removes_stale_files(site_copy, tmp_path):
    target = tmp_path / "www"
    assert timeline("publish", "--to", str(target), cwd=site_copy).returncode == 0
    assert (target / "ru/events/uk-2035-supply-concentration-target.html").is_file()
    (site_copy / "content/notes/uk-2035-supply-concentration-target.md").unlink()
    done = timeline("publish", "--to", str(target), cwd=site_copy)
    assert done.returncode == 0, done.stderr
    assert not (target / "ru/events/uk-2035-supply-concentration-target.html").exists()
    assert re.search(r"[1-9]\d* removed", done.stdout)


def test_a_failed_publish_deploys_nothing(site_repo, tmp_path):
    target = tmp_path / "www"
    assert timeline("publish", "--to", str(target), cwd=site_repo).returncode == 0
    assert timeline("publish", "--branch", "gh-pages", cwd=site_repo).returncode == 0
    before, tip = _tree(target), git("rev-parse", "gh-pages", cwd=site_repo)
    note = site_repo / "content/notes/2026-02-04-critical-minerals-ministerial.md"
    note.write_text(note.read_text("utf-8").replace("date: 2026-02-04", "date: 2026-02-31"), "utf-8")
    for where in (["--to", str(target)], ["--branch", "gh-pages"]):
        done = timeline("publish", *where, cwd=site_repo)
        assert done.returncode == 1
        assert "2026-02-04-critical-minerals-ministerial.md:2" in done.stderr
        assert "nothing was deployed" in done.stderr
    assert _tree(target) == before
    assert git("rev-parse", "gh-pages", cwd=site_repo) == tip


def test_publish_needs_an_address_and_a_destination(site_copy):
    site_toml = site_copy / "site.toml"
    site_toml.write_text(
        site_toml.read_text("utf-8").replace(
            'base_url = "https://example.org/critical-minerals/"', 'base_url = ""'
        ),
        "utf-8",
    )
    done = timeline("publish", "--to", "out", cwd=site_copy)
    assert done.returncode == 1 and "base_url" in done.stderr and "--base-url" in done.stderr
    assert not (site_copy / "out").exists()
    assert timeline("publish", cwd=site_copy).returncode == 2  # argparse: --to or --branch is required
    bad = timeline("publish", "--to", "out", "--base-url", "example.org/x", cwd=site_copy)
    assert bad.returncode == 1 and "--base-url" in bad.stderr


def test_an_asset_that_is_not_utf8_is_named_not_a_traceback(site_copy, tmp_path):
    (site_copy / "assets/legacy.css").write_bytes(
        "body { font-family: 'Arial'; } /* шрифт */".encode("cp1251")
    )
    done = timeline("publish", "--to", str(tmp_path / "www"), cwd=site_copy)
    assert done.returncode == 1
    assert "assets/legacy.css" in done.stderr and "UTF-8" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "www").exists()


# ---------------------------------------------------------------- served, crawled


@contextmanager
def static_server(folder: Path, port: int):
    """A plain static server: Python's http.server, nothing of the generator's."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


class _Links(HTMLParser):
    ATTRIBUTES = ("href", "src", "action")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "base" and self.base is None:
            self.base = values.get("href")
        for name in self.ATTRIBUTES:
            if values.get(name):
                self.links.append(values[name])


def crawl_over_http(start: str, prefix: str) -> tuple[set[str], list[str]]:
    """Follows every link and resource on the server's own host from `start`: (URLs fetched, faults).
    A same-host URL outside `prefix` is a fault: the site must stay inside its sub-path."""
    origin = urlsplit(start).netloc
    queue, seen, faults = [start], {start}, []
    while queue:
        url = queue.pop()
        try:
            with urlopen(url, timeout=30) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except HTTPError as error:
            faults.append(f"{error.code} {url}")
            continue
        if kind == "text/html":
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            base = urljoin(url, parser.base) if parser.base else url
            links = parser.links
        elif kind == "text/css":
            links = [
                m[0] or m[1] or m[2]
                for m in re.findall(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))""", body.decode())
            ]
            base = url
        else:
            continue
        for link in links:
            target = urldefrag(urljoin(base, link)).url
            if urlsplit(target).netloc != origin or target in seen:
                continue
            if not target.startswith(prefix):
                faults.append(f"outside {prefix}: {target} (from {url})")
                continue
            seen.add(target)
            queue.append(target)
    return seen, faults


@pytest.mark.parametrize("sub_path", ["minerals/", ""], ids=["under a sub-path", "at the domain root"])
def test_the_published_site_served_by_a_plain_server_has_no_broken_links(site_copy, tmp_path, sub_path):
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/{sub_path}"
    host_root = tmp_path / "host"
    target = host_root / sub_path.rstrip("/") if sub_path else host_root
    done = timeline("publish", "--to", str(target), "--base-url", base_url, cwd=site_copy)
    assert done.returncode == 0, done.stderr
    with static_server(host_root, port):
        fetched, faults = crawl_over_http(base_url + "index.html", base_url)
        assert faults == []
        # Canonical links, hreflang alternates and the sitemap name the published address, and
        # they were followed: every page in each language was reached.
        pages = {p.relative_to(target).as_posix() for p in target.rglob("*.html")}
        assert {base_url + page for page in pages if not page.endswith("404.html")} <= fetched
        assert any(FINGERPRINTED.match(u.removeprefix(base_url)) for u in fetched)

        # A host serves 404.html at whatever address was missing, however deep: its links must
        # still lead into the site.
        missing = f"{base_url}no/such/deep/page.html"
        parser = _Links()
        parser.feed((target / "404.html").read_text("utf-8"))
        base = urljoin(missing, parser.base) if parser.base else missing
        for link in parser.links:
            address = urldefrag(urljoin(base, link)).url
            if urlsplit(address).netloc == f"127.0.0.1:{port}":
                assert address.startswith(base_url), address
                with urlopen(address, timeout=30) as response:
                    assert response.status == 200, address


# ---------------------------------------------------------------- deterministic output


def test_two_builds_of_the_same_content_are_byte_identical(site_copy, tmp_path):
    """Separate processes with different hash seeds, one with a cold extraction cache."""
    shutil.rmtree(site_copy / ".timeline-cache", ignore_errors=True)
    first = timeline("build", "--output", str(tmp_path / "one"), cwd=site_copy, seed="1")
    second = timeline("build", "--output", str(tmp_path / "two"), cwd=site_copy, seed="2")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "5 article(s) extracted" in first.stdout and "0 article(s) extracted" in second.stdout
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")

    for name, seed in (("three", "3"), ("four", "4")):
        done = timeline("publish", "--to", str(tmp_path / name), cwd=site_copy, seed=seed)
        assert done.returncode == 0, done.stderr
    assert _tree(tmp_path / "three") == _tree(tmp_path / "four")
    assert len(_tree(tmp_path / "three")) > 300


def test_a_page_the_last_deploy_had_is_named_with_the_alias_that_keeps_it(site_copy, tmp_path):
    www = tmp_path / "www"
    assert timeline("publish", "--to", str(www), cwd=site_copy).returncode == 0
    notes = site_copy / "content" / "notes"
    old = "2026-02-04-critical-minerals-ministerial"
    renamed = notes / "critical-minerals-ministerial.md"
    (notes / f"{old}.md").rename(renamed)  # the editor gives the note a shorter name: a new event id
    done = timeline("publish", "--to", str(www), cwd=site_copy)
    assert done.returncode == 0
    assert f"ru/events/{old}.html" in done.stderr and f"kk/events/{old}.html" in done.stderr
    assert f"aliases: [{old}]" in done.stderr
    renamed.write_text(renamed.read_text("utf-8").replace("kind:", f"aliases: [{old}]\nkind:", 1), "utf-8")
    done = timeline("publish", "--to", str(www), cwd=site_copy)
    assert done.returncode == 0 and "gone" not in done.stderr
    moved = (www / "ru" / "events" / f"{old}.html").read_text("utf-8")
    assert "https://example.org/critical-minerals/ru/events/critical-minerals-ministerial.html" in moved
