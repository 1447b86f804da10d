"""`partnerdocs approve`: record a signatory's approval of the exact version they read, in the YAML.

The file is edited with ruamel.yaml's round-trip mode, which keeps comments, quotes and layout,
and the result is validated before it replaces the original, so a refused approval leaves the
file exactly as it was. Two approvals recorded at the same time both land: each holds a lock from
reading the file to replacing it (see `_locked`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pipeline.documents import RenderedDocument, render_all
from pipeline.errors import PartnerdocsError, Problem
from pipeline.kinds import KINDS
from pipeline.load import load_source
from pipeline.partnerships import LoadedPartnership, load_partnerships
from pipeline.signoff import SHORT
from pipeline.validate import validate_document
from pipeline.write import write_atomically

# Indentation styles tried in turn: the first that reproduces the file unchanged is used to edit it.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (2, 4, 0))


@dataclass(frozen=True)
class Recorded:
    path: Path
    document: str
    by: str
    fingerprint: str
    already: bool
    still_missing: tuple[str, ...]


def approve(
    path: Path,
    document: str,
    by: str,
    date_text: str | None = None,
    fingerprint_prefix: str | None = None,
    role: str | None = None,
    templates_dir: Path | None = None,
) -> Recorded:
    """Add an approval of `document` by member `by` for its current fingerprint to the file at `path`."""
    with _locked(path):
        return _approve(path, document, by, date_text, fingerprint_prefix, role, templates_dir)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder of `path` while its file is read, checked and rewritten.

    The lock is on the folder, not the file: the file is replaced by a rename, so a lock on it would
    stay with the old copy while a later approval read the new one. A folder lock needs no lock file
    that could be committed by mistake, and releases itself when the process ends, however it ends.
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
    if by in {a.by for a in signoff.approved}:
        return Recorded(path, document, by, current, True, signoff.missing)
    member = partnership.member(by)
    entry = {
        "document": document,
        "by": by,
        "role": role or (member.signatory.title if member.signatory else "Signatory"),
        "date": on_date,
        "fingerprint": current,
        "approvers": _flow(signoff.required),
    }
    _append_approval(path, entry)
    return Recorded(path, document, by, current, False, tuple(m for m in signoff.missing if m != by))


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


def _append_approval(path: Path, entry: dict[str, object]) -> None:
    original = path.read_text(encoding="utf-8")
    yaml = _round_trip_yaml(original)
    data = yaml.load(original)
    approvals = data.get("approvals")
    if approvals is None:
        approvals = CommentedSeq()
        data["approvals"] = approvals
    approvals.append(CommentedMap(entry))
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    updated = buffer.getvalue()
    _check_still_valid(path, updated)
    write_atomically(path, updated.encode("utf-8"))


def _flow(items: tuple[str, ...]) -> CommentedSeq:
    """A list written on one line, `[harbor-hope, omalley]`, as a person would write it."""
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence


def _round_trip_yaml(text: str) -> YAML:
    for mapping, sequence, offset in _INDENTS:
        yaml = _configured(mapping, sequence, offset)
        buffer = io.StringIO()
        yaml.dump(yaml.load(text), buffer)
        if buffer.getvalue() == text:
            return yaml
    return _configured(*_INDENTS[0])


def _configured(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _check_still_valid(path: Path, text: str) -> None:
    _, problems = validate_document(load_source(path, text.encode("utf-8")))
    if problems:
        raise PartnerdocsError(problems)
