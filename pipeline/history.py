"""What git knows about each partnership file: its last commit, that commit's date, and whether the file
has changed since.

One `git log` per repository covers every file in it, so a build of hundreds of partnerships costs
one subprocess, not hundreds. A file outside any git repository simply has no history.

Git history is data written by anyone who can push a commit, so it is read as bytes, in a format
that no commit can forge: only hashes and dates are asked for (never a subject or body, which may
hold any byte), every field is ended by NUL (which no file name, hash or date can contain), and
anything that does not look like a hash or a date is ignored rather than trusted or allowed to crash
the build.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_HASH = re.compile(rb"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1, or SHA-256 repositories
_DATE = re.compile(rb"\d{4}-\d{2}-\d{2}")

# Settings a user's or repository's git configuration could change and that would add lines to the
# output (signature checks), follow renames into unrelated files, or colour it.
_GIT = ("git", "--literal-pathspecs", "-c", "log.showSignature=false", "-c", "log.follow=false", "-c", "color.ui=never")


@dataclass(frozen=True)
class SourceHistory:
    """The last commit that changed one file. Documents print no commit messages: a revision history, when a
    partnership wants one, is written in its own words (`revision_history` in the YAML)."""

    commit: str | None = None
    date: dt.date | None = None
    """None when the commit's date is not a date partnerdocs can use (a forged year 33658, say)."""
    uncommitted: bool = False
    """True when the file has changes since that commit, so `date` is not the date of what it says."""

    @property
    def content_date(self) -> dt.date | None:
        """The date of the file's content: its last commit's, unless it has changed since (then unknown)."""
        return None if self.uncommitted else self.date


NO_HISTORY = SourceHistory()


def source_histories(paths: Iterable[Path]) -> dict[Path, SourceHistory]:
    """The git history of each file (NO_HISTORY for files outside a repository or never committed)."""
    files = [p.resolve() for p in paths]
    result = dict.fromkeys(files, NO_HISTORY)
    if shutil.which("git") is None:
        return result
    by_root: dict[Path, list[Path]] = {}
    roots: dict[Path, Path | None] = {}
    for file in files:
        if file.parent not in roots:  # one `git rev-parse` per folder, not per file
            roots[file.parent] = _repository_root(file.parent)
        root = roots[file.parent]
        if root is not None:
            by_root.setdefault(root, []).append(file)
    for root, members in by_root.items():
        result.update(_log(root, members))
    return result


def _git(root: Path, *arguments: str) -> bytes | None:
    """git's standard output as bytes, or None when git fails or takes too long."""
    try:
        completed = subprocess.run([*_GIT, "-C", str(root), *arguments], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return completed.stdout if completed.returncode == 0 else None


def _repository_root(folder: Path) -> Path | None:
    output = _git(folder, "rev-parse", "--show-toplevel")
    if not output:
        return None
    # A folder name may hold any byte but NUL; only the line end git adds is removed.
    return Path(os.fsdecode(output.removesuffix(b"\n"))).resolve()


def _log(root: Path, files: list[Path]) -> dict[Path, SourceHistory]:
    relative = [f.relative_to(root) for f in files]
    wanted = {os.fsencode(name): name for name in relative}
    # Each commit is printed as NUL, hash, NUL, date, NUL, then the names of the files it changed, each
    # ended by NUL (-z); the first name follows a line break. An empty field therefore starts a commit.
    output = _log_output(root, [str(name) for name in relative])
    if output is None:
        return {}
    latest: dict[Path, tuple[str, dt.date | None]] = {}
    fields = iter(output.split(b"\0"))
    header: tuple[str, dt.date | None] | None = None
    for field in fields:
        if not field:
            commit, date = next(fields, b""), next(fields, b"")
            header = (commit.decode("ascii"), _date(date)) if _HASH.fullmatch(commit) else None
            continue
        name = wanted.get(field.removeprefix(b"\n"))
        if header is not None and name is not None:
            latest.setdefault(name, header)  # newest first: the first commit naming a file is its last
    changed = _uncommitted(root, relative)
    return {
        file: SourceHistory(latest[name][0], latest[name][1], name in changed)
        for file, name in zip(files, relative, strict=True)
        if name in latest
    }


def _log_output(root: Path, names: list[str]) -> bytes | None:
    return _git(root, "log", "-z", "--no-color", "--format=%x00%H%x00%ad", "--date=short", "--name-only", "--", *names)


def _date(text: bytes) -> dt.date | None:
    """A commit's date, or None when it is not one (git prints whatever year a commit claims)."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text.decode("ascii"))
    except ValueError:
        return None


def _uncommitted(root: Path, relative: list[Path]) -> set[Path]:
    """The files among `relative` with changes not yet committed (staged or not)."""
    output = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=no", "--", *map(str, relative))
    if output is None:
        return set(relative)  # unknown: treat every file as changed rather than date it wrongly
    wanted = {os.fsencode(name): name for name in relative}
    changed: set[Path] = set()
    entries = iter(output.split(b"\0"))
    for entry in entries:
        # Each entry is 'XY path'; a rename or copy is followed by its old path, a field of its own.
        status, path = entry[:2], entry[3:]
        if b"R" in status or b"C" in status:
            next(entries, None)
        if path in wanted:
            changed.add(wanted[path])
    return changed
