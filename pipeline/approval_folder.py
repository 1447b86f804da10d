"""Where approvals are kept: one small file per approval, in a folder beside the partnership file.

`partnerships/riverbend-task-force.yaml` keeps its approvals in `partnerships/riverbend-task-force.approvals/`,
each in a file named after what it records: `mou.bridgewell.2026-03-01.28ff47ef197a.yaml` is Bridgewell's
approval of the MOU on 2026-03-01, of the version whose fingerprint starts 28ff47ef197a. So two approvals
recorded on two branches are two files with two names, and git merges them without a conflict; the same
approval recorded twice has the same name (and is one approval).

The folder sits beside its file and is named after it (a slug holds no dot, so no partnership can be named
like it). Only what is in the folder counts: a link there, whether the folder itself or an entry in it, is
refused rather than followed; only regular `*.yaml` files are read, each within a size limit, and at most
MAX_APPROVAL_FILES of them. Files whose names start with a dot are not approvals (a temporary file left by
a write that was killed, a `.gitkeep`) and are passed over.

This module imports nothing heavy: a build that has nothing to do reads the folder to know that.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PartnerdocsError, Problem
from pipeline.input_file import read_input_file

FOLDER_SUFFIX = ".approvals"
MAX_APPROVAL_FILES = 5000
"""As many approvals as a partnership file may list."""
MAX_APPROVAL_BYTES = 32 * 1024
"""An approval file is a few hundred bytes; everyone who must approve, listed, stays far below this."""
NAME_FINGERPRINT = 12
"""Characters of the fingerprint in a file name: enough that two versions of a document never share one."""
WHAT = "approval files"


@dataclass(frozen=True)
class ApprovalFile:
    path: Path
    data: bytes


def approvals_folder(partnership_file: Path) -> Path:
    """The folder of a partnership file's approvals: beside it, named after it."""
    return partnership_file.with_suffix(FOLDER_SUFFIX)


def partnership_file_of(path: Path) -> Path | None:
    """The partnership file an approvals folder, or a file in one, belongs to; None for any other path.

    So `partnerdocs validate partnerships/x.approvals/<file>.yaml` (a pre-commit hook passes the files a
    commit changes) checks partnerships/x.yaml with its approvals, rather than take an approval for a
    partnership."""
    folder = path if path.suffix == FOLDER_SUFFIX else path.parent
    if folder.suffix != FOLDER_SUFFIX:
        return None
    for suffix in (".yaml", ".yml"):
        candidate = folder.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return folder.with_suffix(".yaml")  # missing: reading it says so


def approval_file_name(document: str, by: str, date: str, fingerprint: str) -> str:
    """The name of the file that records one approval: what it approves, by whom, when, of which version.
    A member id holds no dot, so the name reads back one way only (a language version is named mou.es)."""
    return f"{document}.{by}.{date}.{fingerprint[:NAME_FINGERPRINT]}.yaml"


def read_approval_files(partnership_file: Path) -> tuple[list[ApprovalFile], list[Problem]]:
    """Every approval file of a partnership, in name order, and a problem for anything else in its folder.

    No folder means no approvals recorded in files yet. Nothing is followed through a link."""
    folder = approvals_folder(partnership_file)
    try:
        status = os.lstat(folder)
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [Problem(str(folder), message=f"cannot read the approvals folder: {error.strerror}")]
    if stat.S_ISLNK(status.st_mode):
        message = (
            f"this is a link to {os.path.realpath(folder)}; approvals count only when they are in the folder "
            "itself, never through a link: replace the link with the folder"
        )
        return [], [Problem(str(folder), message=message)]
    if not stat.S_ISDIR(status.st_mode):
        message = f"this should be the folder of {partnership_file.name}'s approvals; move it away or remove it"
        return [], [Problem(str(folder), message=message)]
    names, problems = _names(folder)
    files = []
    for name in names:
        path = folder / name
        try:
            files.append(ApprovalFile(path, read_input_file(path, MAX_APPROVAL_BYTES, WHAT, follow_link=False)))
        except PartnerdocsError as error:
            problems += error.problems
    return files, problems


def _names(folder: Path) -> tuple[list[str], list[Problem]]:
    names: list[str] = []
    problems: list[Problem] = []
    seen = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                seen += 1
                if seen > MAX_APPROVAL_FILES:
                    message = f"holds more than {MAX_APPROVAL_FILES:,} approval files; none of them was read"
                    return [], [Problem(str(folder), message=message)]
                if entry.name.endswith(".yaml"):
                    names.append(entry.name)  # whether it is a regular file is checked when it is read
                else:
                    message = (
                        "only approval files belong in this folder (each written by 'partnerdocs approve', "
                        "named <document>.<member>.<date>.<fingerprint>.yaml); move this elsewhere"
                    )
                    problems.append(Problem(str(folder / entry.name), message=message))
    except OSError as error:
        return [], [Problem(str(folder), message=f"cannot read the approvals folder: {error.strerror}")]
    return sorted(names), problems


def orphaned_folder_problems(files: list[Path]) -> list[Problem]:
    """An approvals folder beside the given partnership files whose own partnership file is not there (renamed
    without it, say): its approvals would count for nothing, silently, so it is a problem until it is moved."""
    problems = []
    for parent in sorted({file.parent for file in files}):
        try:
            with os.scandir(parent) as entries:
                folders = sorted(e.name for e in entries if e.name.endswith(FOLDER_SUFFIX) and e.name[0] != ".")
        except OSError:
            continue  # reading the partnership files says what is wrong with their folder
        for name in folders:
            folder = parent / name
            if not any(folder.with_suffix(suffix).exists() for suffix in (".yaml", ".yml")):
                message = (
                    f"these approvals belong to {folder.with_suffix('.yaml').name}, which is not here: when a "
                    "partnership file is renamed, rename its approvals folder with it (or remove the folder)"
                )
                problems.append(Problem(str(folder), message=message))
    return problems


def approvals_digest(partnership_file: Path) -> str:
    """A hash of the partnership's approval files, names and bytes (and of any problem reading them): a
    build renders the partnership again when it changes, so a new approval makes the next build final."""
    files, problems = read_approval_files(partnership_file)
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.path.name}\0{len(file.data)}\0".encode())
        digest.update(file.data)
    for problem in problems:
        digest.update(f"problem\0{problem}\0".encode())
    return digest.hexdigest()
