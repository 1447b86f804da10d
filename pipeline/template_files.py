"""Where each kind's Word template is read from: the coalition's own, or the one partnerdocs ships.

partnerdocs ships every template inside its package: installed, they are pipeline/templates/ (read with
importlib.resources); in this repository they are the top-level templates/ folder that staff edit in
Word, which pyproject.toml installs as pipeline/templates. A folder of templates (`--templates DIR`, or
./templates when the working directory has one, as a coalition's repository may) replaces them kind by
kind: only the files it has. Every command that renders or fingerprints a document asks this module, so
build, status, approve and verify read the same template. A template's digest is the hash of its bytes
(pipeline.inputs), so the same file gives the same fingerprints wherever it is read from.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.resources
from pathlib import Path

LOCAL_TEMPLATES = Path("templates")
"""The folder, relative to the working directory, whose templates replace partnerdocs' own by default."""

# A source checkout, run in place or installed in editable mode, keeps the templates beside the package.
_CHECKOUT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def override_folder(folder: Path | None) -> Path | None:
    """The folder whose templates replace partnerdocs' own: `folder` when given, else ./templates if any."""
    if folder is not None:
        return folder
    return LOCAL_TEMPLATES if LOCAL_TEMPLATES.is_dir() else None


def template_path(name: str, folder: Path | None = None) -> Path:
    """The template file `name` (e.g. 'mou.docx') a command given `--templates folder` reads."""
    chosen = override_folder(folder)
    if chosen is not None and (chosen / name).is_file():
        return chosen / name
    return packaged_template(name)


def packaged_template(name: str) -> Path:
    """partnerdocs' own template `name`, as a file on disk (the renderer and its cache need a path)."""
    resource = importlib.resources.files("pipeline") / "templates" / name
    if not resource.is_file():
        return _CHECKOUT_TEMPLATES / name
    if isinstance(resource, Path):
        return resource
    # Installed in a zip: extracted once to a temporary file that lasts as long as the process.
    return _extracted.enter_context(importlib.resources.as_file(resource))


def describe(folder: Path | None) -> str:
    """Which templates a command given `--templates folder` reads, for messages."""
    chosen = override_folder(folder)
    if chosen is None:
        return "partnerdocs' own templates"
    return f"the templates in {chosen} (partnerdocs' own for the kinds it has no file for)"
