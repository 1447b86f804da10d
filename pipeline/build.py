"""The build: decide what is out of date, render it (in parallel), and move it into place all at once.

Every document is rendered into a hidden staging folder inside the output folder; only when every
partnership succeeded are the files renamed into place (each rename is atomic), so a failed build
or a refused release leaves the previous outputs exactly as they were. A partnership whose inputs
(its YAML, the templates, the partnerdocs code, its git history) are unchanged since the manifest
was written is skipped without even being parsed; this module imports nothing heavy for that.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.errors import PartnerdocsError, Problem
from pipeline.inputs import Template, duplicate_slug_problems, find_partnership_files, template_digests
from pipeline.kinds import KINDS, TEMPLATES_DIR
from pipeline.manifest import MANIFEST_NAME, read_manifest, sha256, write_manifest

if TYPE_CHECKING:
    from pipeline.documents import PartnershipResult, StagedDocument
    from pipeline.history import SourceHistory

STAGING_PREFIX = ".partnerdocs-staging-"
Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    documents: list[StagedDocument] = field(default_factory=list)
    """The documents written by this build."""
    unchanged: int = 0
    """Documents left as they were because nothing they depend on changed."""
    skipped: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

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
    return digest.hexdigest()


def build(
    paths: Sequence[Path],
    out_dir: Path,
    kinds: Iterable[str] = (),
    templates_dir: Path = TEMPLATES_DIR,
    progress: Progress | None = None,
    release: bool = False,
    strict: bool = False,
    jobs: int = 1,
    force: bool = False,
) -> BuildReport:
    """Build what is out of date; refuse (writing nothing) on any problem, lint finding with strict,
    or, with release, draft document or finding of a rule that blocks a release (a contradiction)."""
    from pipeline.history import NO_HISTORY, source_histories

    chosen = [KINDS[k] for k in kinds] or list(KINDS.values())
    files = find_partnership_files(paths)
    problems = duplicate_slug_problems(files)
    templates = template_digests(chosen, templates_dir)
    histories = source_histories(files)
    version = code_version()
    report = BuildReport()
    to_build = []
    for path in files:
        history = histories.get(path.resolve(), NO_HISTORY)
        source_sha256 = sha256(path.read_bytes())
        keys = {k.id: _input_key(version, source_sha256, templates[k.id], history.commit) for k in chosen}
        current = {} if force else _current_documents(out_dir / path.stem, keys)
        stale = {kind: key for kind, key in keys.items() if kind not in current}
        if stale:
            to_build.append((path, history, source_sha256, stale))
            if (out_dir / path.stem).is_symlink():
                message = f"{out_dir / path.stem} is a symbolic link; partnerdocs never writes through links"
                problems.append(Problem(str(path), message=message))
        for entries in current.values():
            report.unchanged += len(entries)
            if release:
                problems += _release_problems_from_manifest(path, entries)
        if release and not stale:
            # Nothing to render, so nothing linted it: a contradiction must still stop the release.
            problems += _release_lint_problems(path)
    _remove_stale_staging(out_dir)
    out_dir_existed = out_dir.exists()
    staging = out_dir / f"{STAGING_PREFIX}{os.getpid()}"
    try:
        results = _run(to_build, templates, staging, out_dir, strict, release, jobs, progress)
        for result in results:
            problems += result.problems
            # Lint findings are errors with --strict, and for the rules that block a release with --release.
            problems += [w for w in result.warnings if w.severity == "error"]
            report.warnings += [w for w in result.warnings if w.severity != "error"]
            report.skipped += result.skipped
            report.documents += result.documents
            if release:
                problems += [_not_final(result.path, d.entry.name, d.reasons) for d in result.documents if not d.final]
        if problems:
            # A broken template fails every partnership the same way: say it once.
            raise PartnerdocsError(list(dict.fromkeys(problems)))
        _move_into_place(results, out_dir, {path: keys for path, _, _, keys in to_build})
    except OSError as error:
        raise _cannot_write(out_dir, error) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not out_dir_existed and out_dir.is_dir() and not any(out_dir.iterdir()):
            out_dir.rmdir()
    return report


def _cannot_write(out_dir: Path, error: OSError) -> PartnerdocsError:
    reason = error.strerror or str(error)
    where = f" ({error.filename})" if error.filename else ""
    message = f"cannot write the documents: {reason}{where}; earlier documents are unchanged"
    return PartnerdocsError([Problem(str(out_dir), message=message)])


def _input_key(version: str, source_sha256: str, template: Template, commit: str | None) -> str:
    payload = f"{version}\n{source_sha256}\n{template.sha256}\n{commit or ''}"
    return hashlib.sha256(payload.encode()).hexdigest()


def _current_documents(folder: Path, keys: dict[str, str]) -> dict[str, list[dict[str, object]]]:
    """The manifest entries of each kind that is up to date (same inputs, files present), by kind."""
    manifest = read_manifest(folder / MANIFEST_NAME)
    built = manifest.get("inputs")
    if not isinstance(built, dict):
        return {}
    entries = [e for e in manifest.get("documents", []) if isinstance(e, dict)]
    current = {}
    for kind, key in keys.items():
        mine = [e for e in entries if e.get("kind") == kind]
        if built.get(kind) == key and all((folder / str(e.get("path"))).is_file() for e in mine):
            current[kind] = mine
    return current


def _not_final(path: Path, name: str, reasons: str) -> Problem:
    return Problem(str(path), path=f"approvals ({name})", message=f"{name} is not final: {reasons}")


def _release_problems_from_manifest(path: Path, entries: list[dict[str, object]]) -> list[Problem]:
    problems = []
    for entry in entries:
        if entry.get("status") != "final":
            reasons = str(entry.get("draft_reasons") or "not approved")
            problems.append(_not_final(path, str(entry.get("name")), reasons))
    return problems


def _release_lint_problems(path: Path) -> list[Problem]:
    """The findings that block a release, for a file whose documents are all up to date."""
    from pipeline.lint import lint
    from pipeline.partnerships import load_one

    loaded, problems = load_one(path)
    if loaded is None:
        return problems
    findings = lint(loaded.source, loaded.partnership, release=True)
    return [finding for finding in findings if finding.severity == "error"]


def _run(
    work: list[tuple[Path, SourceHistory, str, dict[str, str]]],
    templates: dict[str, Template],
    staging: Path,
    out_dir: Path,
    strict: bool,
    release: bool,
    jobs: int,
    progress: Progress | None,
) -> list[PartnershipResult]:
    if not work:
        return []
    from pipeline.documents import build_one

    staging.mkdir(parents=True, exist_ok=True)
    arguments = [
        (path, list(stale), templates, history, source_sha256, staging, out_dir, strict, release)
        for path, history, source_sha256, stale in work
    ]
    if jobs <= 1 or len(work) == 1:
        results = []
        for done, args in enumerate(arguments, 1):
            results.append(build_one(*args))
            if progress:
                progress(done, len(work))
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from pipeline.render import prepare

    for kind in sorted({kind for *_, stale in work for kind in stale}):
        # Here, so that forked workers share it. A broken template is left for each worker to report
        # beside its file's other problems, as a serial build does.
        with contextlib.suppress(PartnerdocsError):
            prepare(templates[kind].path)

    # fork: workers start with the modules imported and the templates compiled, so each starts working
    # at once. Windows has no fork; there the workers start afresh and read the templates themselves.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=context) as pool:
        futures = {pool.submit(build_one, *args): index for index, args in enumerate(arguments)}
        ordered: list[PartnershipResult | None] = [None] * len(arguments)
        for done, future in enumerate(as_completed(futures), 1):
            ordered[futures[future]] = future.result()
            if progress:
                progress(done, len(work))
    return [result for result in ordered if result is not None]


def _move_into_place(results: list[PartnershipResult], out_dir: Path, keys: dict[Path, dict[str, str]]) -> None:
    for result in results:
        folder = out_dir / result.path.stem
        if not result.documents and not (folder / MANIFEST_NAME).is_file():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        _remove_documents_no_longer_made(folder, result, keys[result.path])
        for document in result.documents:
            # A rename replaces the directory entry: a symlink at the target is replaced, never followed.
            document.staged.replace(document.target)
            document.staged_text.replace(document.target.with_suffix(".txt"))
        write_manifest(folder, result.source, [d.entry for d in result.documents], keys[result.path])


def _remove_documents_no_longer_made(folder: Path, result: PartnershipResult, kinds: dict[str, str]) -> None:
    """A letter whose writer left, say: its old files would otherwise look current."""
    made = {d.entry.name for d in result.documents}
    for entry in read_manifest(folder / MANIFEST_NAME).get("documents", []):
        name = str(entry.get("name", ""))
        if entry.get("kind") in kinds and name not in made and name:
            for suffix in (".docx", ".txt", ".pdf"):
                (folder / f"{name}{suffix}").unlink(missing_ok=True)


def _remove_stale_staging(out_dir: Path) -> None:
    """Staging folders left by a build that was killed: their process no longer exists."""
    if not out_dir.is_dir():
        return
    for folder in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = folder.name.removeprefix(STAGING_PREFIX)
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


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
