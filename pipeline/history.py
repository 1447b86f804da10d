"""What git knows about each partnership file: its last commit, that commit's date, and whether the file
has changed since.

One `git log` per repository covers every file in it, so a build of hundreds of partnerships costs
one subprocess, not hundreds. A file outside any git repository simply has no history.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceHistory:
    """The last commit that changed one file. Documents print no commit messages: a revision history, when a
    partnership wants one, is written in its own words (`revision_history` in the YAML)."""

    commit: str | None = None
    date: dt.date | None = None
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


def _repository_root(folder: Path) -> Path | None:
    try:
        completed = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(completed.stdout.strip()).resolve() if completed.returncode == 0 else None


def _log(root: Path, files: list[Path]) -> dict[Path, SourceHistory]:
    relative = [str(f.relative_to(root)) for f in files]
    command = ["git", "-C", str(root), "log", "--format=%x1e%H%x1f%ad", "--date=short", "--name-only", "--"]
    try:
        completed = subprocess.run(
            command + relative, capture_output=True, text=True, check=False, timeout=120, encoding="utf-8"
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if completed.returncode != 0:
        return {}
    latest: dict[str, tuple[str, str]] = {}
    wanted = set(relative)
    for record in completed.stdout.split("\x1e"):  # newest first: the first commit naming a file is its last
        if not record.strip():
            continue
        header, _, names = record.partition("\n")
        full_hash, date = header.split("\x1f", 1)
        for name in names.split("\n"):
            if name.strip() in wanted:
                latest.setdefault(name.strip(), (full_hash, date.strip()))
    changed = _uncommitted(root, relative)
    return {
        file: SourceHistory(latest[name][0], dt.date.fromisoformat(latest[name][1]), name in changed)
        for file, name in zip(files, relative, strict=True)
        if name in latest
    }


def _uncommitted(root: Path, relative: list[str]) -> set[str]:
    """The files among `relative` with changes not yet committed (staged or not)."""
    command = ["git", "-C", str(root), "status", "--porcelain=v1", "-z", "--untracked-files=no", "--"]
    try:
        completed = subprocess.run(
            command + relative, capture_output=True, text=True, check=False, timeout=120, encoding="utf-8"
        )
    except (OSError, subprocess.TimeoutExpired):
        return set(relative)  # unknown: treat every file as changed rather than date it wrongly
    if completed.returncode != 0:
        return set(relative)
    # Each entry is 'XY path'; a rename adds the old path as a separate entry, which matches nothing wanted.
    return {entry[3:] for entry in completed.stdout.split("\0") if len(entry) > 3}
