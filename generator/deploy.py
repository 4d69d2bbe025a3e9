"""Publishing an already-built site: into a folder a web server serves, or onto a git branch.

Building happens elsewhere; this module only moves the finished bytes to where readers get them.
Both ways share two promises. The previous deployment keeps being served until the new one is
complete, and nothing an editor wrote by hand is ever overwritten: a foreign folder is refused,
and a branch deploy never touches the user's working tree, index, HEAD or other branches.

The branch deploy (the GitHub Pages way, like `mkdocs gh-deploy`) streams the whole site into one
`git fast-import` process. Plumbing such as `hash-object`/`mktree`/`commit-tree` would need either
a process per file or a temporary index and a second copy of the site on disk; fast-import takes
thousands of files in one pass, builds the nested trees itself, and refuses to move the branch if
someone else moved it meanwhile (the update must be a fast-forward of the tip we read).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import ContentError
from .render.write import MARKER, refuse_foreign_folder, write_site

FALLBACK_NAME = "timeline publish"
FALLBACK_EMAIL = "timeline-publish@localhost"
NOJEKYLL = ".nojekyll"
CNAME = "CNAME"

# A caller running inside a git hook or another tool may have these set; they would make git
# operate on some other repository than the one holding the site folder.
_REPOSITORY_SELECTORS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX")


@dataclass(frozen=True)
class Deployment:
    """What a deploy did, in the terms a person checks: where it went and how much changed."""

    where: str
    added: int
    changed: int
    removed: int
    commit: str | None = None
    pushed_to: str | None = None
    vanished: tuple[str, ...] = ()  # pages the previous deployment had and this one has not


# --- into a folder -------------------------------------------------------------------------------


def deploy_to_directory(files: Mapping[str, bytes], target: Path) -> Deployment:
    """Make `target` hold exactly `files`, swapped in atomically by `write_site`.

    Counts compare with the folder's previous contents (the marker file aside). A folder the
    generator did not write is refused before anything is read or moved, with a fix that names
    the deploy option rather than the build one.
    """
    target = target.resolve()
    _check_site_paths(files, target, reserved=(MARKER,))
    refuse_foreign_folder(target, "--to")
    previous = _previous_files(target)
    added, changed, removed = _compare_with_folder(files, previous)
    vanished = _pages(relative for relative in previous if relative not in files)
    write_site(dict(files), target)
    return Deployment(where=str(target), added=added, changed=changed, removed=removed, vanished=vanished)


def _previous_files(target: Path) -> dict[str, Path]:
    """The files of the deployment being replaced, by relative POSIX path; symlinks are not followed."""
    if not (target / MARKER).exists():
        return {}
    found: dict[str, Path] = {}
    for folder, _, names in os.walk(target):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(target).as_posix()
            if relative != MARKER:
                found[relative] = path
    return found


def _compare_with_folder(files: Mapping[str, bytes], previous: Mapping[str, Path]) -> tuple[int, int, int]:
    """Added, changed, removed; the size is checked first so unchanged big files are read only once."""
    added = changed = 0
    for relative, data in files.items():
        old = previous.get(relative)
        if old is None:
            added += 1
        elif old.stat().st_size != len(data) or old.read_bytes() != data:
            changed += 1
    removed = sum(1 for relative in previous if relative not in files)
    return added, changed, removed


# --- onto a branch --------------------------------------------------------------------------------


def deploy_to_branch(
    files: Mapping[str, bytes],
    repository: Path,
    branch: str = "gh-pages",
    *,
    message: str,
    cname: str | None = None,
    push_to: str | None = None,
) -> Deployment:
    """Commit `files` (plus `.nojekyll`, and `CNAME` when given) as the whole tree of `branch`.

    One new commit per call, whose parent is the branch's previous tip, so the branch's history
    is the history of deployments. The tree is replaced, not merged: pages dropped from the site
    disappear from the branch. `.nojekyll` stops GitHub Pages from hiding folders that start with
    an underscore; `CNAME` tells it the custom domain, and replaces a `CNAME` in `files`.

    Counts compare the new tree with the previous tip's and include `.nojekyll` and `CNAME`, so
    the first deploy reports them as added. With `push_to`, the branch is pushed afterwards; a
    rejected push leaves the new commit on the local branch and raises with git's reason.
    """
    tree = _branch_tree(files, cname, repository)
    toplevel = _work_tree(repository)
    _check_branch_name(toplevel, branch)
    _refuse_checked_out(toplevel, branch)
    ref = f"refs/heads/{branch}"
    parent = _tip(toplevel, ref)
    commit = _commit_tree(toplevel, ref, parent, tree, message, _identity(toplevel))
    added, changed, removed, gone = _count_changes(toplevel, commit)
    if push_to is not None:
        _push(toplevel, push_to, branch)
    return Deployment(
        where=f"branch {branch} of {toplevel}",
        added=added,
        changed=changed,
        removed=removed,
        commit=commit,
        pushed_to=push_to,
        vanished=_pages(gone),
    )


def _branch_tree(files: Mapping[str, bytes], cname: str | None, repository: Path) -> dict[str, bytes]:
    """The complete tree to commit: the site, `.nojekyll`, and `CNAME` when a host is given."""
    tree = dict(files)
    tree[NOJEKYLL] = b""
    if cname is not None:
        host = cname.strip()
        if not host or any(character.isspace() for character in host) or "/" in host:
            raise ContentError(
                repository, None, f"{cname!r} is not a host name", "pass a bare host such as example.org"
            )
        tree[CNAME] = f"{host}\n".encode()
    _check_site_paths(tree, repository, reserved=())
    return tree


def _work_tree(repository: Path) -> Path:
    """The top of the work tree holding `repository`; a bare repository or plain folder is refused."""
    if not repository.is_dir():
        raise ContentError(repository, None, "this folder does not exist", "pass the site folder")
    result = _git(repository, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise ContentError(
            repository,
            None,
            f"this folder is not inside a git work tree ({_stderr(result)})",
            "run `git init` in the site folder, or deploy to a folder with `--to DIR`",
        )
    return Path(os.fsdecode(result.stdout.rstrip(b"\n")))


def _check_branch_name(toplevel: Path, branch: str) -> None:
    """git's own rule, but also no `@{-1}`-style names that git would expand to some other branch."""
    result = _git(toplevel, "check-ref-format", "--branch", branch) if branch[:1] != "-" else None
    if result is None or result.returncode != 0 or os.fsdecode(result.stdout.rstrip(b"\n")) != branch:
        raise ContentError(
            toplevel,
            None,
            f"{branch!r} is not a valid branch name",
            "use a plain name such as gh-pages (no spaces, '..', '~', '^', ':' or a leading '-')",
        )


