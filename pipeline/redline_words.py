"""Word by word inside a changed paragraph: the new paragraph's runs, with what changed marked.

A paragraph is read as pieces: plain runs (text, tabs, breaks), atoms (anything else a reader sees:
a picture, a hyperlink, a field) and marks (bookmarks and the like, which read as nothing). Each atom
reads as one private-use character that stands for its content, so an unchanged picture or link
compares equal and a changed one is replaced whole. The texts are compared by words (difflib), and
the new runs are cut where a change starts or ends: unchanged and inserted text keep the new run's
formatting, deleted text keeps the old run's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from lxml import etree

from pipeline.redline_marks import PPR, R_, RPR, XML_SPACE, Relinker, T, Tracker, w

_PLAIN = {w("t"), w("tab"), w("br"), w("cr"), w("noBreakHyphen"), w("softHyphen"), w("lastRenderedPageBreak"), RPR}
_MARKS = {
    w(t)
    for t in (
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "permStart",
        "permEnd",
        "commentRangeStart",
        "commentRangeEnd",
    )
}
# The Supplementary Private Use Areas (planes 15 and 16): no font or keyboard puts them in a document's text.
_ATOM_CHARS = [*range(0xF0000, 0xFFFFE), *range(0x100000, 0x10FFFE)]
_TOKEN = re.compile(r"[\U000F0000-\U0010FFFD]|\w+|\s+|[^\w\s]")


class TooManyAtomsError(Exception):
    """More distinct pictures, links and fields than there are characters to stand for them."""


Resolver = Callable[[str], str]
"""A relationship id of the file a paragraph comes from -> what it points at (an address, a picture's digest)."""


@dataclass
class Piece:
    element: etree._Element
    text: str
    kind: str  # "run", "atom" or "mark"
    makers: Sequence[etree._Element | None] = ()
    """For a run: per character, the element that makes it (a w:tab, a w:br) or None for text in a w:t."""


class Atoms:
    """One private-use character per distinct content of an atom, shared by both files."""

    def __init__(self) -> None:
        self._chars: dict[bytes, str] = {}

    def char(self, element: etree._Element, resolve: Resolver) -> str:
        key = _canonical(element, resolve)
        if key not in self._chars:
            if len(self._chars) == len(_ATOM_CHARS):
                raise TooManyAtomsError(len(_ATOM_CHARS))
            self._chars[key] = chr(_ATOM_CHARS[len(self._chars)])
        return self._chars[key]


def _canonical(element: etree._Element, resolve: Resolver) -> bytes:
    """The content of an atom without what differs between two saves of the same content."""
    duplicate = copy.deepcopy(element)
    for node in duplicate.iter():
        for name, value in list(node.attrib.items()):
            if "rsid" in name or (name == "id" and etree.QName(node).localname == "docPr"):
                del node.attrib[name]
            elif name.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"):
                node.set(name, resolve(value))
    canonical: bytes = etree.tostring(duplicate)
    return canonical


def pieces(p: etree._Element, atoms: Atoms, resolve: Resolver) -> list[Piece]:
    found = []
    for child in p:
        if child.tag == PPR or not isinstance(child.tag, str):
            continue
        if child.tag == R_ and all(grand.tag in _PLAIN for grand in child):
            text, makers = _run_text(child)
            found.append(Piece(child, text, "run" if text else "mark", makers))
        elif child.tag in _MARKS:
            found.append(Piece(child, "", "mark"))
        else:
            found.append(Piece(child, atoms.char(child, resolve), "atom"))
    return found


def _run_text(run: etree._Element) -> tuple[str, list[etree._Element | None]]:
    text: list[str] = []
    makers: list[etree._Element | None] = []
    for child in run:
        if child.tag == T:
            chunk = child.text or ""
            text.append(chunk)
            makers.extend([None] * len(chunk))
            continue
        if child.tag == w("br"):
            char = "\n" if child.get(w("type")) in (None, "textWrapping") else "\f"
        else:
            char = {w("tab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}.get(
                child.tag, ""
            )
        if char:
            text.append(char)
            makers.append(child)
    return "".join(text), makers


def text_of(found: Sequence[Piece]) -> str:
    return "".join(piece.text for piece in found)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def rewrite(
    old: Sequence[Piece], new_p: etree._Element, new: Sequence[Piece], tracker: Tracker, relinker: Relinker
) -> None:
    """Put into `new_p` its own runs, cut and marked where the text differs from `old`'s."""
    inserted, deletions = _changes(text_of(old), text_of(new))
    children: list[etree._Element] = []

    def delete_at(position: int) -> None:
        for start, end in deletions.pop(position, ()):
            for content in _old_content(old, start, end, tracker, relinker):
                children.append(tracker.track(content, "del"))

    position = 0
    for piece in new:
        start, end = position, position + len(piece.text)
        position = end
        if piece.kind == "mark":
            children.append(piece.element)
            continue
        cuts = sorted({start, end} | {c for c in [*_bounds(inserted), *deletions] if start < c < end})
        for cut_start, cut_end in pairwise(cuts):
            delete_at(cut_start)
            if piece.kind == "atom" or (cut_start, cut_end) == (start, end):
                content = piece.element
            else:
                content = _cut_run(piece, cut_start - start, cut_end - start)
            is_new = any(a <= cut_start < b for a, b in inserted)
            children.append(tracker.track(content, "ins") if is_new else content)
    for remaining in sorted(deletions):
        delete_at(remaining)
    for child in list(new_p):
        if child.tag != PPR:
            new_p.remove(child)
    new_p.extend(children)


def _bounds(inserted: Sequence[tuple[int, int]]) -> list[int]:
    return [bound for span in inserted for bound in span]


def _changes(old_text: str, new_text: str) -> tuple[list[tuple[int, int]], dict[int, list[tuple[int, int]]]]:
    """What is new in new_text (character spans), and what old_text lost, by where in new_text it was."""
    old_tokens, new_tokens = tokens(old_text), tokens(new_text)
    old_at, new_at = _offsets(old_tokens), _offsets(new_tokens)
    inserted: list[tuple[int, int]] = []
    deletions: dict[int, list[tuple[int, int]]] = {}
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in _joined(matcher.get_opcodes(), new_tokens):
        if tag == "equal":
            continue
        if i2 > i1:
            deletions.setdefault(new_at[j1], []).append((old_at[i1], old_at[i2]))
        if j2 > j1:
            inserted.append((new_at[j1], new_at[j2]))
    return inserted, deletions


def _offsets(found: Sequence[str]) -> list[int]:
    offsets = [0]
    for token in found:
        offsets.append(offsets[-1] + len(token))
    return offsets


Opcode = tuple[str, int, int, int, int]


def _joined(opcodes: Sequence[Opcode], new_tokens: Sequence[str]) -> list[Opcode]:
    """The opcodes with a lone space between two changes made part of one change, as a reader sees it:
    'at least [-30-][+45+] [-days-][+weeks+]' reads better as 'at least [-30 days-][+45 weeks+]'."""
    joined: list[Opcode] = []
    for index, opcode in enumerate(opcodes):
        tag, i1, i2, j1, j2 = opcode
        lone_space = tag == "equal" and j2 - j1 == 1 and new_tokens[j1].isspace()
        between_changes = 0 < index < len(opcodes) - 1 and opcodes[index + 1][0] != "equal"
        if lone_space and between_changes:
            tag = "replace"
        if joined and tag != "equal" and joined[-1][0] != "equal":
            _, start_i, _, start_j, _ = joined.pop()
            joined.append(("replace", start_i, i2, start_j, j2))
        else:
            joined.append((tag, i1, i2, j1, j2))
    return joined


def _cut_run(piece: Piece, start: int, end: int) -> etree._Element:
    """A run with the new run's properties and its characters start..end."""
    run = etree.Element(R_, attrib=dict(piece.element.attrib))
    properties = piece.element.find(RPR)
    if properties is not None:
        run.append(copy.deepcopy(properties))
    text: list[str] = []

    def flush() -> None:
        if text:
            element = etree.SubElement(run, T)
            element.text = "".join(text)
            element.set(XML_SPACE, "preserve")
            text.clear()

    for index in range(start, end):
        maker = piece.makers[index]
        if maker is None:
            text.append(piece.text[index])
        else:
            flush()
            run.append(copy.deepcopy(maker))
    flush()
    return run


def _old_content(
    old: Sequence[Piece], start: int, end: int, tracker: Tracker, relinker: Relinker
) -> list[etree._Element]:
    """Copies of the old paragraph's content from character start to end, for the new file."""
    content, position = [], 0
    for piece in old:
        piece_start, piece_end = position, position + len(piece.text)
        position = piece_end
        if piece.kind == "mark" or piece_end <= start or piece_start >= end:
            continue
        if piece.kind == "atom":
            content.append(tracker.deleted_copy(piece.element, relinker))
        else:
            content.append(_cut_run(piece, max(start, piece_start) - piece_start, min(end, piece_end) - piece_start))
    return content


def record_style_change(old_p: etree._Element, new_p: etree._Element, tracker: Tracker) -> bool:
    """Record the old paragraph style (w:pPrChange) when the style differs; True when it did."""
    if _style(old_p) == _style(new_p):
        return False
    new_properties = new_p.find(PPR)
    if new_properties is None:
        new_properties = etree.Element(PPR)
        new_p.insert(0, new_properties)
    old_properties = copy.deepcopy(old_p.find(PPR)) if old_p.find(PPR) is not None else etree.Element(PPR)
    for child in list(old_properties):
        if child.tag in (RPR, w("sectPr"), w("pPrChange")):
            old_properties.remove(child)
    change = tracker.mark("ins")
    change.tag = w("pPrChange")
    change.append(old_properties)
    new_properties.append(change)
    return True


def _style(p: etree._Element) -> str | None:
    style = p.find(f"{PPR}/{w('pStyle')}")
    return style.get(w("val")) if style is not None else None


def style_of(p: etree._Element) -> str:
    return _style(p) or ""
