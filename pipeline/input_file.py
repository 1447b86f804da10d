"""Reading a partnership file (or a Word file to compare): only a regular file, never more than a size limit.

A path can name something that is not a file at all. `read_bytes()` on a named pipe (FIFO) waits
forever for a writer, on a link to /dev/zero it reads until memory runs out, and on a 2 GB sparse file
it reads 2 GB before the size check could refuse it. So the kind and size of the file are checked
before anything is read, on what was actually opened, and reading stops one byte past the limit.
A link to a regular file is followed: some coalitions keep partnership files elsewhere and link them.
Approval files are read the same way, with a smaller limit, and never through a link (see
pipeline/approval_folder.py): nothing outside a partnership's approvals folder can count as an approval.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path

from pipeline.errors import PartnerdocsError, Problem

MAX_FILE_BYTES = 1_000_000

# O_NONBLOCK: opening a FIFO for reading would otherwise wait until something opens it for writing.
# O_NOCTTY: opening a terminal device must not make it the controlling terminal.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 16


def read_partnership_file(path: Path) -> bytes:
    """The bytes of the file at `path`, or PartnerdocsError if it is not a regular file within the limit."""
    return read_input_file(path)


def read_input_file(
    path: Path, limit: int = MAX_FILE_BYTES, what: str = "partnership files", follow_link: bool = True
) -> bytes:
    """The bytes of the regular file at `path` (`what` names such files in messages), at most `limit` of
    them; without `follow_link`, a link is refused rather than followed, even one replacing the file late."""
    try:
        # Checked before opening too: opening a device can have effects of its own (a tape rewinds).
        _check(path, path.stat() if follow_link else os.lstat(path), limit, what)
        descriptor = os.open(path, _OPEN_FLAGS if follow_link else _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise _refusal(path, f"cannot read the file: {error.strerror}") from error
    try:
        # Checked again on what was opened, in case the path was replaced in between.
        _check(path, os.fstat(descriptor), limit, what)
        return _read_bounded(path, descriptor, limit, what)
    except OSError as error:
        raise _refusal(path, f"cannot read the file: {error.strerror}") from error
    finally:
        os.close(descriptor)


def too_big(
    path: Path, size: int, exact: bool = True, limit: int = MAX_FILE_BYTES, what: str = "partnership files"
) -> PartnerdocsError:
    amount = f"{size:,} bytes" if exact else f"more than {limit:,} bytes"
    message = f"the file is {amount}; {what} are limited to {limit:,} bytes"
    return PartnerdocsError([Problem(str(path), 1, 1, message=message)])


def _check(path: Path, status: os.stat_result, limit: int, what: str) -> None:
    if stat.S_ISLNK(status.st_mode):
        where = os.path.realpath(path)
        raise _refusal(
            path, f"this is a link to {where}; partnerdocs reads {what} only as they are, never through a link"
        )
    if not stat.S_ISREG(status.st_mode):
        kind = _kind(status.st_mode)
        if path.is_symlink():
            described = f"this is a link to {os.path.realpath(path)}, which is {kind}"
        else:
            described = f"this is {kind}"
        raise _refusal(path, f"{described}, not a regular file; partnerdocs reads {what} only from regular files")
    if status.st_size > limit:
        raise too_big(path, status.st_size, limit=limit, what=what)


def _read_bounded(path: Path, descriptor: int, limit: int, what: str) -> bytes:
    # A regular file can still be longer than its size said (it grew, or the file system reports 0):
    # read one byte past the limit, never more.
    chunks, total = [], 0
    while total <= limit:
        chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise too_big(path, total, exact=False, limit=limit, what=what)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _refusal(path: Path, message: str) -> PartnerdocsError:
    return PartnerdocsError([Problem(str(path), message=message)])


ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
)
"""What zipfile and zlib raise for a file that is not a readable .docx (add the XML parser's own error)."""