def _refuse_checked_out(toplevel: Path, branch: str) -> None:
    """Moving a branch some work tree has checked out would leave its files and index out of step.

    Every work tree of the repository counts (`git worktree add` ones too), and so does an unborn
    branch: creating it would put the site's files under that work tree's HEAD.
    """
    result = _git(toplevel, "worktree", "list", "--porcelain")
    _require_success(result, toplevel, "could not list the repository's work trees")
    ref = f"refs/heads/{branch}"
    work_tree = toplevel
    for line in _lines(result.stdout):
        key, _, value = line.partition(" ")
        if key == "worktree":
            work_tree = Path(value)
        elif key == "branch" and value == ref:
            raise ContentError(
                work_tree,
                None,
                f"branch {branch} is checked out in this work tree; deploying would move it under its files",
                "switch that work tree to another branch first, or deploy to a branch nobody has checked out "
                "(the default is gh-pages)",
            )


def _tip(toplevel: Path, ref: str) -> str | None:
    """The commit the branch points to now, or None for a branch that does not exist yet."""
    result = _git(toplevel, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return result.stdout.decode("ascii").strip() if result.returncode == 0 else None


def _identity(toplevel: Path) -> tuple[str, str]:
    """The user's configured name and email; a fixed one otherwise, so a fresh CI machine can publish."""
    name = _config(toplevel, "user.name") or FALLBACK_NAME
    email = _config(toplevel, "user.email") or FALLBACK_EMAIL
    return name, email


def _config(toplevel: Path, key: str) -> str:
    """A config value with the characters that would break a commit header (`<`, `>`, newlines) removed."""
    result = _git(toplevel, "config", "--get", key)
    if result.returncode != 0:
        return ""
    value = result.stdout.decode("utf-8", "replace")
    return "".join(character for character in value if character not in "<>\n\r").strip()


def _commit_tree(
    toplevel: Path,
    ref: str,
    parent: str | None,
    tree: Mapping[str, bytes],
    message: str,
    identity: tuple[str, str],
) -> str:
    """Stream the tree into `git fast-import` as one commit on `ref`; return the new commit id.

    Errors go to a file rather than a pipe so a chatty failure cannot block the writer. If
    fast-import stops reading early, the broken pipe is expected: its exit status and message
    say why. `--done` makes a stream cut short (an interrupted deploy) fail instead of committing
    part of the site.
    """
    with tempfile.TemporaryDirectory(prefix="timeline-deploy-") as scratch:
        marks = Path(scratch) / "marks"
        errors_path = Path(scratch) / "errors"
        command = ["git", "fast-import", "--quiet", "--done", "--date-format=now", f"--export-marks={marks}"]
        with errors_path.open("w+b") as errors:
            process = _start(command, toplevel, errors)
            try:
                _write_commit(_stdin(process), ref, parent, tree, message, identity)
                _stdin(process).close()
            except BrokenPipeError:
                pass
            except BaseException:
                process.kill()  # without its closing `done`, fast-import commits nothing
                process.wait()
                raise
            status = process.wait()
        if status != 0:
            raise ContentError(
                toplevel,
                None,
                f"git fast-import could not commit {ref}: {_text(errors_path.read_bytes())}",
                "if another deploy moved the branch meanwhile, deploy again; otherwise check `git fsck`",
            )
        return _mark(marks.read_text("ascii"))


def _start(command: list[str], toplevel: Path, errors: IO[bytes]) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            command,
            cwd=toplevel,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=git_environment(),
        )
    except FileNotFoundError as missing:
        raise _git_missing(toplevel) from missing


