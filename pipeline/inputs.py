"""The inputs of a build: which partnership files there are, and which templates, with their digests.

Shared by pipeline.partnerships (validate, lint), pipeline.documents (render) and pipeline.build,
which all sit above it: it imports none of them, so the modules' imports form no cycle. It imports
nothing heavy, so a build with nothing to do stays fast.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.approval_folder import partnership_file_of
from pipeline.errors import PartnerdocsError, Problem
from pipeline.kinds import DocumentKind
from pipeline.template_files import language_templates, template_path

DEFAULT_PARTNERSHIPS_DIR = Path("partnerships")
# schemas.types.ID_PATTERN, repeated here so that looking at a file name imports no pydantic (a test
# checks that the two agree). A file whose name fails it is reported by validation; a build never joins
# that name to the output folder (`..yaml` would otherwise name the output folder itself).
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$")


@dataclass(frozen=True)
class Template:
    path: Path
    sha256: str


def is_slug(name: str) -> bool:
    """True for a name that may be a partnership's folder: lowercase letters, digits and inner dashes."""
    return SLUG.match(name) is not None


def find_partnership_files(paths: Sequence[Path]) -> list[Path]:
    """The YAML files named, or found in the folders named (default: ./partnerships), each once.

    An approvals folder, or an approval file, named stands for its partnership file (pipeline.approval_folder):
    a pre-commit hook passes every file a commit changes, and an approval is checked with its partnership."""
    roots = list(paths) or [DEFAULT_PARTNERSHIPS_DIR]
    files: list[Path] = []
    for root in roots:
        owner = partnership_file_of(root)
        if owner is not None:
            files.append(owner)
        elif root.is_dir():
            files += sorted(p for p in root.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
        else:
            files.append(root)
    if not files:
        where = ", ".join(str(r) for r in roots)
        raise PartnerdocsError([Problem(where, message="no partnership files (*.yaml) found here")])
    return list(dict.fromkeys(files))


def duplicate_slug_problems(files: Iterable[Path]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for path in files:
        if path.stem in seen:
            message = f"another file, {seen[path.stem]}, has the same name; documents would overwrite each other"
            problems.append(Problem(str(path), 1, 1, message=message))
        seen.setdefault(path.stem, path)
    return problems


def template_digests(kinds: Iterable[DocumentKind], templates_dir: Path | None = None) -> dict[str, Template]:
    """Each kind's template (pipeline.template_files chooses which) with the hash of its bytes: the same bytes
    give the same digest wherever they are read from. Keyed by kind ('mou'), and by kind and language for the
    templates in other languages ('mou.es'). A missing template is a problem."""
    if templates_dir is not None and not templates_dir.is_dir():
        raise PartnerdocsError([Problem(str(templates_dir), message="there is no folder of templates here")])
    templates, problems = {}, []
    for kind in kinds:
        path = template_path(kind.template_name, templates_dir)
        try:
            templates[kind.id] = Template(path, hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            problems.append(Problem(str(path), message=f"the {kind.id} template is missing: reinstall partnerdocs"))
        for tag, path in language_templates(kind.id, templates_dir).items():
            try:
                templates[f"{kind.id}.{tag}"] = Template(path, hashlib.sha256(path.read_bytes()).hexdigest())
            except OSError as error:
                problems.append(Problem(str(path), message=f"cannot read this template: {error.strerror}"))
    if problems:
        raise PartnerdocsError(problems)
    return templates
