"""Where a build writes before anything is in place, and the switch that puts it in place.

A build renders into a hidden folder of its own inside the output folder, made by `tempfile.mkdtemp`
(`.partnerdocs-staging-<pid>-<random>`): a fresh folder nobody could have planted or linked, never
one that existed before. Each partnership that changes gets its complete new folder there: the
documents just rendered and, with --pdf, the PDFs made of them (pipeline.pdf_plan), every other entry
of its current folder carried over (a hard link, or a copy where links are not allowed; a symbolic
link stays a link and is never followed) but PDFs that no longer belong to a document, and its new
manifest. Only then, when every new folder is complete and every current one has been checked to be
a real folder this build may replace, are the folders switched, one rename per partnership:

- on Linux, `renameat2(RENAME_EXCHANGE)` swaps the new folder with the current one in one step, so a
  reader, or a build killed at any moment, finds each partnership wholly old or wholly new, its
  manifest matching its documents;
- elsewhere, or on a file system without it, the current folder is first renamed into staging as
  `<slug>.old`, then the new one into place. A build killed between the two leaves that partnership's
  folder missing; the next build puts `<slug>.old` back before anything else, so nothing is lost.

Whatever can fail (rendering, disk space, permissions, a link) fails before the first switch, and
then nothing was written. A switch that fails after another succeeded (a folder changed under the
build) says what was written (PartlyWrittenError). A killed build leaves its staging folder behind;
the next build removes it once its process is gone and nothing holds its lock (workers inherit it).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import PartlyWrittenError, Problem
from pipeline.inputs import is_slug
from pipeline.manifest import MANIFEST_NAME, Entry, inspect_manifest, is_document_name, write_manifest

if sys.platform != "win32":
    import fcntl

STAGING_PREFIX = ".partnerdocs-staging-"
_STAGING_NAME = re.compile(rf"{re.escape(STAGING_PREFIX)}(\d+)(?:-[A-Za-z0-9_]+)?")
_ASIDE = ".old"
# write_atomically's temporary files, '.<name>.<8 random characters>.tmp' (tempfile.mkstemp): left by a
# build killed while writing, never carried into a new folder.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
# Carrying entries over by descriptor pins the current folder: a folder switched by another build, or a
# link put in its place meanwhile, cannot mix into what is read. Windows has no descriptors for folders.
_BY_DESCRIPTOR = (
    os.link in os.supports_dir_fd and os.link in os.supports_follow_symlinks and os.scandir in os.supports_fd
)
_LINKS = "partnerdocs never writes through links"


@dataclass(frozen=True)
class FolderUpdate:
    """What a build changes in one partnership's folder."""

    slug: str
    entries: list[Entry]
    """The documents rendered, already in the staging folder under `slug`."""
    source: dict[str, Any]
    inputs: dict[str, str]
    """The kinds built, with their input keys; their documents not rendered again are left behind."""
    pdfs: dict[str, dict[str, str]] = field(default_factory=dict)
    """The manifest's PDF fields of each document that has its PDF in the new folder (pipeline.pdf_plan)."""
    drop: frozenset[str] = frozenset()
    """PDFs not carried into the new folder: they belong to no document there."""


class Staging:
    """A build's own fresh folder inside the output folder, locked while the build (or a worker) lives."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir))
        try:
            self._lock = _try_lock(self.root)
        except OSError:
            self._lock = -1  # unlockable: whether this process lives decides alone

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)  # fd-based on Linux: follows no link inside
        if self._lock is not None and self._lock >= 0:
            os.close(self._lock)


def link_problems(out_dir: Path, files: Iterable[Path]) -> list[Problem]:
    """The partnership folders that are symbolic links: the build refuses them (and so writes nothing)."""
    problems = []
    for path in files:
        folder = out_dir / path.stem
        if is_slug(path.stem) and folder.is_symlink():
            problems.append(Problem(str(path), message=f"{folder} is a symbolic link; {_LINKS}"))
    return problems


def output_link_problem(out_dir: Path) -> Problem | None:
    if out_dir.is_symlink():
        return Problem(str(out_dir), message=f"the output folder is a symbolic link; {_LINKS}")
    return None


def current_manifest(folder: Path) -> tuple[dict[str, Any], Problem | None]:
    """The manifest of a partnership folder, read only when it is a regular file (a link is not ours), and
    a warning when it is not one partnerdocs wrote (it is then ignored and rewritten)."""
    try:
        if not stat.S_ISREG((folder / MANIFEST_NAME).lstat().st_mode):
            return {}, None
    except OSError:
        return {}, None
    return inspect_manifest(folder / MANIFEST_NAME)


def documents_in(manifest: dict[str, Any], where: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The manifest's document entries whose names partnerdocs could have written; a warning for each other."""
    entries, warnings = [], []
    documents = manifest.get("documents")
    for entry in documents if isinstance(documents, list) else []:
        if not isinstance(entry, dict):
            continue
        if is_document_name(entry.get("name")):
            entries.append(entry)
        else:
            message = f"ignores the document named {str(entry.get('name'))!r}: not a name partnerdocs writes"
            warnings.append(Problem(str(where), message=message, severity="warning"))
    return entries, warnings


