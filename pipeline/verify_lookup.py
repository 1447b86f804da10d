"""Which document a file is, whatever it is called now: found by its sha256 in a manifest.

`verify` looks in the manifests it is given (--manifest), or else in those a build leaves where a file
usually comes from: the manifest beside the file, then output/*/manifest.json. A manifest found so is
unsigned unless a signature lies beside it: it says which document the file is (its partnership, its name,
the commit it was built from), never that the file is genuine or final. pipeline.verify decides that from
a fresh render of the document named, or from the signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import PartnerdocsError, Problem
from pipeline.inputs import is_slug
from pipeline.manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, parse_manifest, read_regular_file

OUTPUT_DIR = Path("output")
"""Where `partnerdocs build` writes by default: its manifests are searched when none is given."""


@dataclass(frozen=True)
class Listing:
    """A manifest's entry for the document that has a given sha256."""

    manifest: Path
    entry: dict[str, Any]
    source: dict[str, Any]

    @property
    def slug(self) -> str | None:
        """The partnership the manifest was built from (None if its source names no partnership file)."""
        file = self.source.get("file")
        stem = Path(file).stem if isinstance(file, str) and "/" not in file and "\\" not in file else ""
        return stem if is_slug(stem) else None

    @property
    def signature(self) -> Path:
        """Where CI puts the manifest's signature (README, "Signed manifests")."""
        return self.manifest.with_name(f"{self.manifest.name}.sig")

    def describe(self) -> str:
        """'mou.docx of pathways.yaml (built from commit 1a2b3c4d5e6f)': which document, without its status,
        which an unsigned manifest cannot vouch for."""
        commit = self.source.get("commit")
        built = f" (built from commit {commit[:12]})" if isinstance(commit, str) and commit.isalnum() else ""
        return f"{self.entry['path']} of {self.slug}.yaml{built}"


def manifests_to_search(document: Path, given: Sequence[Path], output: Path = OUTPUT_DIR) -> list[Path]:
    """The manifests given, or the one beside the document and those of the output folder, each once."""
    if given:
        return list(given)
    candidates = [document.parent / MANIFEST_NAME, *sorted(output.glob(f"*/{MANIFEST_NAME}"))]
    seen: set[Path] = set()
    found = []
    for path in candidates:
        key = path.resolve()
        if key not in seen and path.is_file():
            seen.add(key)
            found.append(path)
    return found


def find_listing(digest: str, manifests: Sequence[Path], given: bool) -> Listing | None:
    """The first entry with this sha256 in the manifests, in order. A manifest given that cannot be read, or
    is not one partnerdocs wrote, is a problem; one merely found is passed over."""
    for path in manifests:
        try:
            content = parse_manifest(read_regular_file(path, MAX_MANIFEST_BYTES))
        except (OSError, ValueError) as error:
            if given:
                reason = error.strerror or str(error) if isinstance(error, OSError) else str(error)
                raise PartnerdocsError([Problem(str(path), message=f"cannot be searched: {reason}")]) from None
            continue
        for entry in content["documents"]:
            if entry["sha256"] == digest:
                return Listing(path, entry, content["source"])
    return None
