"""Which PDFs a partnership's new folder keeps, makes or leaves out.

A PDF belongs to the exact .docx it was made from: the manifest records, in each document's entry,
its PDF's sha256 and the sha256 of the .docx converted (`pdf_sha256`, `pdf_from`). In a folder a build
writes, an earlier PDF is carried over only while that record holds: made from the .docx the new
folder has under that name, and still the bytes recorded. Any other (beside a document rendered
anew, left by a failed or killed run of an earlier version, replaced in output/) is made again with
--pdf, and otherwise left out of the new folder, with a line saying so: it would show another
document than the one beside it. A release believes no record, as it believes no manifest: every PDF
of a folder it writes is one it made; so does `--force --pdf` (PDFs change with the fonts installed).

The PDFs are made in the staging folder, from the very bytes the new folder will hold, before any
folder is switched: when LibreOffice fails, or is missing, nothing is switched. A build with --pdf
also writes the folders of partnerships whose documents are current but whose PDFs are missing or
do not hold, and only those.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.manifest import MANIFEST_NAME, MAX_DOCUMENT_BYTES, PDF_FIELDS, read_regular_file, sha256
from pipeline.pdf import PdfJob, Progress, convert
from pipeline.staging import FolderUpdate, current_manifest, documents_in

WORK_FOLDER = ".libreoffice"
"""LibreOffice's copies, outputs and profiles, in the staging folder: a killed build's go with it."""


@dataclass(frozen=True)
class FolderPdfs:
    keep: dict[str, dict[str, str]]
    """By document name, the manifest fields of each earlier PDF carried over."""
    convert: dict[str, Path]
    """By document name, the .docx to make a PDF of."""
    drop: frozenset[str]
    """File names of earlier PDFs left out of the new folder."""


@dataclass(frozen=True)
class SettledPdfs:
    updates: list[FolderUpdate]
    """The updates, each with the PDFs its new folder has and those it leaves out."""
    made: list[Path]
    """Where the PDFs made will be once switched in."""
    removed: list[Path]
    """Earlier PDFs that go with no new one in their place."""


def plan_folder(
    current: Path, staged: Path, rendered: dict[str, str], built: Iterable[str], want: bool, trusted: bool
) -> FolderPdfs:
    """What becomes of the PDF of each document the new folder of `current` will list.

    `rendered` names the documents just rendered (their .docx in `staged`) with their sha256; `built`
    the kinds rendered, whose earlier documents not rendered again the new folder drops. `want`: make
    the PDFs missing (--pdf); `trusted`: believe the records of earlier PDFs."""
    previous, _ = current_manifest(current)
    entries, _ = documents_in(previous, current / MANIFEST_NAME)
    earlier = {entry["name"]: entry for entry in entries}
    kinds = set(built)
    documents: dict[str, tuple[Path, str | None]] = {n: (staged / f"{n}.docx", d) for n, d in rendered.items()}
    for entry in entries:
        if entry["name"] not in documents and entry["kind"] not in kinds:
            documents[entry["name"]] = (current / f"{entry['name']}.docx", None)
    keep: dict[str, dict[str, str]] = {}
    to_convert: dict[str, Path] = {}
    drop = set()
    for name, (docx, digest) in documents.items():
        old = earlier.get(name, {})
        recorded = trusted and all(field in old for field in PDF_FIELDS)
        if recorded or want:
            # A .docx that is not a regular file (a link, say) is none partnerdocs can vouch for: no PDF.
            digest = digest or _digest(docx)
        pdf = current / f"{name}.pdf"
        if recorded and digest and old["pdf_from"] == digest and _digest(pdf) == old["pdf_sha256"]:
            keep[name] = {field: old[field] for field in PDF_FIELDS}
            continue
        if want and digest:
            to_convert[name] = docx
        if os.path.lexists(pdf):
            drop.add(pdf.name)
    return FolderPdfs(keep, to_convert, frozenset(drop))


def needs_pdfs(folder: Path) -> bool:
    """Whether a document listed in the folder's manifest lacks a PDF made from it."""
    return bool(plan_folder(folder, folder, {}, (), want=True, trusted=True).convert)


def settle_pdfs(
    root: Path,
    out_dir: Path,
    updates: list[FolderUpdate],
    want: bool,
    trusted: bool,
    instances: int = 1,
    progress: Progress | None = None,
) -> SettledPdfs:
    """Make in the staging folder `root` the PDFs the new folders need (with `want`), and say for each
    folder which PDFs it has and which earlier ones it leaves out. Raises PartnerdocsError, before
    anything is switched, when LibreOffice cannot make one."""
    plans = []
    for update in updates:
        rendered = {entry.name: entry.sha256 for entry in update.entries}
        plans.append(plan_folder(out_dir / update.slug, root / update.slug, rendered, update.inputs, want, trusted))
    jobs = [
        PdfJob(docx, root / update.slug / f"{name}.pdf", str(out_dir / update.slug / f"{name}.docx"))
        for update, plan in zip(updates, plans, strict=True)
        for name, docx in plan.convert.items()
    ]
    made = convert(jobs, root / WORK_FOLDER, instances, progress)
    settled, removed = [], []
    for update, plan in zip(updates, plans, strict=True):
        pdfs = dict(plan.keep)
        pdfs.update({name: made[root / update.slug / f"{name}.pdf"].fields(name) for name in plan.convert})
        settled.append(dataclasses.replace(update, pdfs=pdfs, drop=plan.drop))
        removed += [out_dir / update.slug / pdf for pdf in sorted(plan.drop) if pdf.removesuffix(".pdf") not in pdfs]
    return SettledPdfs(settled, [out_dir / target.relative_to(root) for target in made], removed)


def _digest(path: Path) -> str | None:
    try:
        return sha256(read_regular_file(path, MAX_DOCUMENT_BYTES))
    except OSError:
        return None
