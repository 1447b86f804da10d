"""`partnerdocs redline`: a Word file showing, as tracked changes, what changed between two versions of a document.

The result is the NEW file itself (its styles, headers, numbering, pictures), with what the OLD file
had and NEW does not put back in as deletions (w:del) and what NEW added marked as insertions (w:ins),
so Word's Review > Track Changes shows the change and "Accept all" gives NEW's text, "Reject all"
OLD's. The body and each header and footer both files have are compared (pipeline.redline_blocks).
Every mark carries one author and one date, or none, never the time of the run: the same two files
give the same bytes.

Why not a library: checked in 2026 for this command, none fit. python-redlines (MIT, well kept, good
output) runs a 45 MB self-contained .NET program per comparison (about 2 s each, prebuilt for a few
platforms only); jubarte-redlines is AGPL-3.0 and a 34 MB native module; docx-trackdiff (MIT, pure
Python, one release) compares lower-cased text with quotes folded, so a change of case or quotes is not
shown, flattens tables into paragraphs, and ignores headers; docx-redline, docx-revisions and
python-docx-redline write edits one at a time and compare nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.errors import PartnerdocsError
from pipeline.redline_blocks import BlockDiff
from pipeline.redline_marks import DEL, INS, WP, Relinker, Tracker, w
from pipeline.redline_package import RELATIONSHIP, DocxFile, rels_name, resolve, serialize, write_package
from pipeline.redline_words import Atoms, Resolver, TooManyAtomsError

DEFAULT_AUTHOR = "partnerdocs"
_HEADER_OR_FOOTER = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)
_OWN_CHANGES = (INS, DEL, w("moveFrom"), w("moveTo"))
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Redline:
    docx: bytes
    changes: int
    """Revision marks made (each insertion, deletion and change of paragraph style)."""


def redline(old_path: Path, new_path: Path, author: str = DEFAULT_AUTHOR, date: str | None = None) -> Redline:
    """NEW's file with the changes from OLD tracked; `date` (YYYY-MM-DD) is put on every mark when given."""
    opened, problems = [], []
    for path in (old_path, new_path):
        try:
            opened.append(DocxFile(path))
        except PartnerdocsError as error:
            problems.extend(error.problems)
    if problems:
        raise PartnerdocsError(problems)  # both files' problems at once
    old, new = opened
    parts = _compared_parts(old, new)
    old_roots = {part: old.xml(part) for part, _ in parts}
    new_roots = {part: new.xml(part) for _, part in parts}
    for source, roots in ((old, old_roots), (new, new_roots)):
        if any(next(root.iter(*_OWN_CHANGES), None) is not None for root in roots.values()):
            raise source.problem(
                "it has tracked changes of its own: accept or reject them in Word (Review > Accept or Reject), "
                "save it, then compare again"
            )
    types = new.xml("[Content_Types].xml")
    tracker = Tracker(
        author, _timestamp(date), _largest(new_roots.values(), w("id")) + 1, _largest_drawing(new_roots.values()) + 1
    )
    atoms = Atoms()
    extra_parts: dict[str, bytes] = {}
    replaced: dict[str, bytes] = {}
    types_changed = False
    for old_part, new_part in parts:
        new_rels = new.relationships(new_part)
        relinker = Relinker(old, old_part, new_rels, extra_parts, types)
        diff = BlockDiff(tracker, relinker, atoms, _resolver(old, old_part), _resolver(new, new_part))
        before = tracker.count
        old_root, new_root = old_roots[old_part], new_roots[new_part]
        body = new_root.find(w("body"))
        try:
            if body is not None:
                old_body = old_root.find(w("body"))
                diff.container(old_body if old_body is not None else etree.Element(w("body")), body)
            else:
                diff.container(old_root, new_root)
        except TooManyAtomsError as error:
            limit = f"{error.args[0]:,}"
            raise new.problem(f"the two files hold more than {limit} distinct pictures, links and fields") from None
        if tracker.count != before:
            replaced[new_part] = serialize(new_root)
        if new_rels.changed:
            replaced[rels_name(new_part)] = serialize(new_rels.root)
        types_changed |= relinker.types_changed
    if types_changed:
        replaced["[Content_Types].xml"] = serialize(types)
    replaced.update(extra_parts)
    # No change: NEW's parts as they are (a relationship added for nothing is not written either).
    return Redline(write_package(new, replaced if tracker.count else {}), tracker.count)


def _compared_parts(old: DocxFile, new: DocxFile) -> list[tuple[str, str]]:
    """(old part, new part): the main documents, then each header and footer both files have."""
    old_headers = set(_headers_and_footers(old))
    shared = [part for part in _headers_and_footers(new) if part in old_headers and old.has(part)]
    return [(old.main_part, new.main_part), *((part, part) for part in dict.fromkeys(shared))]


def _headers_and_footers(source: DocxFile) -> list[str]:
    """The header and footer parts the main document of `source` refers to, that it holds."""
    found = []
    for relation in source.relationships(source.main_part).root.iter(RELATIONSHIP):
        if relation.get("Type") in _HEADER_OR_FOOTER and relation.get("TargetMode") != "External":
            part = resolve(source.main_part, relation.get("Target", ""))
            if source.has(part):
                found.append(part)
    return sorted(found)


def _resolver(source: DocxFile, part: str) -> Resolver:
    """What a relationship id of `part` points at, so equal content in two files compares equal."""
    relationships = source.relationships(part)

    def points_at(rel_id: str) -> str:
        found = relationships.get(rel_id)
        if found is None:
            return "missing"
        rel_type, target, external = found
        return f"{rel_type} {target}" if external else f"{rel_type} {source.digest(target)}"

    return points_at


def _timestamp(date: str | None) -> str | None:
    if date is None:
        return None
    if not _DATE.fullmatch(date):
        raise ValueError(f"'{date}' is not a date written YYYY-MM-DD")
    datetime.date.fromisoformat(date)  # a real day: 2026-02-30 is refused
    return f"{date}T00:00:00Z"


def _largest(roots: Iterable[etree._Element], attribute: str) -> int:
    numbers = [0]
    for root in roots:
        for node in root.iter():
            value = node.get(attribute)
            if value is not None and value.isdigit():
                numbers.append(int(value))
    return max(numbers)


def _largest_drawing(roots: Iterable[etree._Element]) -> int:
    numbers = [0]
    for root in roots:
        for node in root.iter(f"{{{WP}}}docPr"):
            value = node.get("id", "")
            if value.isdigit():
                numbers.append(int(value))
    return max(numbers)
