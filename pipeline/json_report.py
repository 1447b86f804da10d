"""What `--format json` prints: one JSON object per run, one shape per command, the same keys whether the
command succeeded or stopped on a problem (README, "Machine-readable output", shows each with an example).

Every shape has `command`, `ok` (the command did what was asked: exit code 0), `problems` (objects made by
pipeline.errors, the one place problems are formatted) and `summary` (counts, including the errors and
warnings among the problems). SHAPES lists the other keys of each command with their empty values: a run
that stops early prints them empty rather than leaving them out, so a script never meets a missing key.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import Problem, problem_records

if TYPE_CHECKING:
    from pipeline.build import BuildReport
    from pipeline.documents import RenderedDocument, StagedDocument

SHAPES: dict[str, dict[str, Any]] = {
    "validate": {"files": [], "summary": {"files": 0}},
    "lint": {"files": [], "strict": False, "summary": {"files": 0}},
    "status": {"documents": [], "summary": {"final": 0, "draft": 0}},
    "build": {
        "out": "",
        "documents": [],
        "notes": [],
        "pdfs": [],
        "removed_pdfs": [],
        "written": [],
        "summary": {"built": 0, "drafts": 0, "unchanged": 0, "pdfs": 0},
    },
}
"""Per command, its keys besides command, ok and problems, with the value a run that stopped early gives."""


def report(command: str, problems: Sequence[Problem], ok: bool, **fields: Any) -> str:
    """The JSON text of one run of `command`. `fields` fill in its keys from SHAPES; `summary` given in
    `fields` adds to the shape's counts."""
    shape = copy.deepcopy(SHAPES[command])
    unknown = fields.keys() - shape.keys()
    if unknown:  # a key not in SHAPES would be undocumented: a mistake here, not the user's
        raise ValueError(f"not in the {command} shape: {sorted(unknown)}")
    summary = {**shape.pop("summary"), **fields.pop("summary", {})}
    summary["errors"] = sum(1 for p in problems if p.severity == "error")
    summary["warnings"] = sum(1 for p in problems if p.severity != "error")
    document = {"command": command, "ok": ok, **shape, **fields, "problems": problem_records(problems)}
    return json.dumps({**document, "summary": summary}, indent=2, ensure_ascii=False)


def built_record(document: StagedDocument) -> dict[str, Any]:
    """A document this build wrote, as `build --format json` lists it."""
    entry = document.entry
    return {
        "partnership": document.target.parent.name,
        "document": entry.name,
        "kind": entry.kind,
        "status": entry.status,
        "fingerprint": entry.fingerprint,
        "draft_reasons": entry.draft_reasons,
        "draft_again": document.stale,
        "path": str(document.target),
        "text": str(document.target.with_suffix(".txt")),
        "built": True,
    }


def kept_record(folder: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """A document left as it was (its inputs did not change), from its manifest entry, which the build
    checked against the files."""
    return {
        "partnership": folder.name,
        "document": entry["name"],
        "kind": entry["kind"],
        "status": entry["status"],
        "fingerprint": entry["fingerprint"],
        "draft_reasons": entry["draft_reasons"],
        "draft_again": False,
        "path": str(folder / entry["path"]),
        "text": str(folder / entry["text"]),
        "built": False,
    }


def build_fields(result: BuildReport, out_dir: Path) -> dict[str, Any]:
    documents = [built_record(d) for d in result.documents] + [kept_record(f, e) for f, e in result.kept]
    documents.sort(key=lambda d: (d["partnership"], d["document"]))
    return {
        "out": str(out_dir),
        "documents": documents,
        "notes": list(result.skipped),
        "pdfs": [str(pdf) for pdf in result.pdfs],
        "removed_pdfs": [str(pdf) for pdf in result.removed_pdfs],
        "written": [str(d.target) for d in result.documents],
        "summary": {
            "built": len(result.documents),
            "drafts": sum(1 for d in result.documents if not d.final),
            "unchanged": result.unchanged,
            "pdfs": len(result.pdfs),
        },
    }


def status_record(document: RenderedDocument, draft_reasons: str) -> dict[str, Any]:
    signoff = document.signoff
    return {
        "partnership": document.slug,
        "document": document.name,
        "kind": document.kind.id,
        "status": signoff.status,
        "fingerprint": signoff.fingerprint,
        "draft_reasons": draft_reasons,
        "required_approvers": list(signoff.required),
        "missing_approvals": list(signoff.missing),
        "counsel_review": list(document.counsel_review),
    }
