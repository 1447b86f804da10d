"""Publishing: copy the final documents a release built, for one audience, into a folder to hand out.

`build --release` renders every document and records in each manifest whether it is final and whom it is
for. Publishing takes the final documents whose readers include the audience asked for (a public release
gets the MOU's public copy, never the core team's Emergency Guide), checks that each file is still exactly
as built (its sha256 in the manifest), and copies it, its PDF when there is one, and the manifest (with its
signature) into TARGET/<partnership>/. Drafts, and documents for narrower readers, are listed with the
reason; they are not errors. Nothing is copied unless everything checks: a damaged file stops it.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.audience import Audience, reaches
from pipeline.errors import PartnerdocsError, Problem
from pipeline.inputs import is_slug
from pipeline.kinds import KINDS
from pipeline.manifest import MANIFEST_NAME, MAX_DOCUMENT_BYTES, inspect_manifest, read_regular_file
from pipeline.write import write_atomically

SIGNATURE_SUFFIX = ".sig"


@dataclass
class PublishReport:
    published: list[Path] = field(default_factory=list)
    """The files copied, under the target folder."""
    drafts: list[tuple[str, str]] = field(default_factory=list)
    """(partnership/document, what it waits for) for each draft left out."""
    withheld: list[tuple[str, str]] = field(default_factory=list)
    """(partnership/document, its readers) for each final document whose readers are narrower."""


@dataclass(frozen=True)
class _Copy:
    source: Path
    target: Path
    data: bytes


def publish(out_dir: Path, target: Path, audience: Audience) -> PublishReport:
    """Copy the final documents of every partnership in `out_dir` that `audience` may read into `target`."""
    report, copies, problems = PublishReport(), [], []
    folders = sorted(p for p in out_dir.iterdir() if p.is_dir() and not p.is_symlink() and is_slug(p.name))
    for folder in folders:
        manifest, problem = inspect_manifest(folder / MANIFEST_NAME)
        if problem is not None or not manifest:
            problems.append(
                Problem(str(folder / MANIFEST_NAME), message="no manifest partnerdocs wrote: run build --release")
            )
            continue
        chosen = []
        for entry in manifest["documents"]:
            name = f"{folder.name}/{entry['name']}"
            if entry["status"] != "final":
                report.drafts.append((name, entry["draft_reasons"] or "approvals"))
                continue
            readers = _audience(entry)
            if not reaches(readers, audience):
                report.withheld.append((name, readers.value))
                continue
            chosen.append(entry)
        for entry in chosen:
            files = [(entry["path"], entry["sha256"])]
            if "pdf" in entry:
                files.append((entry["pdf"], entry["pdf_sha256"]))
            for file_name, digest in files:
                copy, problem = _checked(folder / file_name, digest, target / folder.name / file_name)
                if problem is not None:
                    problems.append(problem)
                elif copy is not None:
                    copies.append(copy)
        if chosen:
            for extra in (MANIFEST_NAME, MANIFEST_NAME + SIGNATURE_SUFFIX):
                if (folder / extra).is_file() and not (folder / extra).is_symlink():
                    data = read_regular_file(folder / extra)
                    copies.append(_Copy(folder / extra, target / folder.name / extra, data))
    if problems:
        raise PartnerdocsError(problems)
    remove_stale(target)  # what an earlier publish left must not look published now
    for copy in copies:
        write_atomically(copy.target, copy.data)
        report.published.append(copy.target)
    return report


def _audience(entry: dict[str, object]) -> Audience:
    """Whom a document is for: as its manifest says, else (an older manifest) its kind's readers."""
    recorded = entry.get("audience")
    if isinstance(recorded, str) and recorded:
        return Audience(recorded)
    kind = KINDS.get(str(entry["kind"]))
    return kind.audience_of(str(entry["name"])) if kind else Audience.core_team


def _checked(source: Path, digest: str, target: Path) -> tuple[_Copy | None, Problem | None]:
    try:
        data = read_regular_file(source, MAX_DOCUMENT_BYTES)
    except OSError as error:
        return None, Problem(str(source), message=f"cannot be published: {error.strerror or error}")
    if hashlib.sha256(data).hexdigest() != digest:
        return None, Problem(
            str(source), message="is not the file the build recorded (changed since): run build --release again"
        )
    return _Copy(source, target, data), None


def remove_stale(target: Path) -> None:
    """Empty the target folder of what an earlier publish left (only the partnership folders it writes)."""
    if target.is_dir() and not target.is_symlink():
        for folder in target.iterdir():
            if folder.is_dir() and not folder.is_symlink() and is_slug(folder.name):
                shutil.rmtree(folder)
