"""`partnerdocs approve`: record a signatory's approval of the exact version they read, as a file of its own.

Each approval is one small file in the partnership's approvals folder (pipeline.approval_folder), named
after what it records, so approvals recorded on two branches merge without a conflict. The file is checked
exactly as it will be read before it is written, and written atomically: a refused approval changes nothing.
Two approvals recorded at the same time both land: each holds a lock from reading the partnership to
writing its file (see `locked`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pipeline.approval_files import check_approval_file, file_name
from pipeline.approval_folder import ApprovalFile, approval_file_name, approvals_folder
from pipeline.documents import RenderedDocument, render_all
from pipeline.errors import PartnerdocsError, Problem
from pipeline.kinds import KINDS
from pipeline.partnerships import LoadedPartnership, load_partnerships, required_approvals
from pipeline.signoff import SHORT
from pipeline.write import write_atomically
from schemas import Partnership
from schemas.signoff import Approval


@dataclass(frozen=True)
class Recorded:
    path: Path
    """Where the approval is recorded: its approval file (or, for one recorded before approval files, the
    partnership file that lists it)."""
    document: str
    by: str
    fingerprint: str
    already: bool
    still_missing: tuple[str, ...]
    waiting_for: tuple[str, ...] = ()
    """The names of those still to approve, as documents print them."""
    held: tuple[str, ...] = ()
    """Why a lint rule holds the document back even once everyone has approved (pipeline.holds)."""


def approve(
    path: Path,
    document: str,
    by: str,
    date_text: str | None = None,
    fingerprint_prefix: str | None = None,
    role: str | None = None,
    templates_dir: Path | None = None,
) -> Recorded:
    """Record an approval of `document` by member `by` for its current fingerprint, for the file at `path`."""
    with locked(path):
        return _approve(path, document, by, date_text, fingerprint_prefix, role, templates_dir)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder of `path` while its approvals are read, checked and written.

    The lock is on the folder, not the file: a file is replaced by a rename, so a lock on it would stay
    with the old copy while a later approval read the new one. A folder lock needs no lock file that
    could be committed by mistake, and releases itself when the process ends, however it ends.
    """
    try:
        import fcntl
    except ImportError:  # Windows has no flock; approvals there are not serialized
        yield
        return
    try:
        descriptor = os.open(path.parent, os.O_RDONLY)
    except OSError as error:
        raise _refusal(path, f"cannot open its folder: {error.strerror}") from error
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError as error:
            raise _refusal(path, f"cannot lock its folder against a second approval: {error.strerror}") from error
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _approve(
    path: Path,
    document: str,
    by: str,
    date_text: str | None,
    fingerprint_prefix: str | None,
    role: str | None,
    templates_dir: Path | None,
) -> Recorded:
    (loaded,) = load_partnerships([path])
    partnership = loaded.partnership
    on_date = _parse_date(path, date_text)
    rendered = _render_one(loaded, document, templates_dir)
    signoff = rendered.signoff
    if by not in {m.id for m in partnership.members}:
        known = ", ".join(m.id for m in partnership.members)
        raise _refusal(path, f"'{by}' is not the id of any organization under 'members'; known ids: {known}")
    if by not in signoff.required:
        who = ", ".join(signoff.required) or "nobody"
        raise _refusal(path, f"'{by}' is not among those who must approve {document} ({who})")
    current = signoff.fingerprint
    if fingerprint_prefix is not None and not (len(fingerprint_prefix) >= 8 and current.startswith(fingerprint_prefix)):
        message = (
            f"the fingerprint {fingerprint_prefix} matches no current version of {document}: the document has "
            f"changed since that copy was made; its current fingerprint is {current[:SHORT]}, so the signatory "
            "should read the current version before approving it"
        )
        raise _refusal(path, message)
    counted = next((a for a in signoff.approved if a.by == by), None)
    if counted is not None:
        names = tuple(_name(partnership, m) for m in signoff.missing)
        return Recorded(_file_of(path, counted), document, by, current, True, signoff.missing, names, signoff.held)
    member = partnership.member(by)
    fields = {
        "document": document,
        "by": by,
        # str(): a title given per language is a LocalizedText, which the YAML writer cannot represent; the
        # approval records it as the partnership file's first text (the language of record's).
        "role": role or (str(member.signatory.title) if member.signatory else "Signatory"),
        "date": on_date,
        "fingerprint": current,
        "approvers": list(signoff.required),
    }
    target = approvals_folder(path) / approval_file_name(document, by, on_date.isoformat(), current)
    _write(target, approval_text(fields), loaded)
    missing = tuple(m for m in signoff.missing if m != by)
    names = tuple(_name(partnership, m) for m in missing)
    return Recorded(target, document, by, current, False, missing, names, signoff.held)


def _name(partnership: Partnership, member_id: str) -> str:
    try:
        return partnership.member(member_id).name
    except KeyError:
        return member_id


def _write(target: Path, text: str, loaded: LoadedPartnership) -> None:
    """Write an approval file, checked first exactly as the next command will read it (a --role holding a
    control character, say, is refused with the field named).

    A file of the same name can only hold this member's approval of this version on this same day, given
    alongside approvers since changed (else it would count, and nothing would be written): it is replaced."""
    data = text.encode("utf-8")
    required = required_approvals(loaded.partnership)
    _, problems = check_approval_file(ApprovalFile(target, data), loaded.partnership, required)
    if problems:  # named as the file would be, which was not written
        raise PartnerdocsError([dataclasses.replace(p, message=f"{p.message}; nothing was changed") for p in problems])
    write_atomically(target, data)


def _file_of(path: Path, approval: Approval) -> Path:
    """Where an approval is recorded: its file in the folder, or the partnership file that still lists it."""
    target = approvals_folder(path) / file_name(approval)
    return target if target.is_file() else path


def approval_text(fields: Mapping[str, object]) -> str:
    """An approval file's text: a comment saying what the file is, then the approval's fields in order
    (those that are None left out), the list of approvers on one line."""
    entry = CommentedMap()
    for key in ("document", "by", "role", "date", "fingerprint", "approvers"):
        value = fields.get(key)
        if value is not None:
            entry[key] = _flow(tuple(value)) if isinstance(value, list) else value
    buffer = io.StringIO()
    buffer.write(_HEADER)
    yaml = YAML()
    yaml.width = 4096
    yaml.dump(entry, buffer)
    return buffer.getvalue()


_HEADER = (
    "# One approval, recorded by 'partnerdocs approve' (README, \"Signing off and publishing\").\n"
    "# Commit this file as it is. Deleting it withdraws the approval.\n"
)


def _render_one(loaded: LoadedPartnership, document: str, templates_dir: Path | None) -> RenderedDocument:
    names = {name: kind for kind in KINDS.values() for name in kind.document_names(loaded.partnership)}
    if document not in names:
        listing = ", ".join(sorted(names)) or "none"
        raise _refusal(loaded.source.path, f"there is no document named '{document}'; its documents are: {listing}")
    (rendered,) = render_all([loaded], [names[document].id], templates_dir, only=document)
    return rendered


def _parse_date(path: Path, text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _refusal(path, f"'{text}' is not a valid date; write it as YYYY-MM-DD, e.g. 2026-03-01") from None


def _refusal(path: Path, message: str) -> PartnerdocsError:
    return PartnerdocsError([Problem(str(path), message=f"{message}; nothing was changed")])


def _flow(items: tuple[str, ...]) -> CommentedSeq:
    """A list written on one line, `[harbor-hope, omalley]`, as a person would write it."""
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence
