"""The build: load and check everything first, render in memory, and only then write.

Like mkdocs, nothing is written unless every input is valid and every document rendered, so a
failed build (or a refused release) leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import PartnerdocsError, Problem
from pipeline.kinds import KINDS, TEMPLATES_DIR, DocumentKind, PlannedDocument
from pipeline.load import SourceDocument, load_file
from pipeline.manifest import Entry, sha256, write_manifest
from pipeline.signoff import SHORT, Signoff, approval_problems, evaluate, fingerprint, required_approvers
from pipeline.validate import problem_at, validate_document
from pipeline.write import write_atomically
from schemas import Partnership

if TYPE_CHECKING:
    from pipeline.history import SourceHistory

DEFAULT_PARTNERSHIPS_DIR = Path("partnerships")


@dataclass(frozen=True)
class LoadedPartnership:
    source: SourceDocument
    partnership: Partnership

    @property
    def slug(self) -> str:
        return self.source.slug


@dataclass(frozen=True)
class RenderedDocument:
    loaded: LoadedPartnership
    kind: DocumentKind
    name: str
    docx: bytes
    text: str
    signoff: Signoff
    template_sha256: str
    source_commit: str | None

    @property
    def slug(self) -> str:
        return self.loaded.slug


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    documents: list[RenderedDocument] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


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


def load_partnerships(paths: Sequence[Path]) -> list[LoadedPartnership]:
    """Every partnership, validated; or one PartnerdocsError listing the problems of all files."""
    problems: list[Problem] = []
    loaded: list[LoadedPartnership] = []
    slugs: dict[str, Path] = {}
    for path in find_partnership_files(paths):
        try:
            source = load_file(path)
        except PartnerdocsError as error:
            problems += error.problems
            continue
        if source.slug in slugs:
            message = f"another file, {slugs[source.slug]}, has the same name; documents would overwrite each other"
            problems.append(Problem(str(path), 1, 1, message=message))
        slugs[source.slug] = path
        partnership, found = validate_document(source)
        problems += found
        if partnership is not None:
            required = required_approvals(partnership)
            problems += [problem_at(source, loc, msg) for loc, msg in approval_problems(partnership, required)]
            loaded.append(LoadedPartnership(source, partnership))
    if problems:
        raise PartnerdocsError(problems)
    return loaded


def lint_all(partnerships: Iterable[LoadedPartnership], strict: bool = False) -> list[Problem]:
    """The lint findings of every partnership: warnings, or errors when strict."""
    from pipeline.lint import lint

    findings = [finding for loaded in partnerships for finding in lint(loaded.source, loaded.partnership)]
    return [dataclasses.replace(f, severity="error") for f in findings] if strict else findings


def required_approvals(partnership: Partnership) -> dict[str, list[str]]:
    """Every document of a partnership, with the ids of the members who must approve it."""
    return {
        name: required_approvers(partnership, kind.id, name)
        for kind in KINDS.values()
        for name in kind.document_names(partnership)
    }


def render_all(
    partnerships: Iterable[LoadedPartnership],
    kinds: Iterable[str] = (),
    templates_dir: Path = TEMPLATES_DIR,
    progress: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    """Render the chosen kinds (default: all) of every partnership in memory; writes nothing."""
    from pipeline.history import source_histories

    chosen = [KINDS[k] for k in kinds] or list(KINDS.values())
    partnerships = list(partnerships)
    histories = source_histories(p.source.path for p in partnerships)
    report = BuildReport()
    problems: list[Problem] = []
    for loaded in partnerships:
        history = histories[loaded.source.path.resolve()]
        for kind in chosen:
            reason = kind.requires(loaded.partnership)
            if reason:
                report.skipped.append(f"{loaded.source.path}: no {kind.id}: {reason}")
                continue
            for planned in kind.plan(loaded.partnership):
                progress(f"rendering {loaded.slug}/{planned.name}")
                try:
                    report.documents.append(_render(loaded, kind, planned, templates_dir, history))
                except PartnerdocsError as error:
                    problems += error.problems
    if problems:
        raise PartnerdocsError(problems)
    return report


def build(
    paths: Sequence[Path],
    out_dir: Path,
    kinds: Iterable[str] = (),
    templates_dir: Path = TEMPLATES_DIR,
    progress: Callable[[str], None] = lambda _: None,
    release: bool = False,
    strict: bool = False,
) -> BuildReport:
    """Render and write documents; with release=True, refuse unless every document is final;
    with strict=True, refuse when lint finds anything."""
    # Load, check and lint everything, then render in memory: a failure so far has written nothing.
    partnerships = load_partnerships(paths)
    warnings = lint_all(partnerships, strict)
    if strict and warnings:
        raise PartnerdocsError(warnings)
    report = render_all(partnerships, kinds, templates_dir, progress)
    report.warnings = warnings
    if release:
        _refuse_drafts(report.documents)

    # Write last, each file atomically, then each partnership's manifest.
    entries: dict[Path, list[Entry]] = {}
    sources: dict[Path, dict[str, str | None]] = {}
    for document in report.documents:
        folder = out_dir / document.slug
        docx_path = folder / f"{document.name}.docx"
        write_atomically(docx_path, document.docx)
        write_atomically(docx_path.with_suffix(".txt"), document.text.encode("utf-8"))
        report.written.append(docx_path)
        entries.setdefault(folder, []).append(_manifest_entry(document, sha256(document.docx)))
        sources[folder] = {
            "file": document.loaded.source.path.name,
            "sha256": sha256(document.loaded.source.path.read_bytes()),
            "commit": document.source_commit,
        }
    for folder, folder_entries in entries.items():
        write_manifest(folder, sources[folder], folder_entries)
    return report


def draft_reasons(signoff: Signoff, partnership: Partnership) -> str:
    """Why a document is still a draft, in one line."""
    parts = []
    if signoff.missing:
        parts.append("still to approve: " + ", ".join(_member_name(partnership, m) for m in signoff.missing))
    if signoff.stale:
        stale = ", ".join(
            f"{_member_name(partnership, a.by)} approved an earlier version on {a.date} "
            f"(fingerprint {a.fingerprint[:SHORT]})"
            for a in signoff.stale
        )
        parts.append(f"out of date: {stale}")
    if not signoff.required:
        parts.append("nobody is set to approve it (add 'approvers' to the YAML)")
    return "; ".join(parts)


def _member_name(partnership: Partnership, member_id: str) -> str:
    try:
        return partnership.member(member_id).name
    except KeyError:
        return member_id


def _refuse_drafts(documents: list[RenderedDocument]) -> None:
    problems = [
        Problem(
            str(d.loaded.source.path),
            path=f"approvals ({d.name})",
            message=f"{d.name} is not final: {draft_reasons(d.signoff, d.loaded.partnership)}",
        )
        for d in documents
        if not d.signoff.final
    ]
    if problems:
        raise PartnerdocsError(problems)


def _render(
    loaded: LoadedPartnership,
    kind: DocumentKind,
    planned: PlannedDocument,
    templates_dir: Path,
    history: SourceHistory,
) -> RenderedDocument:
    # Imported here so that commands which render nothing (validate, --help) stay quick to start.
    from pipeline.finalize import DocumentProperties, Finish, finalize
    from pipeline.render import render_template
    from pipeline.text import docx_text, style_names

    template = templates_dir / kind.template_name
    if not template.is_file():
        raise PartnerdocsError([Problem(str(template), message=f"the {kind.id} template is missing")])
    partnership = loaded.partnership
    template_sha256 = sha256(template.read_bytes())
    document = render_template(template, planned.context)
    styles = style_names(document)
    current = fingerprint(template_sha256, docx_text(document, styles))
    signoff = evaluate(partnership, planned.name, required_approvers(partnership, kind.id, planned.name), current)
    notice = None
    if not signoff.final:
        waiting = ", ".join(_member_name(partnership, m) for m in signoff.missing) or "its approvers"
        notice = (
            f"Draft – not for signature. This version (content fingerprint {current[:SHORT]}) "
            f"still needs approval from {waiting}."
        )
    properties = DocumentProperties(
        title=f"{planned.title}: {partnership.name}",
        subject=partnership.name,
        keywords=f"partnerdocs; {kind.id}; {loaded.slug}",
        category=kind.title,
        status="Final" if signoff.final else "Draft",
        identifier=current,
        date=history.date,
    )
    data = finalize(document, Finish(properties, notice, history.revisions), styles)
    text = docx_text(document, styles)
    return RenderedDocument(loaded, kind, planned.name, data, text, signoff, template_sha256, history.commit)


def _manifest_entry(document: RenderedDocument, digest: str) -> Entry:
    signoff = document.signoff
    approvals = tuple(
        {"by": a.by, "date": a.date.isoformat(), "fingerprint": a.fingerprint, "current": "yes"}
        for a in signoff.approved
    ) + tuple(
        {"by": a.by, "date": a.date.isoformat(), "fingerprint": a.fingerprint, "current": "no"} for a in signoff.stale
    )
    return Entry(
        name=document.name,
        kind=document.kind.id,
        sha256=digest,
        fingerprint=signoff.fingerprint,
        status=signoff.status,
        template=document.kind.template_name,
        template_sha256=document.template_sha256,
        required=signoff.required,
        approvals=approvals,
        missing=signoff.missing,
    )