def _stdin(process: subprocess.Popen[bytes]) -> IO[bytes]:
    if process.stdin is None:
        raise RuntimeError("git fast-import was started without a pipe to its input")
    return process.stdin


def _write_commit(
    stream: IO[bytes],
    ref: str,
    parent: str | None,
    tree: Mapping[str, bytes],
    message: str,
    identity: tuple[str, str],
) -> None:
    """One fast-import commit: `deleteall` first, so the branch gets exactly this tree and no leftovers."""
    name, email = identity
    person = f"{name} <{email}> now".encode()
    stream.write(b"commit " + ref.encode() + b"\nmark :1\n")
    stream.write(b"author " + person + b"\ncommitter " + person + b"\n")
    _write_data(stream, message.encode("utf-8"))
    if parent is not None:
        stream.write(f"from {parent}\n".encode("ascii"))
    stream.write(b"deleteall\n")
    for path in sorted(tree):
        stream.write(b"M 100644 inline " + _quote(path) + b"\n")
        _write_data(stream, tree[path])
    stream.write(b"\ndone\n")


def _write_data(stream: IO[bytes], data: bytes) -> None:
    """Counted data: the byte length up front, so any content (NUL, no final newline) passes intact."""
    stream.write(b"data %d\n" % len(data))
    stream.write(data)
    stream.write(b"\n")


def _quote(path: str) -> bytes:
    """C-style quoting, which fast-import always accepts: a path may start with `"` or hold a newline."""
    raw = path.encode("utf-8", "surrogateescape")
    escaped = raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")
    return b'"' + escaped + b'"'


def _mark(marks: str) -> str:
    """The commit id fast-import recorded for mark :1 (read from its marks, not the ref, which may move)."""
    for line in marks.splitlines():
        mark, _, object_id = line.partition(" ")
        if mark == ":1":
            return object_id.strip()
    raise ContentError("git fast-import", None, "fast-import did not report the new commit", "deploy again")


def _pages(paths: Iterable[str]) -> tuple[str, ...]:
    """The HTML pages among `paths`: what a reader's bookmark or a search engine points at."""
    return tuple(sorted(path for path in paths if path.endswith(".html")))


def _count_changes(toplevel: Path, commit: str) -> tuple[int, int, int, list[str]]:
    """Added, changed, removed between the commit and its parent (or the empty tree, for the
    first), and the paths removed.

    `--no-renames` keeps a moved page counted as one removal plus one addition, as the folder
    deploy counts it.
    """
    result = _git(
        toplevel, "diff-tree", "-r", "-z", "--root", "--no-commit-id", "--no-renames", "--name-status", commit
    )
    _require_success(result, toplevel, "could not compare the new deployment with the previous one")
    fields = result.stdout.split(b"\0")
    statuses = fields[0:-1:2]
    added = sum(1 for status in statuses if status == b"A")
    removed = sum(1 for status in statuses if status == b"D")
    gone = [_text(path) for status, path in zip(statuses, fields[1::2], strict=False) if status == b"D"]
    return added, len(statuses) - added - removed, removed, gone


