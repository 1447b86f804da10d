"""A Word file opened for comparing: its parts read with limits, its XML parsed safely, written back reproducibly.

Any file can be handed to `partnerdocs redline`, so nothing in it is trusted: the file must be a regular
file within MAX_DOCX_BYTES (pipeline.input_file), every part is read one byte past its limit and no
further (a zip entry can claim a small size and inflate to gigabytes), and XML is parsed without
entities, DTDs or network access. Whatever goes wrong is one Problem naming the file.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.errors import PartnerdocsError, Problem
from pipeline.input_file import ZIP_ERRORS, read_input_file

MAX_DOCX_BYTES = 50_000_000
MAX_PART_BYTES = 64_000_000
"""One part inflated; the largest part of a document partnerdocs builds is under 1 MB."""
MAX_TOTAL_BYTES = 256_000_000
"""All the parts of one file inflated; a zip bomb stops here."""
MAX_ENTRIES = 5_000

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIP = f"{{{_PKG_RELS}}}Relationship"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # as pipeline.package writes documents: the same inputs give the same bytes
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

# What zipfile, zlib and the XML parser raise for a file that is not a readable Word document.
UNREADABLE: tuple[type[Exception], ...] = (*ZIP_ERRORS, etree.XMLSyntaxError)


class DocxFile:
    """The parts of one .docx, read on demand within the limits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = read_input_file(path, MAX_DOCX_BYTES, "Word files to compare")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            # A name listed twice (a crafted zip) is read and written once.
            self.names = list(dict.fromkeys(info.filename for info in self._zip.infolist()))
        except UNREADABLE as error:
            raise self.problem("not a Word .docx file (it is not a zip package; is it a .doc?)") from error
        if len(self.names) > MAX_ENTRIES:
            raise self.problem(f"has {len(self.names):,} parts; Word files to compare are limited to {MAX_ENTRIES:,}")
        self._read_total = 0
        self._cache: dict[str, bytes] = {}
        self.main_part = self._main_part()

    def problem(self, message: str) -> PartnerdocsError:
        return PartnerdocsError([Problem(str(self.path), message=message)])

    def has(self, name: str) -> bool:
        return name in self._cache or name in self.names

    def read(self, name: str) -> bytes:
        """The bytes of part `name` (no leading slash), inflated no further than the limits allow."""
        if name in self._cache:
            return self._cache[name]
        try:
            with self._zip.open(name) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except UNREADABLE as error:
            raise self.problem(f"its part {name} cannot be read ({type(error).__name__})") from error
        if len(data) > MAX_PART_BYTES:
            raise self.problem(f"its part {name} inflates to more than {MAX_PART_BYTES:,} bytes")
        self._read_total += len(data)
        if self._read_total > MAX_TOTAL_BYTES:
            raise self.problem(f"its parts inflate to more than {MAX_TOTAL_BYTES:,} bytes")
        self._cache[name] = data
        return data

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.read(name), _PARSER)
        except etree.XMLSyntaxError as error:
            raise self.problem(f"its part {name} is not well-formed XML ({error})") from error

    def digest(self, name: str) -> str:
        return hashlib.sha256(self.read(name)).hexdigest() if self.has(name) else f"missing:{name}"

    def relationships(self, part: str) -> Relationships:
        """The relationships of `part` (an empty set when it has none)."""
        name = rels_name(part)
        return Relationships(part, self.xml(name) if self.has(name) else None)

    def _main_part(self) -> str:
        if not self.has("_rels/.rels"):
            raise self.problem("not a Word .docx file (the package has no _rels/.rels)")
        for relation in self.relationships("").root.iter(RELATIONSHIP):
            if relation.get("Type") == _OFFICE_DOCUMENT:
                name = resolve("", relation.get("Target", ""))
                if self.has(name):
                    return name
        raise self.problem("not a Word .docx file (the package names no main document part)")


class Relationships:
    """The relationships of one part: rId -> (type, target part name or URL, external?)."""

    def __init__(self, part: str, root: etree._Element | None) -> None:
        self.part = part
        self.root = (
            root if root is not None else etree.Element(f"{{{_PKG_RELS}}}Relationships", nsmap={None: _PKG_RELS})
        )
        self.changed = False

    def get(self, rel_id: str) -> tuple[str, str, bool] | None:
        for relation in self.root.iter(RELATIONSHIP):
            if relation.get("Id") == rel_id:
                external = relation.get("TargetMode") == "External"
                target = relation.get("Target", "")
                return relation.get("Type", ""), target if external else resolve(self.part, target), external
        return None

    def find(self, rel_type: str, target: str, external: bool) -> str | None:
        for relation in self.root.iter(RELATIONSHIP):
            if relation.get("Id") and (relation.get("Type"), external) == (
                rel_type,
                relation.get("TargetMode") == "External",
            ):
                found = relation.get("Target", "")
                if (found if external else resolve(self.part, found)) == target:
                    return str(relation.get("Id"))
        return None

    def add(self, rel_type: str, target: str, external: bool) -> str:
        """A new relationship to `target` (a part name, or a URL when external); its id."""
        taken = {relation.get("Id") for relation in self.root.iter(RELATIONSHIP)}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        relation = etree.SubElement(self.root, RELATIONSHIP)
        relation.set("Id", f"rId{number}")
        relation.set("Type", rel_type)
        relation.set("Target", target if external else posixpath.relpath(target, posixpath.dirname(self.part) or "."))
        if external:
            relation.set("TargetMode", "External")
        self.changed = True
        return f"rId{number}"


def add_default_content_type(types: etree._Element, extension: str, content_type: str) -> bool:
    """Declare `extension` in [Content_Types].xml unless it is declared; True when it was added."""
    for default in types.iter(f"{{{_CONTENT_TYPES}}}Default"):
        if (default.get("Extension") or "").lower() == extension.lower():
            return False
    element = etree.Element(f"{{{_CONTENT_TYPES}}}Default", Extension=extension, ContentType=content_type)
    types.insert(0, element)
    return True


def content_type_of(types: etree._Element, name: str) -> str | None:
    """The content type [Content_Types].xml gives part `name`."""
    for override in types.iter(f"{{{_CONTENT_TYPES}}}Override"):
        if override.get("PartName", "").lstrip("/") == name:
            return str(override.get("ContentType", "")) or None
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    for default in types.iter(f"{{{_CONTENT_TYPES}}}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return str(default.get("ContentType", "")) or None
    return None


def rels_name(part: str) -> str:
    """'word/document.xml' -> 'word/_rels/document.xml.rels'; '' (the package) -> '_rels/.rels'."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve(part: str, target: str) -> str:
    """The part name a relationship target of `part` points at (no leading slash)."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target)).lstrip("/")


def serialize(root: etree._Element) -> bytes:
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def write_package(source: DocxFile, replaced: dict[str, bytes]) -> bytes:
    """`source`'s parts in their order, with `replaced` (part name -> bytes) put in or added at the end."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in [*source.names, *sorted(set(replaced) - set(source.names))]:
            if name.endswith("/"):
                continue  # a folder entry: not a part
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, replaced[name] if name in replaced else source.read(name))
    return buffer.getvalue()
