"""Deploying a built site: into a folder, or onto a git branch the way GitHub Pages serves it.

Everything runs real git in repositories under tmp_path; the checks are the ones a person would
make after publishing: what the folder or branch holds, what history the branch has, and that
their own work tree, index and branches were left exactly as they were.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.deploy import Deployment, deploy_to_branch, deploy_to_directory
from generator.errors import ContentError
from generator.render.write import MARKER

SITE: dict[str, bytes] = {
    "index.html": b"<!doctype html><meta http-equiv=refresh content='0; url=ru/'>\n",
    "ru/index.html": "<h1>Хроника</h1>\n".encode(),
    "ru/events/first.html": b"<h1>first</h1>\n",
    "ru/события.html": "<p>события</p>\n".encode(),
    "kk/index.html": "<h1>Шежіре</h1>\n".encode(),
    "assets/style.3fa1.css": b"body { margin: 0 }",  # no final newline
    "assets/logo.bin": bytes(range(256)),  # NUL and every other byte
}

# The second build: one page gone, one page edited, one page new.
NEXT_SITE: dict[str, bytes] = {
    **{path: data for path, data in SITE.items() if path != "ru/events/first.html"},
    "ru/index.html": "<h1>Хроника, обновлено</h1>\n".encode(),
    "ru/events/second.html": b"<h1>second</h1>\n",
}

EDITOR = ("Editor", "editor@example.org")


@pytest.fixture(autouse=True)
def hermetic_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No personal or system git config (identity, signing, hooks) leaks into these repositories,
    and discovery never climbs out of tmp_path into some enclosing repository."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(variable, raising=False)


def git(cwd: Path, *arguments: str) -> str:
    result = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def git_bytes(cwd: Path, *arguments: str) -> bytes:
    return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=True).stdout


def git_fails(cwd: Path, *arguments: str) -> bool:
    return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True).returncode != 0


def new_repository(path: Path, *, identity: tuple[str, str] | None = EDITOR, commit: bool = True) -> Path:
    """A user's site repository: `main` with one commit, and a `site/` folder to deploy from."""
    path.mkdir(parents=True)
    git(path, "init", "--quiet", "--initial-branch=main")
    if identity:
        git(path, "config", "user.name", identity[0])
        git(path, "config", "user.email", identity[1])
    (path / "site").mkdir()
    (path / "site" / "site.toml").write_text("title = 'Timeline'\n", "utf-8")
    if commit:
        git(path, "add", "site/site.toml")
        git(path, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-qm", "sources")
    return path


def tree_of(repository: Path, revision: str) -> dict[str, str]:
    """Path -> "mode type" for every file in a commit's tree, names read verbatim (-z, no quoting)."""
    listing: dict[str, str] = {}
    for entry in git_bytes(repository, "ls-tree", "-r", "-z", "--full-tree", revision).split(b"\0"):
        if entry:
            meta, _, path = entry.partition(b"\t")
            mode, kind, _ = meta.decode().split(" ")
            listing[path.decode("utf-8")] = f"{mode} {kind}"
    return listing


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


# --- into a folder -------------------------------------------------------------------------------


def test_first_directory_deploy_writes_every_file_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "www" / "timeline"
    deployment = deploy_to_directory(SITE, target)
    assert deployment == Deployment(where=str(target.resolve()), added=len(SITE), changed=0, removed=0)
    on_disk = files_in(target)
    assert on_disk.pop(MARKER)  # the marker that lets the next deploy replace this folder
    assert on_disk == SITE


def test_second_directory_deploy_removes_stale_files_and_counts_changes(tmp_path: Path) -> None:
    target = tmp_path / "public"
    deploy_to_directory(SITE, target)
    deployment = deploy_to_directory(NEXT_SITE, target)
    assert (deployment.added, deployment.changed, deployment.removed) == (1, 1, 1)
    assert deployment.vanished == ("ru/events/first.html",)  # the page publish names, with its alias
    assert not (target / "ru" / "events" / "first.html").exists()
    on_disk = files_in(target)
    on_disk.pop(MARKER)
    assert on_disk == NEXT_SITE
    assert not list(tmp_path.glob(".public.*"))  # no staging or retired copy left beside it


def test_directory_deploy_into_an_existing_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    deployment = deploy_to_directory({"index.html": b"hi"}, target)
    assert (deployment.added, deployment.changed, deployment.removed) == (1, 0, 0)
    assert (target / "index.html").read_bytes() == b"hi"


def test_directory_deploy_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "notes" / "draft.md").write_text("an editor's unsaved thoughts\n", "utf-8")
    before = files_in(content)
    with pytest.raises(ContentError) as refused:
        deploy_to_directory(SITE, content)
    assert str(content.resolve()) in str(refused.value)
    assert "--to" in refused.value.fix
    assert files_in(content) == before


