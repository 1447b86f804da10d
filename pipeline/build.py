"""The build command: load and validate everything first, render in memory, and only then write.

Like mkdocs, nothing is written unless every input is valid and every document rendered, so a
failed build leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import PartnerdocsError, Problem
from pipeline.kinds import KINDS, TEMPLATES_DIR, DocumentKind, PlannedDocument
from pipeline.load import SourceDocument, load_file
from pipeline.validate import validate_document
from pipeline.write import write_atomically
from schemas import Partnership

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
    slug: str
    name: str
    docx: bytes
    text: str


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


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
            loaded.append(LoadedPartnership(source, partnership))
    if problems:
        raise PartnerdocsError(problems)
    return loaded


def build(
    paths: Sequence[Path],
    out_dir: Path,
    kinds: Iterable[str] = (),
    templates_dir: Path = TEMPLATES_DIR,
    progress: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    """Render the chosen kinds (default: all) for every partnership and write them under out_dir."""
    # Load and check everything before rendering anything.
    partnerships = load_partnerships(paths)
    chosen = [KINDS[k] for k in kinds] or list(KINDS.values())
    report = BuildReport()

    # Render into memory; a failure here still leaves every output untouched.
    rendered: list[RenderedDocument] = []
    problems: list[Problem] = []
    for loaded in partnerships:
        for kind in chosen:
            reason = kind.requires(loaded.partnership)
            if reason:
                report.skipped.append(f"{loaded.source.path}: no {kind.id}: {reason}")
                continue
            for planned in kind.plan(loaded.partnership):
                progress(f"rendering {loaded.slug}/{planned.name}")
                try:
                    rendered.append(_render(loaded, kind, planned, templates_dir))
                except PartnerdocsError as error:
                    problems += error.problems
    if problems:
        raise PartnerdocsError(problems)

    # Write last, each file atomically.
    for document in rendered:
        folder = out_dir / document.slug
        docx_path = folder / f"{document.name}.docx"
        write_atomically(docx_path, document.docx)
        write_atomically(docx_path.with_suffix(".txt"), document.text.encode("utf-8"))
        report.written.append(docx_path)
    return report


def _render(
    loaded: LoadedPartnership, kind: DocumentKind, planned: PlannedDocument, templates_dir: Path
) -> RenderedDocument:
    # Imported here so that commands which render nothing (validate, --help) stay quick to start.
    from pipeline.finalize import normalize_docx
    from pipeline.render import DocumentProperties, render_docx
    from pipeline.text import docx_text

    template = templates_dir / kind.template_name
    if not template.is_file():
        raise PartnerdocsError([Problem(str(template), message=f"the {kind.id} template is missing")])
    partnership = loaded.partnership
    properties = DocumentProperties(
        title=f"{planned.title}: {partnership.name}",
        subject=partnership.name,
        keywords=f"partnerdocs; {kind.id}; {loaded.slug}",
        category=kind.title,
    )
    data = normalize_docx(render_docx(template, planned.context, properties))
    return RenderedDocument(loaded.slug, planned.name, data, docx_text(data))