def remove_stale_staging(out_dir: Path) -> None:
    """Remove the staging folders of builds that were killed: a real folder named as ours, its process
    gone and its lock free. A partnership folder it had set aside goes back first."""
    try:
        candidates = list(os.scandir(out_dir))
    except OSError:
        return
    for entry in candidates:
        found = _STAGING_NAME.fullmatch(entry.name)
        if found is None or not entry.is_dir(follow_symlinks=False) or _alive(int(found[1])):
            continue
        with contextlib.suppress(OSError):
            lock = _try_lock(Path(entry.path))
            if lock is None:
                continue  # a worker of that build is still running
            try:
                _put_back(Path(entry.path), out_dir)
                shutil.rmtree(entry.path, ignore_errors=True)
            finally:
                if lock >= 0:
                    os.close(lock)


def move_into_place(staging: Staging, out_dir: Path, updates: Iterable[FolderUpdate]) -> list[Problem]:
    """Make every partnership's new folder complete, check every current one, then switch them.

    Returns the warnings found on the way (manifest entries ignored). Raises OSError when nothing was
    switched yet, PartlyWrittenError when something was."""
    warnings: list[Problem] = []
    ready = []
    for update in updates:
        new, current = staging.root / update.slug, out_dir / update.slug
        exists = _check_replaceable(current)
        previous, ignored = current_manifest(current) if exists else ({}, None)
        warnings += [ignored] if ignored else []
        if not update.entries and not previous:
            continue
        entries, found = documents_in(previous, current / MANIFEST_NAME)
        warnings += found
        new.mkdir(exist_ok=True)
        if exists:
            _carry_over(current, new, _left_behind(entries, update))
            new.chmod(stat.S_IMODE(current.stat().st_mode))
        source = update.source or previous.get("source", {})  # no source read when only PDFs were made
        write_manifest(new, source, update.entries, update.inputs, {**previous, "documents": entries}, update.pdfs)
        ready.append((new, current))
    switched: list[str] = []
    for new, current in ready:
        try:
            _switch(new, current, staging.root)
        except OSError as error:
            if not switched:
                raise
            reason = f"cannot replace {current}: {error.strerror or error}"
            raise PartlyWrittenError([Problem(str(out_dir), message=reason)], switched) from error
        switched.append(str(current))
    return warnings


def _check_replaceable(current: Path) -> bool:
    """Whether the partnership has a folder; OSError when it is one the build must not replace."""
    try:
        mode = current.lstat().st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(mode):
        raise OSError(errno.ELOOP, f"a symbolic link; {_LINKS}", str(current))
    if not stat.S_ISDIR(mode):
        raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(current))
    # Moving a folder to another parent rewrites its '..': it needs write permission on the folder
    # itself. A folder made read-only (or immutable) refuses the whole build, before any switch.
    if not os.access(current, os.W_OK | os.X_OK):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(current))
    return True


def _left_behind(entries: list[dict[str, Any]], update: FolderUpdate) -> set[str]:
    """File names not carried into the new folder: the manifest (rewritten), the files of documents
    of a kind built that this build no longer makes (a letter whose writer left, say), and PDFs that
    belong to no document there."""
    made = {entry.name for entry in update.entries}
    gone = {str(e["name"]) for e in entries if e.get("kind") in update.inputs and e["name"] not in made}
    gone_files = {f"{name}{suffix}" for name in gone for suffix in (".docx", ".txt", ".pdf")}
    return {MANIFEST_NAME} | gone_files | update.drop


def _carry_over(current: Path, new: Path, names: set[str]) -> None:
    """Every entry of `current` into `new`, but those already there, `names` and temporary files."""

    def leave(name: str) -> bool:
        return name in names or _TEMPORARY.fullmatch(name) is not None

    if not _BY_DESCRIPTOR:
        present = {path.name for path in new.iterdir()}

        def ignore(folder: str, entries: list[str]) -> list[str]:
            top = Path(folder) == current
            return [n for n in entries if top and (n in present or leave(n))]

        shutil.copytree(current, new, symlinks=True, ignore=ignore, copy_function=_link_or_copy, dirs_exist_ok=True)
        return
    source, target = os.open(current, _FOLDER), os.open(new, _FOLDER)
    try:
        _carry_entries(source, target, leave)
    finally:
        os.close(source)
        os.close(target)