def test_directory_deploy_refuses_paths_that_escape_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="unusable path"):
        deploy_to_directory({"../escaped.html": b"x"}, tmp_path / "public")
    assert not (tmp_path / "escaped.html").exists()
    assert not (tmp_path / "public").exists()


def test_a_path_used_as_both_file_and_folder_is_refused(tmp_path: Path) -> None:
    clash = {"ru": b"a file", "ru/index.html": b"a page"}
    with pytest.raises(ContentError, match="both as a file and as a folder"):
        deploy_to_directory(clash, tmp_path / "public")
    with pytest.raises(ContentError, match="both as a file and as a folder"):
        deploy_to_branch(clash, new_repository(tmp_path / "repo"), message="deploy")


# --- onto a branch --------------------------------------------------------------------------------


def test_two_branch_deploys_make_two_commits_with_exactly_the_site(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    first = deploy_to_branch(SITE, repository / "site", message="Deploy 1")
    second = deploy_to_branch(NEXT_SITE, repository / "site", message="Deploy 2")

    assert first.where == f"branch gh-pages of {repository.resolve()}"
    assert (first.added, first.changed, first.removed) == (len(SITE) + 1, 0, 0)  # + .nojekyll
    assert (second.added, second.changed, second.removed) == (1, 1, 1)
    assert (first.vanished, second.vanished) == ((), ("ru/events/first.html",))
    assert second.commit == git(repository, "rev-parse", "gh-pages").strip()
    assert git(repository, "rev-list", "gh-pages").split() == [second.commit, first.commit]
    assert git(repository, "log", "-1", "--format=%P", "gh-pages").strip() == first.commit
    assert git(repository, "log", "-1", "--format=%B", "gh-pages").strip() == "Deploy 2"
    assert git(repository, "log", "-1", "--format=%P", first.commit).strip() == ""  # a root commit

    tree = tree_of(repository, "gh-pages")
    assert set(tree) == {*NEXT_SITE, ".nojekyll"}  # first.html is gone, the sources never got in
    assert set(tree.values()) == {"100644 blob"}
    assert git(repository, "cat-file", "-t", "gh-pages:ru/events").strip() == "tree"
    assert git_bytes(repository, "cat-file", "blob", "gh-pages:.nojekyll") == b""


def test_branch_deploy_leaves_the_users_work_tree_index_and_branches_alone(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    git(repository, "branch", "feature")
    (repository / "site" / "site.toml").write_text("title = 'Staged'\n", "utf-8")
    git(repository, "add", "site/site.toml")
    (repository / "site" / "site.toml").write_text("title = 'Edited after staging'\n", "utf-8")
    (repository / "site" / "untracked.md").write_text("new page\n", "utf-8")

    def snapshot() -> dict[str, object]:
        return {
            "HEAD": git(repository, "symbolic-ref", "HEAD"),
            "head commit": git(repository, "rev-parse", "HEAD"),
            "status": git(repository, "status", "--porcelain", "--untracked-files=all"),
            "index": git(repository, "ls-files", "--stage"),
            "staged diff": git(repository, "diff", "--cached"),
            "refs": [ref for ref in git(repository, "for-each-ref").splitlines() if "gh-pages" not in ref],
            "files": files_in(repository / "site"),
            "top folder": sorted(path.name for path in repository.iterdir()),
        }

    before = snapshot()
    deploy_to_branch(SITE, repository / "site", message="Deploy")
    deploy_to_branch(NEXT_SITE, repository / "site", message="Deploy again")
    assert snapshot() == before


def test_nested_non_ascii_and_odd_file_names_survive_byte_for_byte(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    site = {
        **SITE,
        "kk/оқиғалар/бірінші оқиға.html": "<p>бірінші</p>".encode(),
        '"quoted".html': b"starts with a double quote",
        "line\nbreak in name.html": b"a newline in a file name must be quoted for fast-import",
    }
    deploy_to_branch(site, repository, message="Deploy")
    assert set(tree_of(repository, "gh-pages")) == {*site, ".nojekyll"}
    for path, data in site.items():
        assert git_bytes(repository, "cat-file", "blob", f"gh-pages:{path}") == data, path


def test_cname_file_holds_the_host(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    deploy_to_branch(SITE, repository, message="Deploy", cname="timeline.example.org")
    assert set(tree_of(repository, "gh-pages")) == {*SITE, ".nojekyll", "CNAME"}
    assert git_bytes(repository, "cat-file", "blob", "gh-pages:CNAME") == b"timeline.example.org\n"

    # The tree is replaced, not merged: a deploy without a host no longer carries the CNAME.
    without = deploy_to_branch(SITE, repository, message="Deploy without a domain")
    assert (without.added, without.changed, without.removed) == (0, 0, 1)
    assert "CNAME" not in tree_of(repository, "gh-pages")


def test_branch_deploy_in_a_repository_without_commits(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "fresh", identity=None, commit=False)
    deployment = deploy_to_branch(SITE, repository / "site", message="First publish")
    assert set(tree_of(repository, "gh-pages")) == {*SITE, ".nojekyll"}
    assert git(repository, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert git_fails(repository, "rev-parse", "--verify", "HEAD")  # main is still unborn
    assert git(repository, "status", "--porcelain").strip() == "?? site/"
    # No identity configured anywhere: the fixed one lets a fresh CI machine publish.
    people = git(repository, "log", "-1", "--format=%an <%ae>|%cn <%ce>", deployment.commit or "")
    fallback = "timeline publish <timeline-publish@localhost>"
    assert people.strip() == f"{fallback}|{fallback}"


def test_branch_deploy_commits_as_the_configured_user(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    deploy_to_branch(SITE, repository, message="Deploy")
    people = git(repository, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages").strip()
    assert people == "Editor <editor@example.org>|Editor <editor@example.org>"


def test_a_large_site_is_committed_in_one_pass(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    site = {f"ru/events/{index // 100:02d}/{index}.html": f"<p>{index}</p>".encode() for index in range(3000)}
    first = deploy_to_branch(site, repository, message="Deploy")
    assert first.added == 3001
    edited = {**site, **{path: b"edited" for path in list(site)[:10]}}
    second = deploy_to_branch(edited, repository, message="Deploy again")
    assert (second.added, second.changed, second.removed) == (0, 10, 0)
    assert len(tree_of(repository, "gh-pages")) == 3001


def test_refuses_to_move_a_checked_out_branch(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    tip = git(repository, "rev-parse", "main")
    with pytest.raises(ContentError, match="checked out") as refused:
        deploy_to_branch(SITE, repository, "main", message="Deploy")
    assert "switch" in refused.value.fix
    assert git(repository, "rev-parse", "main") == tip
    assert (repository / "site" / "site.toml").exists()

    # An unborn branch counts too: creating it would put the site under the user's HEAD.
    fresh = new_repository(tmp_path / "fresh", commit=False)
    with pytest.raises(ContentError, match="checked out"):
        deploy_to_branch(SITE, fresh, "main", message="Deploy")
    assert git_fails(fresh, "rev-parse", "--verify", "main")


def test_refuses_a_branch_checked_out_in_a_linked_work_tree(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    git(repository, "worktree", "add", "--quiet", "-b", "gh-pages", str(tmp_path / "pages-checkout"))
    with pytest.raises(ContentError, match="checked out") as refused:
        deploy_to_branch(SITE, repository, message="Deploy")
    assert str(refused.value).startswith(str((tmp_path / "pages-checkout").resolve()))
    assert sorted(path.name for path in (tmp_path / "pages-checkout").iterdir()) == [".git", "site"]


def test_refuses_a_folder_outside_any_git_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain-site"
    plain.mkdir()
    with pytest.raises(ContentError, match="not inside a git work tree") as refused:
        deploy_to_branch(SITE, plain, message="Deploy")
    assert "git init" in refused.value.fix and "--to DIR" in refused.value.fix
    assert sorted(plain.iterdir()) == []


@pytest.mark.parametrize("branch", ["bad..name", "with space", "-x", "@{-1}", "HEAD", "ends.lock", ""])
def test_refuses_an_invalid_branch_name(tmp_path: Path, branch: str) -> None:
    repository = new_repository(tmp_path / "repo")
    refs = git(repository, "for-each-ref")
    with pytest.raises(ContentError, match="not a valid branch name"):
        deploy_to_branch(SITE, repository, branch, message="Deploy")
    assert git(repository, "for-each-ref") == refs


def test_refuses_clearly_when_git_is_not_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = new_repository(tmp_path / "repo")
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(ContentError, match="git is not installed") as refused:
        deploy_to_branch(SITE, repository, message="Deploy")
    assert "--to DIR" in refused.value.fix


def test_push_to_a_bare_repository_publishes_the_branch(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    bare = tmp_path / "pages.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))

    deployment = deploy_to_branch(SITE, repository / "site", message="Deploy", push_to=str(bare))
    assert deployment.pushed_to == str(bare)
    assert git(bare, "rev-parse", "gh-pages").strip() == deployment.commit
    assert git_fails(bare, "rev-parse", "--verify", "main")  # only the deployed branch was pushed

    # A configured remote name works the same way.
    git(repository, "remote", "add", "pages", str(bare))
    again = deploy_to_branch(NEXT_SITE, repository, message="Deploy again", push_to="pages")
    assert again.pushed_to == "pages"

    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(bare), str(checkout))
    cloned = files_in(checkout)
    cloned = {path: data for path, data in cloned.items() if not path.startswith(".git/")}
    assert cloned == {**NEXT_SITE, ".nojekyll": b""}


def test_push_to_a_path_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = new_repository(tmp_path / "repo")
    git(tmp_path, "init", "--quiet", "--bare", "pages.git")
    monkeypatch.chdir(tmp_path)
    deployment = deploy_to_branch(SITE, repository / "site", message="Deploy", push_to="pages.git")
    assert git(tmp_path / "pages.git", "rev-parse", "gh-pages").strip() == deployment.commit


def test_a_rejected_push_raises_and_the_suggested_fix_works(tmp_path: Path) -> None:
    bare = tmp_path / "pages.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    colleague = new_repository(tmp_path / "colleague")
    theirs = deploy_to_branch(SITE, colleague, message="Their deploy", push_to=str(bare))

    mine = new_repository(tmp_path / "mine")
    with pytest.raises(ContentError, match="pushing branch gh-pages") as rejected:
        deploy_to_branch(NEXT_SITE, mine, message="My deploy", push_to=str(bare))
    assert "rejected" in rejected.value.message  # git's own reason is passed on
    assert git(bare, "rev-parse", "gh-pages").strip() == theirs.commit  # the remote is untouched
    assert set(tree_of(mine, "gh-pages")) == {*NEXT_SITE, ".nojekyll"}  # my commit is kept locally

    fetch = f"git fetch {bare} +gh-pages:gh-pages"
    assert fetch in rejected.value.fix
    git(mine, *fetch.split()[1:])
    retried = deploy_to_branch(NEXT_SITE, mine, message="My deploy", push_to=str(bare))
    assert git(bare, "rev-parse", "gh-pages").strip() == retried.commit
    assert git(bare, "log", "-1", "--format=%P", "gh-pages").strip() == theirs.commit


def test_push_to_an_unknown_remote_raises(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    with pytest.raises(ContentError, match="pushing branch gh-pages to nowhere failed") as failed:
        deploy_to_branch(SITE, repository, message="Deploy", push_to="nowhere")
    assert "check the remote" in failed.value.fix
    assert not git_fails(repository, "rev-parse", "--verify", "gh-pages")
