"""output/<slug>/manifest.json: what was built, from what, and whether it is final.

The manifest lets anyone check a document they received (`partnerdocs verify`) and lets CI publish
only final documents. It holds no wall-clock time, so identical builds write identical manifests.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from pipeline import __version__
from pipeline.errors import PartnerdocsError, Problem
from pipeline.write import write_atomically

MANIFEST_NAME = "manifest.json"
# A document's file name without its suffix, as partnerdocs makes them: a kind id, a member id after it
# for a letter, a language after a dot (mou.es). A name read back from a manifest is checked against it
# before it is joined to a folder: an edited manifest must not name a file outside its folder.
DOCUMENT_NAME = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


def is_document_name(name: object) -> TypeGuard[str]:
    """True for a name partnerdocs could have written: no separator, no '..', nothing hidden."""
    return isinstance(name, str) and len(name) <= 128 and DOCUMENT_NAME.fullmatch(name) is not None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One document's line in the manifest."""

    name: str
    kind: str
    sha256: str
    fingerprint: str
    status: str
    template: str
    template_sha256: str
    required: tuple[str, ...]
    approvals: tuple[dict[str, str], ...]
    missing: tuple[str, ...]
    draft_reasons: str
    """Why the document is a draft, as the build printed it ('' when final)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "path": f"{self.name}.docx",
            "text": f"{self.name}.txt",
            "sha256": self.sha256,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "template": self.template,
            "template_sha256": self.template_sha256,
            "required_approvers": list(self.required),
            "approvals": list(self.approvals),
            "missing_approvals": list(self.missing),
            "draft_reasons": self.draft_reasons,
        }


def write_manifest(
    folder: Path,
    source: dict[str, Any],
    entries: list[Entry],
    inputs: dict[str, str],
    previous: dict[str, Any] | None = None,
) -> Path:
    """Write the manifest, keeping what earlier builds recorded for kinds this build did not touch.

    `inputs` maps each kind built to the key of everything its documents depend on; the next build
    skips the kind while the key is unchanged. `previous` is the manifest being replaced (default: the
    one in `folder`); an entry of it whose name partnerdocs could not have written is left out.
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
    """The manifest's content, or {} when there is none or it is unreadable (it is rewritten then)."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


def verify(document: Path, manifest_path: Path | None = None) -> str:
    """A one-line confirmation that a document matches its manifest; PartnerdocsError when it does not."""
    manifest_path = manifest_path or document.parent / MANIFEST_NAME
    manifest = read_manifest(manifest_path)
    if not manifest:
        message = f"no readable manifest at {manifest_path}; pass --manifest with the manifest.json it came with"
        raise PartnerdocsError([Problem(str(document), message=message)])
    entry = next((d for d in manifest.get("documents", []) if d.get("path") == document.name), None)
    if entry is None:
        message = f"{manifest_path} lists no document named {document.name}"
        raise PartnerdocsError([Problem(str(document), message=message)])
    actual = sha256(document.read_bytes())
    if actual != entry.get("sha256"):
        message = (
            f"does not match {manifest_path}: its sha256 is {actual[:16]}..., the manifest says "
            f"{str(entry.get('sha256'))[:16]}...; the file was changed after partnerdocs built it"
        )
        raise PartnerdocsError([Problem(str(document), message=message)])
    status = str(entry.get("status", "")).upper()
    return f"{document}: matches {manifest_path} ({status}, fingerprint {str(entry.get('fingerprint'))[:12]})"
