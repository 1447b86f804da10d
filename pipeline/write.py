"""Stage 6, write: put files in place atomically, so a reader never sees a half-written document.

Each file is written to a temporary file in the same folder and renamed over the target; a crash
leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipeline.errors import PartnerdocsError, Problem


def write_atomically(path: Path, data: bytes) -> None:
    """Replace path with data in one step; the previous file stays intact if anything fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _write_problem(path, error) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(0o644)
        # A rename swaps the directory entry: a symlink at path is replaced, never followed.
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _write_problem(path, error) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_problem(path: Path, error: OSError) -> PartnerdocsError:
    reason = error.strerror or str(error)
    return PartnerdocsError([Problem(str(path), message=f"cannot write the file: {reason}")])
