"""Approval files, read and checked: each holds one approval, validated by the same model as the approvals a
partnership file lists (`schemas.signoff.Approval`), worded the same way, and checked against the partnership
(its documents, members and approvers). The partnership then reads as holding every approval, those still
listed in its file and those of its approvals folder, each once.

Only partnerdocs' own safe loader reads them (YAML 1.2 core schema, no anchors, aliases or tags); the
folder is read as pipeline.approval_folder says (regular files only, no link followed, bounded sizes).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pipeline.approval_folder import ApprovalFile, approval_file_name, read_approval_files
from pipeline.errors import PartnerdocsError, Problem
from pipeline.load import load_source
from pipeline.signoff import approval_check
from pipeline.validate import problem_at, validate_part
from schemas import Partnership
from schemas.references import unknown_member_message
from schemas.signoff import Approval

WITHIN = ("approvals", 0)
"""Where an approval sits in a partnership file: its fields are worded as they are there."""


def file_approvals(
    partnership_file: Path, partnership: Partnership, required: dict[str, list[str]]
) -> tuple[list[Approval], list[Problem]]:
    """The approvals in the partnership's approvals folder, and a problem for each file that is not one."""
    files, problems = read_approval_files(partnership_file)
    approvals = []
    for file in files:
        approval, found = check_approval_file(file, partnership, required)
        problems += found
        if approval is not None:
            approvals.append(approval)
    return approvals, problems


def check_approval_file(
    file: ApprovalFile, partnership: Partnership, required: dict[str, list[str]]
) -> tuple[Approval | None, list[Problem]]:
    """The approval a file holds, or None and what is wrong with it, at its line and field."""
    if all(not line.strip() or line.lstrip().startswith(b"#") for line in file.data.splitlines()):
        message = "the file holds no approval; remove it, or record the approval again with 'partnerdocs approve'"
        return None, [Problem(str(file.path), 1, 1, message=message)]
    try:
        source = load_source(file.path, file.data)
    except PartnerdocsError as error:
        return None, list(error.problems)
    approval, problems = validate_part(source, Approval, WITHIN)
    if approval is None or problems:
        return None, problems
    known = sorted(m.id for m in partnership.members)
    if approval.by not in known:
        return None, [problem_at(source, ("by",), unknown_member_message(approval.by, known))]
    problems = [problem_at(source, (field,), message) for field, message in approval_check(approval, required)]
    if problems:
        return None, problems
    expected = file_name(approval)
    if file.path.name != expected:
        message = (
            f"the file's name does not say what it records: rename it {expected} (an approval file is named "
            "after its document, member, date and fingerprint, so that two approvals never share a name)"
        )
        return None, [Problem(str(file.path), 1, 1, message=message)]
    return approval, []


def file_name(approval: Approval) -> str:
    return approval_file_name(approval.document, approval.by, approval.date.isoformat(), approval.fingerprint)


def with_approvals(partnership: Partnership, more: Sequence[Approval]) -> Partnership:
    """The partnership holding its own approvals and `more`, each approval once: the same document, member,
    date and fingerprint recorded twice (in the file and in the folder, say) is one approval."""
    unique: dict[tuple[str, str, str, str], Approval] = {}
    for approval in partnership.approvals:
        unique.setdefault(_identity(approval), approval)
    for approval in more:
        # The folder's wins: `approve` writes there, and replaces a file of the same day when the approvers changed.
        unique[_identity(approval)] = approval
    approvals = list(unique.values())
    if approvals == partnership.approvals:
        return partnership
    return partnership.model_copy(update={"approvals": approvals})


def _identity(approval: Approval) -> tuple[str, str, str, str]:
    return approval.document, approval.by, approval.date.isoformat(), approval.fingerprint


def approval_schema() -> str:
    """The JSON Schema of an approval file (schemas/approval.schema.json), for editors."""
    document = Approval.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "partnerdocs approval file"
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