def _push(toplevel: Path, push_to: str, branch: str) -> None:
    """Push only this branch; the commit is already safe locally, so a rejection costs nothing."""
    if not push_to or push_to.startswith("-"):
        raise ContentError(
            toplevel, None, f"{push_to!r} is not a remote", "pass a remote name such as origin"
        )
    ref = f"refs/heads/{branch}"
    result = _git(toplevel, "push", _remote_argument(toplevel, push_to), f"{ref}:{ref}")
    if result.returncode != 0:
        raise ContentError(
            toplevel,
            None,
            f"pushing branch {branch} to {push_to} failed; the new commit is on the local branch.\n"
            f"{_stderr(result)}",
            f"if {push_to} has commits on {branch} that this repository lacks, run "
            f"`git fetch {push_to} +{branch}:{branch}` and deploy again (the deploy replaces the whole tree, "
            "so nothing is lost); otherwise check the remote's name or URL and your access to it",
        )


def _remote_argument(toplevel: Path, push_to: str) -> str:
    """A configured remote name as is; a local path made absolute, since git runs from the repository top.

    Without this, `--push-to ../bare` typed in the site folder would be read relative to the
    repository's top folder instead.
    """
    remotes = _git(toplevel, "remote")
    if remotes.returncode == 0 and push_to in _lines(remotes.stdout):
        return push_to
    local = Path(push_to).expanduser()
    return str(local.resolve()) if local.exists() else push_to


# --- shared ---------------------------------------------------------------------------------------


def _check_site_paths(files: Iterable[str], where: Path, reserved: Iterable[str]) -> None:
    """Refuse paths that would escape the target, collide, or that git refuses (`.git`).

    These would otherwise fail half way through writing, or with an error far from the cause.
    """
    names = set(files)
    reserved = set(reserved)
    folders: set[str] = set()
    for path in sorted(names):
        parts = path.split("/")
        unusable = (
            not path
            or "\0" in path
            or "\\" in path
            or any(part in ("", ".", "..") for part in parts)
            or any(part.lower() == ".git" for part in parts)
        )
        if unusable or path in reserved:
            raise ContentError(
                where, None, f"the site has a file at an unusable path: {path!r}", _path_rule(reserved)
            )
        folders.update("/".join(parts[:depth]) for depth in range(1, len(parts)))
    clashes = sorted(folders & names)
    if clashes:
        raise ContentError(
            where,
            None,
            f"the site has {clashes[0]!r} both as a file and as a folder",
            "rename the file or the folder so each path is one or the other",
        )


def _path_rule(reserved: set[str]) -> str:
    rule = (
        "site paths are relative POSIX paths such as ru/index.html, "
        "without '.', '..', '.git', backslashes or empty parts"
    )
    return f"{rule}; {', '.join(sorted(reserved))} is reserved for the generator" if reserved else rule


def _git(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    """Run git with an explicit argument list and no shell; a missing git becomes a ContentError."""
    try:
        return subprocess.run(
            ["git", *arguments],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=git_environment(),
            check=False,
        )
    except FileNotFoundError as missing:
        raise _git_missing(cwd) from missing


def git_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in _REPOSITORY_SELECTORS}


def _git_missing(where: Path) -> ContentError:
    found = shutil.which("git")
    detail = "git could not be started" if found else "git is not installed or not on PATH"
    return ContentError(
        where,
        None,
        f"{detail}; deploying to a branch needs it",
        "install git, or deploy to a folder with --to DIR",
    )


def _require_success(result: subprocess.CompletedProcess[bytes], where: Path, what: str) -> None:
    if result.returncode != 0:
        raise ContentError(
            where, None, f"{what}: {_stderr(result)}", "check the repository with `git status`"
        )


def _stderr(result: subprocess.CompletedProcess[bytes]) -> str:
    return _text(result.stderr)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()


def _lines(raw: bytes) -> list[str]:
    return os.fsdecode(raw).splitlines()
