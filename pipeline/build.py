"""The build: decide what is out of date, render it (in parallel), and move it into place all at once.

Every document is rendered into a fresh staging folder of this build inside the output folder; only
when every partnership succeeded is each partnership's folder switched for its new one, in one rename
(pipeline.staging), so a failed build or a refused release leaves the previous outputs exactly as they
were. A partnership whose inputs (its YAML, its approval files, the templates, the partnerdocs code, its
git history) are unchanged since the manifest was written, and whose files are still as built, is skipped
without even being parsed; this module imports nothing heavy for that. A release renders everything: what it
publishes is decided from what it renders, never from a status recorded in output/. PDFs (--pdf) are
part of the build: made in the staging folder before anything is switched (pipeline.pdf_plan).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.approval_folder import approvals_digest, orphaned_folder_problems
from pipeline.checked_files import CheckedFiles
from pipeline.errors import PartnerdocsError, Problem
from pipeline.i18n import PACKAGED_CATALOGS, local_catalogs_digest
from pipeline.input_file import read_partnership_file
from pipeline.inputs import Template, duplicate_slug_problems, find_partnership_files, is_slug, template_digests
from pipeline.kinds import KINDS
from pipeline.manifest import current_documents, sha256
from pipeline.pdf import require_soffice
from pipeline.pdf_plan import needs_pdfs, settle_pdfs
from pipeline.staging import (
    FolderUpdate,
    Staging,
    link_problems,
    move_into_place,
    output_link_problem,
    remove_stale_staging,
)

if TYPE_CHECKING:
    from pipeline.documents import PartnershipResult, StagedDocument
    from pipeline.history import SourceHistory

Progress = Callable[[int, int], None]
Finished = Callable[["PartnershipResult", int, int], None]
"""Called with each partnership's result as soon as it is rendered (before anything is put in place), and
how many of how many are done: what a log shows of a long build."""


@dataclass(frozen=True)
class _Settings:
    strict: bool
    release: bool
    jobs: int
    progress: Progress | None
    finished: Finished | None
    pdf: bool
    trusted: bool
    """Whether the records of earlier PDFs in output/ are believed: not by a release, nor by --force --pdf."""
    pdf_progress: Progress | None
    all_final: bool = False
    """With release: refuse unless every document is final (a coalition's strict mode)."""


@dataclass
class BuildReport:
    documents: list[StagedDocument] = field(default_factory=list)
    """The documents written by this build."""
    unchanged: int = 0
    """Documents left as they were because nothing they depend on changed."""
    kept: list[tuple[Path, dict[str, Any]]] = field(default_factory=list)
    """Those documents: their folder and their manifest entry (checked against their files)."""
    skipped: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    """The PDFs made by this build."""
    removed_pdfs: list[Path] = field(default_factory=list)
    """Earlier PDFs this build removed: not known to be made from the .docx now beside them."""

    @property
    def written(self) -> list[Path]:
        return [d.target for d in self.documents]


def code_version() -> str:
    """partnerdocs' version and a hash of its code: a change to either rebuilds everything."""
    digest = hashlib.sha256(__version__.encode())
    package_root = Path(__file__).resolve().parent.parent
    for folder in ("pipeline", "schemas"):
        for source in sorted((package_root / folder).rglob("*.py")):
            digest.update(source.read_bytes())
    for catalog in sorted(PACKAGED_CATALOGS.rglob("*.po")):  # a translation changes the documents too
        digest.update(catalog.read_bytes())
    return digest.hexdigest()


def build(
    paths: Sequence[Path],
    out_dir: Path,
    kinds: Iterable[str] = (),
    templates_dir: Path | None = None,
    progress: Progress | None = None,
    release: bool = False,
    strict: bool = False,
    jobs: int = 1,
    force: bool = False,
    pdf: bool = False,
    pdf_progress: Progress | None = None,
    all_final: bool = False,
    finished: Finished | None = None,
) -> BuildReport:
    """Build what is out of date; refuse (writing nothing) on any problem or lint finding with strict. A
    release renders everything, believing nothing in output/, and writes drafts too (`publish` then
    publishes the final ones); with all_final it refuses unless every document is final and no rule holds
    one back (pipeline.holds). With pdf, every document of the partnerships built gets a PDF made from it,
    or nothing is written."""
    from pipeline.history import NO_HISTORY, source_histories

    linked = output_link_problem(out_dir)
    if linked:
        raise PartnerdocsError([linked])
    if pdf:
        require_soffice()  # before any work: a build that cannot make its PDFs writes nothing
    # A release believes nothing in output/; --force --pdf makes every PDF again (after new fonts, say).
    release = release or all_final
    trusted = not (release or (force and pdf))
    settings = _Settings(strict, release, jobs, progress, finished, pdf, trusted, pdf_progress, all_final)
    chosen = [KINDS[k] for k in kinds] or list(KINDS.values())
    files = find_partnership_files(paths)
    problems = duplicate_slug_problems(files) + orphaned_folder_problems(files) + link_problems(out_dir, files)
    templates = template_digests(chosen, templates_dir)
    histories = source_histories(files)
    version = code_version() + local_catalogs_digest()
    kind_templates = {kind.id: _templates_digest(kind.id, templates) for kind in chosen}
    report = BuildReport()
    to_build, pdfs_only = [], []
    checked = CheckedFiles(out_dir)
    for path in files:
        history = histories.get(path.resolve(), NO_HISTORY)
        try:
            source_sha256 = sha256(read_partnership_file(path))
        except PartnerdocsError as error:  # not a regular file, or too big: said once, with the others
            problems += error.problems
            continue
        # A new approval file makes the partnership's documents out of date, so the next build makes them final.
        approvals = approvals_digest(path)
        keys = {
            k.id: _input_key(version, source_sha256, approvals, kind_templates[k.id], history.commit) for k in chosen
        }
        folder = out_dir / path.stem
        # A file whose name is no slug is rendered, so that validation says what is wrong with it. The manifest
        # is a cache, never an authority: a release renders all it would publish.
        readable = is_slug(path.stem) and not folder.is_symlink() and not (force or release)
        current, unreadable = current_documents(folder, keys, checked) if readable else ({}, [])
        report.warnings += unreadable
        stale = {kind: key for kind, key in keys.items() if kind not in current}
        if stale:
            to_build.append((path, history, source_sha256, stale))
        elif pdf and readable and needs_pdfs(folder):
            pdfs_only.append(path.stem)
        report.unchanged += sum(len(entries) for entries in current.values())
        report.kept += [(folder, entry) for kind in sorted(current) for entry in current[kind]]
    out_dir_existed = out_dir.exists()
    try:
        remove_stale_staging(out_dir)
        if to_build or (pdfs_only and not problems):
            _build_and_switch(to_build, pdfs_only, templates, out_dir, problems, report, settings)
            for document in report.documents:  # as written: the next build need not read them again
                checked.remember(document.target, document.entry.sha256)
                checked.remember(document.target.with_suffix(".txt"), document.entry.text_sha256)
        elif problems:
            raise PartnerdocsError(list(dict.fromkeys(problems)))
    except OSError as error:
        raise _cannot_write(out_dir, error) from error
    finally:
        if not out_dir_existed and out_dir.is_dir() and not any(out_dir.iterdir()):
            out_dir.rmdir()
    checked.save()
    report.warnings = list(dict.fromkeys(report.warnings))
    return report


def _build_and_switch(
    to_build: list[tuple[Path, SourceHistory, str, dict[str, str]]],
    pdfs_only: list[str],
    templates: dict[str, Template],
    out_dir: Path,
    problems: list[Problem],
    report: BuildReport,
    settings: _Settings,
) -> None:
    """Render every stale partnership into a fresh staging folder, make the PDFs there, then switch their
    folders at once. `pdfs_only` names the partnerships whose documents are current but PDFs are not."""
    staging = Staging(out_dir)
    try:
        results = _run(to_build, templates, staging.root, out_dir, settings)
        for result in results:
            problems += result.problems
            # Lint findings are errors with --strict, and for the rules that hold documents back with
            # --all-final; without it those documents are drafts (pipeline.holds), listed, not errors.
            problems += [w for w in result.warnings if w.severity == "error"]
            report.warnings += [w for w in result.warnings if w.severity != "error"]
            report.skipped += result.skipped
            report.documents += result.documents
            if settings.all_final:
                problems += [_not_final(result.path, d.entry.name, d.reasons) for d in result.documents if not d.final]
        if problems:
            # A broken template fails every partnership the same way: say it once.
            raise PartnerdocsError(list(dict.fromkeys(problems)))
        keys = {path: stale for path, _, _, stale in to_build}
        updates = [FolderUpdate(r.path.stem, [d.entry for d in r.documents], r.source, keys[r.path]) for r in results]
        updates += [FolderUpdate(slug, [], {}, {}) for slug in pdfs_only]
        # Two LibreOffice instances where the build may use two processes, each converting a share; no
        # more, as each is a whole office suite in memory.
        instances = min(settings.jobs, 2)
        pdfs = settle_pdfs(
            staging.root, out_dir, updates, settings.pdf, settings.trusted, instances, settings.pdf_progress
        )
        report.warnings += move_into_place(staging, out_dir, pdfs.updates)
        report.pdfs, report.removed_pdfs = sorted(pdfs.made), pdfs.removed
    finally:
        staging.remove()


def _cannot_write(out_dir: Path, error: OSError) -> PartnerdocsError:
    reason = error.strerror or str(error)
    where = f" ({error.filename})" if error.filename else ""
    message = f"cannot write the documents: {reason}{where}; earlier documents are unchanged"
    return PartnerdocsError([Problem(str(out_dir), message=message)])


def _templates_digest(kind_id: str, templates: dict[str, Template]) -> str:
    """The digest of a kind's templates in every language ('mou', 'mou.es'): a new translation rebuilds it."""
    keys = sorted(key for key in templates if key == kind_id or key.startswith(f"{kind_id}."))
    if keys == [kind_id]:
        return templates[kind_id].sha256  # a kind in one language keys its documents as it always has
    return hashlib.sha256("\n".join(f"{key} {templates[key].sha256}" for key in keys).encode()).hexdigest()


def _input_key(version: str, source_sha256: str, approvals: str, templates_sha256: str, commit: str | None) -> str:
    payload = f"{version}\n{source_sha256}\n{approvals}\n{templates_sha256}\n{commit or ''}"
    return hashlib.sha256(payload.encode()).hexdigest()


def _not_final(path: Path, name: str, reasons: str) -> Problem:
    return Problem(str(path), path=f"approvals ({name})", message=f"{name} is not final: {reasons}")


def _run(
    work: list[tuple[Path, SourceHistory, str, dict[str, str]]],
    templates: dict[str, Template],
    staging: Path,
    out_dir: Path,
    settings: _Settings,
) -> list[PartnershipResult]:
    if not work:
        return []
    from pipeline.documents import build_one

    jobs = settings.jobs
    arguments = [
        (path, list(stale), templates, history, source_sha256, staging, out_dir, settings.strict, settings.all_final)
        for path, history, source_sha256, stale in work
    ]

    def done_with(result: PartnershipResult, done: int) -> PartnershipResult:
        if settings.progress:
            settings.progress(done, len(work))
        if settings.finished:
            settings.finished(result, done, len(work))
        return result

    if jobs <= 1 or len(work) == 1:
        return [done_with(build_one(*args), done) for done, args in enumerate(arguments, 1)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from pipeline.render import prepare
    from pipeline.workers import start_worker

    kinds = {kind for *_, stale in work for kind in stale}
    for key in sorted(key for key in templates if key.split(".", 1)[0] in kinds):  # 'mou', 'mou.es'
        # Here, so that forked workers share it. A broken template is left for each worker to report
        # beside its file's other problems, as a serial build does.
        with contextlib.suppress(PartnerdocsError):
            prepare(templates[key].path)

    # fork: workers start with the modules imported and the templates compiled, so each starts working
    # at once. Windows has no fork; there the workers start afresh and read the templates themselves.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    workers = min(jobs, len(work))
    # Each worker ends when this process does, even killed: see pipeline.workers.
    with ProcessPoolExecutor(workers, context, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        futures = {pool.submit(build_one, *args): index for index, args in enumerate(arguments)}
        ordered: list[PartnershipResult | None] = [None] * len(arguments)
        for done, future in enumerate(as_completed(futures), 1):
            ordered[futures[future]] = done_with(future.result(), done)
    return [result for result in ordered if result is not None]