def _carry_entries(source: int, target: int, leave: Callable[[str], bool]) -> None:
    present = set(os.listdir(target))
    with os.scandir(source) as entries:
        for entry in entries:
            name = entry.name
            if name in present or leave(name):
                continue
            if entry.is_dir(follow_symlinks=False):
                os.mkdir(name, 0o700, dir_fd=target)
                inner_source = os.open(name, _FOLDER, dir_fd=source)
                inner_target = os.open(name, _FOLDER, dir_fd=target)
                try:
                    os.fchmod(inner_target, stat.S_IMODE(os.fstat(inner_source).st_mode))
                    _carry_entries(inner_source, inner_target, lambda _: False)
                finally:
                    os.close(inner_source)
                    os.close(inner_target)
                continue
            try:
                # A hard link costs no space and no time; the old name is removed with the old folder.
                # follow_symlinks=False links a symbolic link itself, never what it points to.
                os.link(name, name, src_dir_fd=source, dst_dir_fd=target, follow_symlinks=False)
            except OSError:
                _copy_entry(name, entry.is_symlink(), source, target)


def _copy_entry(name: str, is_link: bool, source: int, target: int) -> None:
    """A copy where hard links are not allowed (fs.protected_hardlinks, a file system without them)."""
    if is_link:
        os.symlink(os.readlink(name, dir_fd=source), name, dir_fd=target)
        return
    # O_NONBLOCK: opening a named pipe would otherwise wait for a writer; it is refused below anyway.
    reader = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=source)
    try:
        mode = os.fstat(reader).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EPERM, "cannot carry this kind of file into the new folder", name)
        writer = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IMODE(mode), dir_fd=target)
        with os.fdopen(reader, "rb", closefd=False) as data, os.fdopen(writer, "wb") as copy:
            shutil.copyfileobj(data, copy)
    finally:
        os.close(reader)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _switch(new: Path, current: Path, staging: Path) -> None:
    """Put `new` where `current` is, in one rename where the system allows it."""
    if not os.path.lexists(current):
        try:
            _rename_noreplace(new, current)
            return
        except OSError as error:
            if error.errno not in {errno.EEXIST, errno.ENOTEMPTY}:
                raise
            # Another build made the folder meanwhile: switch with theirs.
    if _exchange(new, current):
        return
    aside = staging / f"{current.name}{_ASIDE}"
    current.rename(aside)
    try:
        new.rename(current)
    except OSError:
        aside.rename(current)
        raise


def _rename_noreplace(source: Path, target: Path) -> None:
    function = _renameat2()
    if function is None or not _call_renameat2(function, source, target, _RENAME_NOREPLACE):
        source.rename(target)  # replaces only an empty folder


_RENAME_NOREPLACE, _RENAME_EXCHANGE, _AT_FDCWD = 1, 2, -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; False where the system or the file system cannot."""
    function = _renameat2()
    return function is not None and _call_renameat2(function, first, second, _RENAME_EXCHANGE)


def _call_renameat2(function: Any, source: Path, target: Path, flags: int) -> bool:
    import ctypes

    if function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}:
        return False  # this file system does not support the flag
    raise OSError(code, os.strerror(code), str(source), None, str(target))


@functools.cache
def _renameat2() -> Any:
    """glibc's renameat2 (Linux 3.15, glibc 2.28), or None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: a build with nothing to switch does without it

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _put_back(staging: Path, out_dir: Path) -> None:
    """A partnership folder set aside by a build killed before it put the new one in place goes back."""
    for entry in os.scandir(staging):
        slug = entry.name.removesuffix(_ASIDE)
        aside = entry.name.endswith(_ASIDE) and is_slug(slug) and entry.is_dir(follow_symlinks=False)
        if aside and not os.path.lexists(out_dir / slug):
            Path(entry.path).rename(out_dir / slug)


def _try_lock(folder: Path) -> int | None:
    """An open descriptor holding the folder's lock (-1 where locks are unsupported); None when
    another process holds it. Forked workers inherit the descriptor, and so hold the lock too."""
    if sys.platform == "win32":
        return -1
    descriptor = os.open(folder, _FOLDER)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    except OSError:
        pass  # a file system without locks: whether its process lives decides alone
    return descriptor


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # Windows' os.kill ends the process instead of probing it; leave the folder be
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
