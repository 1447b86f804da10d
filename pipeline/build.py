"""The build: decide what is out of date, render it (in parallel), and move it into place all at once.

Every document is rendered into a hidden staging folder inside the output folder; only when every
partnership succeeded are the files renamed into place (each rename is atomic), so a failed build
or a refused release leaves the previous outputs exactly as they were. A partnership whose inputs
(its YAML, the templates, the partnerdocs code, its git history) are unchanged since the manifest
was written, and whose files are still as built, is skipped without even being parsed; this module
imports nothing heavy for that. A release renders everything: what it publishes is decided from
what it renders, never from a status recorded in output/.
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
from pipeline.kinds import KINDS, TEMPLATES_DIR, DocumentKind
from pipeline.manifest import MANIFEST_NAME, current_documents, read_manifest, sha256, write_manifest

if TYPE_CHECKING:
    from pipeline.documents import PartnershipResult, StagedDocument
    from pipeline.history import SourceHistory

DEFAULT_PARTNERSHIPS_DIR = Path("partnerships")
STAGING_PREFIX = ".partnerdocs-staging-"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Template:
    path: Path
    sha256: str


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


def find_partnership_files(paths: Sequence[Path]) -> list[Path]:
    """The YAML files named, or found in the folders named (default: ./partnerships)."""
    roots = list(paths) or [DEFAULT_PARTNERSHIPS_DIR]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files += sorted(p for p in root.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
        else:
            files.append(root)
    if not files:
        where = ", ".join(str(r) for r in roots)
        raise PartnerdocsError([Problem(where, message="no partnership files (*.yaml) found here")])
    return files


def duplicate_slug_problems(files: Iterable[Path]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for path in files:
        if path.stem in seen:
            message = f"another file, {seen[path.stem]}, has the same name; documents would overwrite each other"
            problems.append(Problem(str(path), 1, 1, message=message))
        seen.setdefault(path.stem, path)
    return problems


def template_digests(kinds: Iterable[DocumentKind], templates_dir: Path) -> dict[str, Template]:
    """Each kind's template with the hash of its bytes; a missing template is a problem."""
    templates, problems = {}, []
    for kind in kinds:
        path = templates_dir / kind.template_name
        try:
            templates[kind.id] = Template(path, sha256(path.read_bytes()))
        except OSError:
            problems.append(Problem(str(path), message=f"the {kind.id} template is missing"))
    if problems:
        raise PartnerdocsError(problems)
    return templates


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
        # The manifest is a cache, never an authority: a release renders all it would publish.
        current, unreadable = ({}, []) if force or release else current_documents(out_dir / path.stem, keys)
        report.warnings += unreadable
        stale = {kind: key for kind, key in keys.items() if kind not in current}
        if stale:
            to_build.append((path, history, source_sha256, stale))
            if (out_dir / path.stem).is_symlink():
                message = f"{out_dir / path.stem} is a symbolic link; partnerdocs never writes through links"
                problems.append(Problem(str(path), message=message))
        report.unchanged += sum(len(entries) for entries in current.values())
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


def _not_final(path: Path, name: str, reasons: str) -> Problem:
    return Problem(str(path), path=f"approvals ({name})", message=f"{name} is not final: {reasons}")


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
