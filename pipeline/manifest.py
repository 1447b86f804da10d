"""output/<slug>/manifest.json: what was built, from what, and whether it was final when built.

The manifest is a cache and a record, never an authority: anyone who can write to output/ can write
it. A build uses it only to skip documents whose inputs are unchanged AND whose files still have the
recorded checksums; `build --release` renders everything it publishes, whatever the manifest says;
`verify` trusts a manifest only with a signature CI made (pipeline/signature.py). A manifest read
back is checked to have exactly the structure partnerdocs writes (names, checksums, statuses), so a
hand-written or damaged one is ignored, or refused by `verify`, rather than crashing or naming files
outside its folder. It holds no wall-clock time, so identical builds write identical manifests.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from pipeline import __version__
from pipeline.checked_files import CheckedFiles
from pipeline.errors import Problem
from pipeline.write import write_atomically

MANIFEST_NAME = "manifest.json"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024

# schemas.signoff.DOCUMENT_NAME, repeated here because a no-op build must not import pydantic
# (tests/test_manifest.py checks that the two agree).
DOCUMENT_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,94}[a-z0-9])?(?:\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_document_name(name: object) -> TypeGuard[str]:
    """True for a name partnerdocs could have written: no separator, no '..', nothing hidden. A name read
    back from a manifest is checked before it is joined to a folder: an edited manifest must not name a file
    outside its folder."""
    return isinstance(name, str) and DOCUMENT_NAME.fullmatch(name) is not None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One document's line in the manifest."""

    name: str
    kind: str
    sha256: str
    text_sha256: str
    fingerprint: str
    status: str
    template: str
    template_sha256: str
    required: tuple[str, ...]
    approvals: tuple[dict[str, str], ...]
    missing: tuple[str, ...]
    draft_reasons: str
    """Why the document is a draft, as the build printed it ('' when final)."""
    audience: str = ""
    """Who the document is for (pipeline.audience): what `publish` decides from."""

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "path": f"{self.name}.docx",
            "text": f"{self.name}.txt",
            "sha256": self.sha256,
            "text_sha256": self.text_sha256,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "template": self.template,
            "template_sha256": self.template_sha256,
            "required_approvers": list(self.required),
            "approvals": list(self.approvals),
            "missing_approvals": list(self.missing),
            "draft_reasons": self.draft_reasons,
            "audience": self.audience,
        }


