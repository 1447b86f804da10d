"""Paragraph by paragraph, table by table: which blocks of the old file were kept, changed, deleted or added.

The blocks of a container (the body, a header, a table cell) are compared by their text (difflib).
Where a run of blocks differs, old and new blocks are paired when they are alike enough (a paragraph
whose words mostly stayed, a table), and the rest are deleted or inserted whole. A paired paragraph is
compared word by word (pipeline.redline_words); a paired table cell by cell when old and new have the
same shape, otherwise row by row, rows with the same number of cells cell by cell and the others
deleted or inserted whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from lxml import etree

from pipeline.redline_marks import DEL, INS, PPR, RPR, TBL, TC, TR, Relinker, Tracker, w
from pipeline.redline_marks import P as P_TAG
from pipeline.redline_words import (
    Atoms,
    Piece,
    Resolver,
    pieces,
    record_style_change,
    rewrite,
    style_of,
    text_of,
    tokens,
)

_BLOCKS = (P_TAG, TBL, w("sdt"), w("customXml"))
_ALIKE = 0.4
"""Share of words two paragraphs have in common (difflib's ratio) from which one reads as a change of the
other, not as one paragraph deleted and another inserted."""
_MOST_PAIRS_WEIGHED = 10_000
"""Old x new blocks in one changed stretch above which blocks are paired in order instead of by the best
alignment (which costs that many comparisons)."""

Action = tuple[str, int, int]  # ("equal" | "pair" | "del" | "ins", old index or -1, new index or -1)


class BlockDiff:
    """Compares the containers of one part of the old file with the same part of the new file."""

    def __init__(
        self, tracker: Tracker, relinker: Relinker, atoms: Atoms, old_resolve: Resolver, new_resolve: Resolver
    ) -> None:
        self.tracker, self.relinker, self.atoms = tracker, relinker, atoms
        self._resolve = {False: old_resolve, True: new_resolve}
        self._pieces: dict[etree._Element, list[Piece]] = {}
        self._keys: dict[etree._Element, str] = {}
        self._side: dict[etree._Element, bool] = {}

    def container(self, old: etree._Element, new: etree._Element) -> None:
        """Mark in `new` (the body, a header, a cell) what changed from `old`."""
        self._own(old, False)
        self._own(new, True)
        old_blocks = [child for child in old if child.tag in _BLOCKS]
        new_blocks = [child for child in new if child.tag in _BLOCKS]
        actions = align(
            [self.key(b) for b in old_blocks],
            [self.key(b) for b in new_blocks],
            self._alike_blocks(old_blocks, new_blocks),
        )
        tracked = set()
        for kind, o, n, anchor in _with_anchors(actions):
            if kind == "pair":
                self._pair(old_blocks[o], new_blocks[n])
            elif kind == "ins":
                self._track_block(new_blocks[n], "ins")
                tracked.add(new_blocks[n])
            elif kind == "del":
                duplicate = self.tracker.deleted_copy(old_blocks[o], self.relinker)
                self._track_block(duplicate, "del")
                tracked.add(duplicate)
                _place(new, duplicate, new_blocks[anchor] if anchor >= 0 else None)
        _unmark_last_paragraph(new, tracked)

    def key(self, block: etree._Element) -> str:
        """What a block reads as: a paragraph's style and text, a table's rows, cells and their blocks."""
        if block not in self._keys:
            if block.tag == P_TAG:
                key = style_of(block) + "\x1f" + text_of(self.pieces(block))
            elif block.tag in (TBL, TR, TC):
                inner = {TBL: TR, TR: TC, TC: None}[block.tag]
                parts = block.iterchildren(inner) if inner else (c for c in block if c.tag in _BLOCKS)
                key = block.tag[-3:] + "\x1e" + "\x1d".join(self.key(part) for part in parts)
            else:
                key = str(block.tag) + "\x1e" + "\x1d".join(self.key(p) for p in block.iter(P_TAG))
            self._keys[block] = key
        return self._keys[block]

    def pieces(self, p: etree._Element) -> list[Piece]:
        if p not in self._pieces:
            self._pieces[p] = pieces(p, self.atoms, self._resolve[self._side.get(p, True)])
        return self._pieces[p]

    def _own(self, container: etree._Element, is_new: bool) -> None:
        """Note which file the paragraphs of `container` come from (their links resolve there)."""
        for p in container.iter(P_TAG):
            self._side.setdefault(p, is_new)

    def _alike_blocks(
        self, old: Sequence[etree._Element], new: Sequence[etree._Element]
    ) -> Callable[[int, int], float]:
        def alike(o: int, n: int) -> float:
            if old[o].tag != new[n].tag or old[o].tag not in (P_TAG, TBL):
                return 0.0
            if old[o].tag == TBL and _shape(old[o]) == _shape(new[n]):
                return 1.0  # same rows and cells: compared cell by cell
            return _alike(self.key(old[o]), self.key(new[n]))

        return alike

    def _pair(self, old: etree._Element, new: etree._Element) -> None:
        if old.tag == P_TAG:
            record_style_change(old, new, self.tracker)
            if text_of(self.pieces(old)) != text_of(self.pieces(new)):
                rewrite(self.pieces(old), new, self.pieces(new), self.tracker, self.relinker)
        else:
            self._table(old, new)

    def _table(self, old: etree._Element, new: etree._Element) -> None:
        old_rows, new_rows = old.findall(TR), new.findall(TR)
        if _shape(old) == _shape(new):
            for old_row, new_row in zip(old_rows, new_rows, strict=True):
                self._row(old_row, new_row)
            return

        def alike(o: int, n: int) -> float:
            same_cells = len(old_rows[o].findall(TC)) == len(new_rows[n].findall(TC))
            return _alike(self.key(old_rows[o]), self.key(new_rows[n])) if same_cells else 0.0

        actions = align([self.key(r) for r in old_rows], [self.key(r) for r in new_rows], alike)
        for kind, o, n, anchor in _with_anchors(actions):
            if kind == "pair":
                self._row(old_rows[o], new_rows[n])
            elif kind == "ins":
                self.tracker.track_row(new_rows[n], "ins")
            elif kind == "del":
                duplicate = self.tracker.deleted_copy(old_rows[o], self.relinker)
                self.tracker.track_row(duplicate, "del")
                _place(new, duplicate, new_rows[anchor] if anchor >= 0 else None)

    def _row(self, old: etree._Element, new: etree._Element) -> None:
        for old_cell, new_cell in zip(old.findall(TC), new.findall(TC), strict=True):
            if self.key(old_cell) != self.key(new_cell):
                self.container(old_cell, new_cell)

    def _track_block(self, block: etree._Element, kind: str) -> None:
        if block.tag == P_TAG:
            self.tracker.track_paragraph(block, kind)
        elif block.tag == TBL:
            for row in block.iterchildren(TR):
                self.tracker.track_row(row, kind)
        else:
            for p in list(block.iter(P_TAG)):
                self.tracker.track_paragraph(p, kind)


def align(old: Sequence[str], new: Sequence[str], alike: Callable[[int, int], float]) -> list[Action]:
    """How the old items become the new ones: kept, paired (changed), deleted or inserted, in order."""
    actions: list[Action] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            actions.extend(("equal", i1 + k, j1 + k) for k in range(i2 - i1))
        elif (i2 - i1) * (j2 - j1) <= _MOST_PAIRS_WEIGHED:
            actions.extend(_best_pairs(range(i1, i2), range(j1, j2), alike))
        else:
            actions.extend(_pairs_in_order(range(i1, i2), range(j1, j2), alike))
    return actions


def _best_pairs(old: range, new: range, alike: Callable[[int, int], float]) -> list[Action]:
    """The pairing with the most likeness above _ALIKE, old and new kept in order (dynamic programming)."""
    rows, cols = len(old), len(new)
    gain = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    step = [[""] * (cols + 1) for _ in range(rows + 1)]
    for a in range(rows + 1):
        for b in range(cols + 1):
            if a == 0 and b == 0:
                continue
            options = []
            if a:
                options.append((gain[a - 1][b], "del"))
            if b:
                options.append((gain[a][b - 1], "ins"))
            if a and b:
                likeness = alike(old[a - 1], new[b - 1])
                if likeness >= _ALIKE:
                    options.append((gain[a - 1][b - 1] + likeness - _ALIKE + 1e-9, "pair"))
            gain[a][b], step[a][b] = max(options)
    actions: list[Action] = []
    a, b = rows, cols
    while a or b:
        kind = step[a][b]
        actions.append((kind, old[a - 1] if kind != "ins" else -1, new[b - 1] if kind != "del" else -1))
        a, b = a - (kind != "ins"), b - (kind != "del")
    # Walked back from the end, a tie between deleting and inserting takes "ins" (max of the names), so
    # read forward a deletion comes before the insertion that replaces it, as Word shows them.
    return list(reversed(actions))


def _pairs_in_order(old: range, new: range, alike: Callable[[int, int], float]) -> list[Action]:
    actions: list[Action] = []
    for offset in range(max(len(old), len(new))):
        o = old[offset] if offset < len(old) else -1
        n = new[offset] if offset < len(new) else -1
        if o >= 0 and n >= 0 and alike(o, n) >= _ALIKE:
            actions.append(("pair", o, n))
            continue
        if o >= 0:
            actions.append(("del", o, -1))
        if n >= 0:
            actions.append(("ins", -1, n))
    return actions


def _with_anchors(actions: Sequence[Action]) -> list[tuple[str, int, int, int]]:
    """Each action with the new item a deleted one goes before: the next new item after it (-1: the end)."""
    anchored = []
    anchor = -1
    for kind, o, n in reversed(actions):
        anchored.append((kind, o, n, anchor))
        if n >= 0:
            anchor = n
    return list(reversed(anchored))


def _place(container: etree._Element, element: etree._Element, before: etree._Element | None) -> None:
    if before is not None:
        before.addprevious(element)
        return
    ending = container.find(w("sectPr"))  # the body's last child: blocks go before it
    if ending is not None and ending.getparent() is container:
        ending.addprevious(element)
    else:
        container.append(element)


def _unmark_last_paragraph(container: etree._Element, tracked: set[etree._Element]) -> None:
    """Word cannot insert or delete the mark that ends a cell or the document: the last paragraph keeps it."""
    blocks = [child for child in container if child.tag in _BLOCKS]
    if blocks and blocks[-1].tag == P_TAG and blocks[-1] in tracked:
        rpr = blocks[-1].find(f"{PPR}/{RPR}")
        for mark in list(rpr.iterchildren(INS, DEL)) if rpr is not None else ():
            rpr.remove(mark)


def _shape(table: etree._Element) -> list[int]:
    return [len(row.findall(TC)) for row in table.iterchildren(TR)]


def _alike(old_key: str, new_key: str) -> float:
    old_words = [t for t in tokens(old_key) if not t.isspace()]
    new_words = [t for t in tokens(new_key) if not t.isspace()]
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    if matcher.real_quick_ratio() < _ALIKE or matcher.quick_ratio() < _ALIKE:
        return 0.0  # the cheap upper bounds already say: not alike (ratio() costs far more)
    return matcher.ratio()
