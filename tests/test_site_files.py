"""The guarded reader: every file a site holds is read, or refused by name with a fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.site_files import MAX_TEXT_BYTES, list_folder, read_site_bytes, read_site_text, walk_files


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "site.toml").write_text('languages = ["ru"]\n', "utf-8")
    (tmp_path / "content").mkdir()
    return tmp_path


def _refused(path: Path, *words: str) -> ContentError:
    with pytest.raises(ContentError) as failure:
        read_site_bytes(path)
    assert Path(failure.value.path) == path and failure.value.fix
    assert all(word in str(failure.value) for word in words), str(failure.value)
    return failure.value


def test_a_link_leaving_the_site_is_never_read(site, tmp_path_factory):
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("root:x:0:0", "utf-8")
    link = site / "content" / "article.txt"
    link.symlink_to(secret)
    error = _refused(link, "outside the site folder")
    assert "root:x" not in str(error)


def test_a_link_inside_the_site_is_followed(site):
    (site / "content" / "real.txt").write_text("текст", "utf-8")
    (site / "content" / "alias.txt").symlink_to(site / "content" / "real.txt")
    assert read_site_bytes(site / "content" / "alias.txt") == "текст".encode()


def test_a_link_loop_and_a_dangling_link_are_refused(site):
    loop = site / "content" / "loop.txt"
    loop.symlink_to(loop)
    _refused(loop, "leads back to itself")
    dangling = site / "content" / "gone.txt"
    dangling.symlink_to(site / "content" / "nothing.txt")
    _refused(dangling, "does not exist")


def test_a_pipe_and_a_folder_are_refused_without_waiting(site):
    pipe = site / "content" / "pipe.txt"
    os.mkfifo(pipe)
    _refused(pipe, "named pipe")
    folder = site / "content" / "folder.txt"
    folder.mkdir()
    _refused(folder, "a folder")


def test_a_file_over_the_limit_is_refused_naming_the_limit(site):
    big = site / "content" / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)
    _refused(big, "the limit is 4.0 MB")


def test_a_bad_byte_in_a_template_names_its_line(site):
    template = site / "page.html"
    template.write_bytes(b"<p>\n{{ title }}\n\xff</p>\n")
    with pytest.raises(ContentError) as failure:
        read_site_text(template)
    assert failure.value.line == 3 and "0xff" in failure.value.message


def test_an_unreadable_folder_is_refused_not_skipped(site):
    if os.geteuid() == 0:  # root reads anything: a folder it cannot list is one that vanished
        folder = site / "content" / "gone"
    else:
        folder = site / "content" / "locked"
        folder.mkdir(mode=0)
    with pytest.raises(ContentError):
        list_folder(folder)


def test_the_walk_does_not_follow_a_link_to_a_folder(site, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "passwd.txt").write_text("root:x:0:0", "utf-8")
    assets = site / "assets"
    assets.mkdir()
    (assets / "style.css").write_text("p {}", "utf-8")
    (assets / "elsewhere").symlink_to(outside)
    found = walk_files(assets)
    assert found == [assets / "elsewhere", assets / "style.css"]
    with pytest.raises(ContentError):
        read_site_bytes(assets / "elsewhere")