def write_manifest(
    folder: Path,
    source: dict[str, Any],
    entries: list[Entry],
    inputs: dict[str, str],
    previous: dict[str, Any] | None = None,
    pdfs: dict[str, dict[str, str]] | None = None,
) -> Path:
    """Write the manifest, keeping what earlier builds recorded for kinds this build did not touch.

    `inputs` maps each kind built to the key of everything its documents depend on; the next build
    skips the kind while the key is unchanged. `previous` is the manifest being replaced (default: the
    one in `folder`); an entry of it whose name partnerdocs could not have written is left out.
    `pdfs` gives, by document name, the PDF_FIELDS of each PDF in the folder (pipeline.pdf_plan); a
    document not in it has no PDF. Without it, what the entries record of PDFs is kept.
    """
    path = folder / MANIFEST_NAME
    previous = read_manifest(path) if previous is None else previous
    documents = {entry.name: entry.as_json() for entry in entries}
    for old in previous.get("documents", []):
        name = old.get("name") if isinstance(old, dict) else None
        if not is_document_name(name) or name in documents or old.get("kind") in inputs:
            continue
        if (folder / f"{name}.docx").is_file():
            documents[name] = old
    if pdfs is not None:
        for name, document in documents.items():
            without = {key: value for key, value in document.items() if key not in PDF_FIELDS}
            documents[name] = {**without, **pdfs.get(name, {})}
    recorded = previous.get("inputs")
    old_inputs: dict[str, str] = recorded if isinstance(recorded, dict) else {}
    manifest = {
        "partnerdocs_version": __version__,
        "source": source,
        "inputs": dict(sorted({**old_inputs, **inputs}.items())),
        "documents": [documents[name] for name in sorted(documents)],
    }
    write_atomically(path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest's content, or {} when there is none or it is not one partnerdocs wrote."""
    return inspect_manifest(path)[0]


def inspect_manifest(path: Path) -> tuple[dict[str, Any], Problem | None]:
    """The manifest's content and, when there is a file that is not a manifest partnerdocs wrote,
    a warning saying what is wrong with it (its content is then {})."""
    try:
        data = read_regular_file(path)
    except FileNotFoundError:
        return {}, None
    except OSError as error:
        return {}, _ignored(path, error.strerror or str(error))
    try:
        return parse_manifest(data), None
    except ValueError as error:
        return {}, _ignored(path, str(error))


def _ignored(path: Path, reason: str) -> Problem:
    message = f"ignored: {reason}; the partnership's documents are rendered again and the manifest rewritten"
    return Problem(str(path), message=message, severity="warning")


def read_regular_file(path: Path, limit: int = MAX_MANIFEST_BYTES) -> bytes:
    """The bytes of `path`, refusing a link, a device or a file larger than `limit`."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(0, "not a regular file")
        if status.st_size > limit:
            raise OSError(0, f"larger than {limit // (1024 * 1024)} MB")
        # read(n) would set aside n bytes first; read() sets aside the file's size.
        return stream.read()


def parse_manifest(data: bytes) -> dict[str, Any]:
    """The manifest in `data`; ValueError naming the first thing that is not as partnerdocs writes it."""
    try:
        content = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"not a manifest partnerdocs wrote: not JSON ({error})") from None
    reason = _structure_problem(content)
    if reason:
        raise ValueError(f"not a manifest partnerdocs wrote: {reason}")
    manifest: dict[str, Any] = content
    return manifest


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def _is_approvals(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and all(isinstance(v, str) for v in item.values()) for item in value
    )


_ENTRY_FIELDS: dict[str, Callable[[object], bool]] = {
    "name": lambda v: isinstance(v, str) and DOCUMENT_NAME.fullmatch(v) is not None,
    "kind": lambda v: isinstance(v, str) and DOCUMENT_NAME.fullmatch(v) is not None,
    "path": _is_text,
    "text": _is_text,
    "sha256": _is_sha256,
    "fingerprint": _is_sha256,
    "status": lambda v: v in ("final", "draft"),
    "template": _is_text,
    "template_sha256": _is_sha256,
    "required_approvers": _is_texts,
    "approvals": _is_approvals,
    "missing_approvals": _is_texts,
    "draft_reasons": _is_text,
}
_OPTIONAL_ENTRY_FIELDS: dict[str, Callable[[object], bool]] = {
    "text_sha256": _is_sha256,
    "pdf": _is_text,
    "pdf_sha256": _is_sha256,
    "pdf_from": _is_sha256,
    "audience": lambda v: v in ("public", "members", "core_team"),
}
"""Fields an entry may lack: text_sha256 and audience in a manifest from an earlier version (such an entry is
never current), and the PDF_FIELDS, present (all three) only for a document with a PDF."""
PDF_FIELDS = ("pdf", "pdf_sha256", "pdf_from")
"""A document's PDF: its file name, its sha256 and the sha256 of the exact .docx it was made from. A PDF
belongs to that .docx only: beside any other, it is made again (build --pdf) or removed."""


def _structure_problem(content: object) -> str:
    """What makes `content` differ from the manifests partnerdocs writes ('' when nothing)."""
    if not isinstance(content, dict):
        return "it is not a JSON object"
    if not isinstance(content.get("source"), dict):
        return "'source' is not an object"
    inputs = content.get("inputs")
    if not isinstance(inputs, dict) or not all(isinstance(v, str) for v in inputs.values()):
        return "'inputs' is not an object of keys"
    documents = content.get("documents")
    if not isinstance(documents, list):
        return "'documents' is not a list"
    names: set[str] = set()
    for index, entry in enumerate(documents):
        where = f"documents[{index}]"
        if not isinstance(entry, dict):
            return f"{where} is not an object"
        for field, valid in _ENTRY_FIELDS.items():
            if field not in entry or not valid(entry[field]):
                return f"{where}.{field} is missing or not valid"
        for field, valid in _OPTIONAL_ENTRY_FIELDS.items():
            if field in entry and not valid(entry[field]):
                return f"{where}.{field} is not valid"
        name = entry["name"]
        # Names become file names: only `<name>.docx`, `<name>.txt` and `<name>.pdf` in the manifest's own folder.
        if entry["path"] != f"{name}.docx" or entry["text"] != f"{name}.txt":
            return f"{where} names files other than {name}.docx and {name}.txt"
        pdf = [field for field in PDF_FIELDS if field in entry]
        if pdf and (len(pdf) < len(PDF_FIELDS) or entry["pdf"] != f"{name}.pdf"):
            return f"{where} records a PDF other than {name}.pdf, or only in part"
        if name in names:
            return f"{where} repeats the document {name}"
        names.add(name)
    return ""


def current_documents(
    folder: Path, keys: dict[str, str], checked: CheckedFiles | None = None
) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """The manifest entries of each kind that is up to date, by kind, and a warning if the manifest is
    not one partnerdocs wrote.

    A kind is up to date when its recorded inputs key is `keys[kind]` and each of its documents is
    on disk exactly as built (both files have their recorded sha256): a document edited, replaced
    or damaged in output/ is rendered again rather than kept. `checked` remembers files found so
    before, so that they are not read again while unchanged.
    """
    manifest, problem = inspect_manifest(folder / MANIFEST_NAME)
    built = manifest.get("inputs", {})
    entries = manifest.get("documents", [])
    current = {}
    for kind, key in keys.items():
        mine = [e for e in entries if e["kind"] == kind]
        if built.get(kind) == key and all(_as_built(folder, e, checked) for e in mine):
            current[kind] = mine
    return current, [problem] if problem else []


def _as_built(folder: Path, entry: dict[str, Any], checked: CheckedFiles | None) -> bool:
    if "text_sha256" not in entry or "audience" not in entry:
        return False  # written by an earlier version: rendered again, so the manifest says it all
    for name, digest in ((entry["path"], entry["sha256"]), (entry["text"], entry["text_sha256"])):
        if checked is not None and checked.known(folder / name, digest):
            continue
        try:
            data = read_regular_file(folder / name, MAX_DOCUMENT_BYTES)
        except OSError:
            return False
        if sha256(data) != digest:
            return False
        if checked is not None:
            checked.remember(folder / name, digest)
    return True
