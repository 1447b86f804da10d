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
from collections.abc import Iterable
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


SOURCE_LANGUAGE = "en"
"""The language of each kind's own template (`mou.docx`); a template in another language is `mou.es.docx`."""


def language_templates(kind_id: str, folder: Path | None = None) -> dict[str, Path]:
    """The kind's templates in languages other than English, by the tag in their names ('es' for mou.es.docx):
    partnerdocs' own, and the override folder's, which win."""
    found: dict[str, Path] = {}
    for name in _packaged_names():
        tag = _tag_in(name, kind_id)
        if tag:
            found[tag] = packaged_template(name)
    chosen = override_folder(folder)
    if chosen is not None:
        for path in sorted(chosen.glob(f"{kind_id}.*.docx")):
            tag = _tag_in(path.name, kind_id)
            if tag and path.is_file():
                found[tag] = path
    return found


def template_key(kind_id: str, tag: str, available: Iterable[str]) -> str | None:
    """Which of the `available` template keys ('mou', 'mou.es') renders the kind in `tag`: the tag's own
    ('es-US' reads mou.es-US, then mou.es), English's for an English variety, None when there is none."""
    subtags = tag.split("-")
    keys = set(available)
    for n in range(len(subtags), 0, -1):
        key = f"{kind_id}.{'-'.join(subtags[:n])}"
        if key in keys:
            return key
    if subtags[0].lower() == SOURCE_LANGUAGE and kind_id in keys:
        return kind_id
    return None


def _tag_in(file_name: str, kind_id: str) -> str | None:
    prefix, suffix = f"{kind_id}.", ".docx"
    if not (file_name.startswith(prefix) and file_name.endswith(suffix)):
        return None
    tag = file_name[len(prefix) : -len(suffix)]
    return tag if tag and "." not in tag else None


def _packaged_names() -> list[str]:
    resource = importlib.resources.files("pipeline") / "templates"
    if resource.is_dir():
        return sorted(item.name for item in resource.iterdir())
    if _CHECKOUT_TEMPLATES.is_dir():
        return sorted(path.name for path in _CHECKOUT_TEMPLATES.iterdir())
    return []


def describe(folder: Path | None) -> str:
    """Which templates a command given `--templates folder` reads, for messages."""
    chosen = override_folder(folder)
    if chosen is None:
        return "partnerdocs' own templates"
    return f"the templates in {chosen} (partnerdocs' own for the kinds it has no file for)"
