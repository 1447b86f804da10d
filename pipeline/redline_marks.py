"""Revision marks: wrapping content in w:ins / w:del, and copies of deleted content that fit the new file.

A deleted paragraph, row or run comes from the old file and is put into the new one. What it refers to
by relationship (a picture, a hyperlink's address) is looked up in the old file and added to the new
one; what cannot be carried over safely (a chart, an embedded object, a footnote or comment of the
old file) is left out of the copy rather than pointing at the wrong thing.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Iterator

from lxml import etree

from pipeline.redline_package import DocxFile, Relationships, add_default_content_type, content_type_of

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, R_, T, TBL, TR, TC, PPR, RPR, TRPR = (w(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "pPr", "rPr", "trPr"))
INS, DEL, DEL_TEXT = w("ins"), w("del"), w("delText")
_DOC_PR = f"{{{WP}}}docPr"
# Marks and references that belong to one file: a copy in the other would clash or point at nothing.
_LEFT_OUT_OF_COPIES = frozenset(
    w(tag)
    for tag in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
        "permStart",
        "permEnd",
        "proofErr",
        "sectPr",
    )
)
_CARRIERS = frozenset({w("drawing"), w("pict"), w("object"), w("hyperlink")})


class Relinker:
    """Makes the relationship ids in a copy of old content valid in the new file (one pair of parts)."""

    def __init__(
        self,
        old: DocxFile,
        old_part: str,
        new_rels: Relationships,
        extra_parts: dict[str, bytes],
        types: etree._Element,
    ) -> None:
        self.old, self.old_rels, self.new_rels = old, old.relationships(old_part), new_rels
        self.extra_parts, self.types = extra_parts, types
        self.types_changed = False

    def relink(self, element: etree._Element) -> None:
        """Point every r:* reference in `element` at the same thing in the new file, or leave its carrier out."""
        for node in list(element.iter()):
            for attribute, value in list(node.attrib.items()):
                if not attribute.startswith(f"{{{R}}}"):
                    continue
                new_id = self._carried_over(value)
                if new_id is not None:
                    node.set(attribute, new_id)
                elif node is element:
                    del node.attrib[attribute]  # a hyperlink copied on its own keeps its text, not its target
                else:
                    _drop_carrier(node)
                    break

    def _carried_over(self, rel_id: str) -> str | None:
        found = self.old_rels.get(rel_id)
        if found is None:
            return None
        rel_type, target, external = found
        if external:
            return self.new_rels.find(rel_type, target, True) or self.new_rels.add(rel_type, target, True)
        if rel_type != _IMAGE or not self.old.has(target):
            return None  # a chart, an object, a part only the old file has: nothing safe to point at
        data = self.old.read(target)
        extension = posixpath.splitext(target)[1].lower()
        name = f"word/media/redline-{self.old.digest(target)[:16]}{extension}"
        self.extra_parts[name] = data
        content_type = content_type_of(self.old.xml("[Content_Types].xml"), target) or "application/octet-stream"
        if extension and add_default_content_type(self.types, extension.lstrip("."), content_type):
            self.types_changed = True
        return self.new_rels.find(rel_type, name, False) or self.new_rels.add(rel_type, name, False)


def _drop_carrier(node: etree._Element) -> None:
    carrier = next((a for a in node.iterancestors() if a.tag in _CARRIERS), None) if node.tag not in _CARRIERS else node
    target = carrier if carrier is not None else node
    parent = target.getparent()
    if parent is not None:
        parent.remove(target)


class Tracker:
    """Makes revision marks: one author, one date (or none), ids counted from `first_id`."""

    def __init__(self, author: str, date: str | None, first_id: int, first_drawing_id: int) -> None:
        self.author, self.date = author, date
        self._next_id, self._next_drawing_id = first_id, first_drawing_id
        self.count = 0

    def mark(self, kind: str) -> etree._Element:
        """A new, empty w:ins or w:del element (kind 'ins' or 'del')."""
        element = etree.Element(w(kind))
        element.set(w("id"), str(self._next_id))
        element.set(w("author"), self.author)
        if self.date:
            element.set(w("date"), self.date)
        self._next_id += 1
        self.count += 1
        return element

    def track(self, element: etree._Element, kind: str) -> etree._Element:
        """Mark every run of `element` inserted or deleted; returns the element to put in its place."""
        if kind == "del":
            to_deleted_text(element)
        if element.tag == R_:
            wrapper = self.mark(kind)
            parent = element.getparent()
            if parent is not None:
                parent.replace(element, wrapper)
            wrapper.append(element)
            return wrapper
        for run in list(outer_runs(element)):
            parent = run.getparent()
            assert parent is not None  # a run found below `element`
            wrapper = self.mark(kind)
            parent.replace(run, wrapper)
            wrapper.append(run)
        return element

    def track_paragraph(self, p: etree._Element, kind: str, mark_end: bool = True) -> None:
        """Mark a whole paragraph inserted or deleted: its runs, and its paragraph mark when `mark_end`.

        The last paragraph of a cell or of the body keeps its mark unmarked: Word cannot remove the
        mark that ends a cell or the document, so accepting or rejecting leaves an empty paragraph there.
        """
        for child in list(p):
            if child.tag != PPR:
                self.track(child, kind)
        if mark_end:
            paragraph_rpr(p).insert(0, self.mark(kind))

    def track_row(self, row: etree._Element, kind: str) -> None:
        properties = row.find(TRPR)
        if properties is None:
            properties = etree.Element(TRPR)
            row.insert(1 if len(row) and row[0].tag == w("tblPrEx") else 0, properties)
        change = properties.find(w("trPrChange"))
        if change is not None:
            change.addprevious(self.mark(kind))
        else:
            properties.append(self.mark(kind))
        for cell in row.iterchildren(TC):
            self.track_blocks(cell, kind)

    def track_blocks(self, container: etree._Element, kind: str) -> None:
        """Mark every paragraph and table row in a container (a cell, a deleted table) as a whole."""
        for child in container:
            if child.tag == P:
                self.track_paragraph(child, kind, mark_end=child is not last_paragraph(container))
            elif child.tag == TBL:
                for row in child.iterchildren(TR):
                    self.track_row(row, kind)
            elif child.tag != w("tcPr"):
                for p in child.iter(P):
                    self.track_paragraph(p, kind)

    def deleted_copy(self, element: etree._Element, relinker: Relinker) -> etree._Element:
        """A copy of old content for the new file, not yet marked."""
        duplicate = copy.deepcopy(element)
        for node in list(duplicate.iter(*_LEFT_OUT_OF_COPIES)):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
        relinker.relink(duplicate)
        for drawing in duplicate.iter(_DOC_PR):
            drawing.set("id", str(self._next_drawing_id))  # ids of pictures are unique in a document
            self._next_drawing_id += 1
        return duplicate


def outer_runs(element: etree._Element) -> Iterator[etree._Element]:
    """The w:r elements in `element` that are not inside another run (a text box's runs stay as they are)."""
    for child in element:
        if child.tag == R_:
            yield child
        elif child.tag not in (INS, DEL) and isinstance(child.tag, str):
            yield from outer_runs(child)


def to_deleted_text(element: etree._Element) -> None:
    for node in element.iter(T, w("instrText")):
        node.tag = DEL_TEXT if node.tag == T else w("delInstrText")
        node.set(XML_SPACE, "preserve")


def paragraph_rpr(p: etree._Element) -> etree._Element:
    """The run properties of the paragraph mark (w:pPr/w:rPr), made when missing, in schema order."""
    properties = p.find(PPR)
    if properties is None:
        properties = etree.Element(PPR)
        p.insert(0, properties)
    rpr = properties.find(RPR)
    if rpr is None:
        rpr = etree.Element(RPR)
        later = next((c for c in properties if c.tag in (w("sectPr"), w("pPrChange"))), None)
        if later is not None:
            later.addprevious(rpr)
        else:
            properties.append(rpr)
    return rpr


def last_paragraph(container: etree._Element) -> etree._Element | None:
    blocks = [c for c in container if c.tag in (P, TBL)]
    return blocks[-1] if blocks and blocks[-1].tag == P else None
