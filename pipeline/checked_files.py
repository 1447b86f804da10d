"""Which output files a build already found as built, so a no-op build need not read them again.

A build keeps a document only while its files have the checksums its manifest records. Reading and
hashing every file (80 MB for a thousand documents) would double the cost of a build that changes
nothing, so each file a build wrote or checked is remembered with its size, modification time and
inode: while those are unchanged the recorded checksum stands. The record lives in the user's cache
folder (`$XDG_CACHE_HOME/partnerdocs`, else `~/.cache/partnerdocs`), one file per output folder, never
in the output folder: builds of the same inputs stay byte-identical there. A record that cannot be read
or written is simply not used.

The record is a cache for ordinary builds only. Someone who edits a document and restores its size
and time could pass it, as they could rewrite the manifest; `build --release` never consults either
(it renders everything it publishes), and `verify` compares against a fresh render.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pipeline.write import write_atomically

_MAX_BYTES = 16 * 1024 * 1024


def cache_folder() -> Path:
    """partnerdocs' folder in the user's cache: `$XDG_CACHE_HOME/partnerdocs`, else `~/.cache/partnerdocs`."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "partnerdocs"


def record_path(out_dir: Path) -> Path:
    """Where the record of `out_dir` is kept: the cache folder, named after the output folder's path."""
    base = cache_folder()
    digest = hashlib.sha256(str(out_dir.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return base / f"checked-{digest}.json"


class CheckedFiles:
    """The files of one output folder found as built, by path relative to it."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._seen: dict[str, list[int | str]] = {}
        self.path: Path | None
        self._changed = False
        try:
            self.path = record_path(out_dir)
        except (OSError, RuntimeError):  # RuntimeError: no home folder to find
            self.path = None
            return
        try:
            if self.path.is_file() and not self.path.is_symlink() and self.path.stat().st_size <= _MAX_BYTES:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                self._seen = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self._seen = {}

    def known(self, path: Path, digest: str) -> bool:
        """True when `path` was found with checksum `digest` and has not changed since."""
        stamp = _stamp(path)
        return stamp is not None and self._seen.get(self._key(path)) == [*stamp, digest]

    def remember(self, path: Path, digest: str) -> None:
        stamp = _stamp(path)
        if stamp is not None:
            self._seen[self._key(path)] = [*stamp, digest]
            self._changed = True

    def save(self) -> None:
        """Write the record when something was added (a build that only skips writes nothing)."""
        if not self._changed or self.path is None:
            return
        kept = {key: value for key, value in sorted(self._seen.items()) if (self.out_dir / key).is_file()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(kept).encode("utf-8"))
        except OSError:
            pass  # a cache: the next build checks the files again

    def _key(self, path: Path) -> str:
        return path.relative_to(self.out_dir).as_posix()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino
