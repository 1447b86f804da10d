"""Print layout of every document kind: what belongs together stays together on the page.

Templates carry what a style can carry (Heading and Lead-in styles keep with the next paragraph);
this pass covers what depends on the rendered content, in one walk over the body:

- a heading whose style does not keep with the next paragraph gets the property directly;
- a lead-in (a paragraph right before a table, or ending in a colon right before a list) keeps with
  what it introduces, so it never ends a page alone;
- no table row splits across pages, and a repeated header row stays with the first row under it;
- an e-mail address never breaks at its hyphens (they become non-breaking hyphens); in a table column,
  which may be narrower than the address, it may break before its '@' or a dot (a zero-width space
  marks each place), never in the middle of a word;
- each signature block is laid out one field per table row (organization, signature, name, title,
  date), so when a long name or title wraps in one block, the fields of the block beside it move down
  with it and stay aligned; the rows of a block keep together.

The zero-width spaces are invisible and pipeline.text leaves them out of the text rendition, so the
text, the fingerprint and the golden files are the same with or without this pass.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from pipeline.render import RenderedTemplate

ZERO_WIDTH_SPACE = "\u200b"

_P, _TBL, _TR, _TC, _T = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:t"))
_PPR, _TRPR, _TCPR = (qn(t) for t in ("w:pPr", "w:trPr", "w:tcPr"))
_P_STYLE, _KEEP_NEXT, _VAL = qn("w:pStyle"), qn("w:keepNext"), qn("w:val")
_P_STYLE_PATH = f"{_PPR}/{_P_STYLE}"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_Styles = Mapping[str | None, str]

# Order of the children of w:pPr and w:trPr (ECMA-376 part 1, 17.3.1.26 and 17.4.82): a property
# element must go in its place, or Word reports the document as damaged.
_PPR_BEFORE_KEEP_NEXT = {qn(f"w:{t}") for t in ("pStyle",)}
_TRPR_BEFORE_CANT_SPLIT = {qn(f"w:{t}") for t in ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter")}

EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_BREAK_POINTS = re.compile(r"(?=[@.])")
# A signature block field starts with a short label and a colon ("Name:", "Title:", "Date:").
_FIELD_LABEL = re.compile(r"\s*([^\W\d_][^:]{0,30}):")


def apply_print_layout(rendered: RenderedTemplate) -> None:
    """Set the keep-together properties on a rendered body (see the module's docstring)."""
    body = rendered.body
    package = rendered.package
    queries = _queries(package.final_zip, frozenset(package.styles.items()))
    # Each query walks the tree in C and returns only the elements to change, so the pass costs little
    # more than one parse of the body.
    for p in _BEFORE_TABLE(body):
        if not _keeps(p, queries.keeping):
            _set_keep_next(p)
    for p in queries.headings_and_colons(body):
        if _keeps(p, queries.keeping):
            continue
        style = _style_id(p)
        following = p.getnext()
        before_list = (
            following is not None
            and following.tag == _P
            and _is_list(following, queries.lists)
            and not _is_list(p, queries.lists)
        )
        if style in queries.headings or before_list:
            _set_keep_next(p)
    tables = []
    for row in queries.rows(body):  # only the rows that need a change: most already cannot split
        if row.find(_CANT_SPLIT_PATH) is None:
            _forbid_split(row)
        if row.find(_TBL_HEADER_PATH) is not None:
            for p in _row_paragraphs(row):
                _set_keep_next(p)
        elif any(_style_id(p) in queries.signatures for p in _row_paragraphs(row)):
            table = row.getparent()
            if _split_signature_row(row, package.styles) and table not in tables:
                tables.append(table)
    for table in tables:
        _renew(table)
    for text in _EMAIL_TEXTS(body):
        _protect_emails(text, in_table=text.getparent().getparent().getparent().tag == _TC)


_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_BEFORE_TABLE = etree.XPath("./w:tbl/preceding-sibling::*[1][self::w:p]", namespaces=_NS)
_KEEP_NEXT_PATH, _NUM_PR_PATH = f"{_PPR}/{qn('w:keepNext')}", f"{_PPR}/{qn('w:numPr')}"
_CANT_SPLIT_PATH, _TBL_HEADER_PATH = f"{_TRPR}/{qn('w:cantSplit')}", f"{_TRPR}/{qn('w:tblHeader')}"
# w:t > w:r > w:p; a run inside a hyperlink is one level deeper and is treated as prose.
_EMAIL_TEXTS = etree.XPath(".//w:t[contains(., '@')]", namespaces=_NS)


@dataclass(frozen=True)
class _Queries:
    """What depends on a template's styles, worked out once per template and process."""

    keeping: frozenset[str | None]
    """Paragraph styles that keep with the next paragraph."""
    headings: frozenset[str | None]
    """Heading styles that do not."""
    lists: frozenset[str | None]
    signatures: frozenset[str | None]
    """Styles of signature blocks ("Signature Line", "Signature Field"...)."""
    headings_and_colons: etree.XPath
    """Body paragraphs in a heading style of `headings`, or ending in a colon (maybe lead-ins)."""
    rows: etree.XPath
    """Rows that may split, header rows, and rows of signature blocks side by side."""


def _any_style(ids: Iterable[str | None]) -> str:
    """An XPath test: the paragraph's style is one of `ids` (one string search, not one test per id)."""
    names = " ".join(sorted(i for i in ids if i and "'" not in i and " " not in i))
    if not names:
        return "false()"
    return f"w:pPr/w:pStyle[contains(' {names} ', concat(' ', @w:val, ' '))]"


@functools.cache
def _queries(template_zip: bytes, styles: frozenset[tuple[str | None, str]]) -> _Queries:
    keeping = _styles_keeping_with_next(template_zip)
    names = dict(styles)
    headings = frozenset(i for i, n in names.items() if n.startswith("Heading") and i not in keeping)
    signatures = frozenset(i for i, n in names.items() if n.startswith("Signature"))
    ends_with_colon = "substring(normalize-space(.), string-length(normalize-space(.))) = ':'"
    return _Queries(
        keeping=keeping,
        headings=headings,
        lists=frozenset(i for i, n in names.items() if n.startswith("List")),
        signatures=signatures,
        headings_and_colons=etree.XPath(f"./w:p[{_any_style(headings)} or {ends_with_colon}]", namespaces=_NS),
        rows=etree.XPath(
            ".//w:tr[not(w:trPr/w:cantSplit) or w:trPr/w:tblHeader"
            f" or (w:tc[2] and w:tc/w:p[{_any_style(signatures)}])]",
            namespaces=_NS,
        ),
    )


# --- Headings and lead-ins ------------------------------------------------------------------------------


def _styles_keeping_with_next(template_zip: bytes) -> frozenset[str | None]:
    """The paragraph style ids whose style (or a style it is based on) keeps with the next paragraph.

    Read from the template's own styles part, so a coalition's template whose headings already keep
    with the next paragraph gets no direct formatting for it.
    """
    with zipfile.ZipFile(io.BytesIO(template_zip)) as archive:
        root = etree.fromstring(archive.read("word/styles.xml"), _SAFE_PARSER)
    based_on: dict[str, str] = {}
    own: dict[str, bool] = {}
    for style in root.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if style_id is None or style.get(qn("w:type")) != "paragraph":
            continue
        keep = style.find(f"{_PPR}/{_KEEP_NEXT}")
        if keep is not None:
            own[style_id] = keep.get(_VAL) not in ("0", "false", "off")
        parent = style.find(qn("w:basedOn"))
        if parent is not None and parent.get(_VAL):
            based_on[style_id] = str(parent.get(_VAL))

    def keeps(style_id: str, depth: int = 0) -> bool:
        if style_id in own:
            return own[style_id]
        parent = based_on.get(style_id)
        return parent is not None and depth < 20 and keeps(parent, depth + 1)

    return frozenset(s for s in {*own, *based_on} if keeps(s))


def _style_id(p: BaseOxmlElement) -> str | None:
    style = p.find(_P_STYLE_PATH)
    return style.get(_VAL) if style is not None else None


def _text(p: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in p.iter(_T))


def _keeps(p: BaseOxmlElement, keeping: frozenset[str | None]) -> bool:
    return p.find(_KEEP_NEXT_PATH) is not None or _style_id(p) in keeping


def _is_list(p: BaseOxmlElement, lists: frozenset[str | None]) -> bool:
    return p.find(_NUM_PR_PATH) is not None or _style_id(p) in lists


def _set_keep_next(p: BaseOxmlElement) -> None:
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    if ppr.find(_KEEP_NEXT) is not None:
        return
    keep = OxmlElement("w:keepNext")
    position = sum(1 for child in ppr if child.tag in _PPR_BEFORE_KEEP_NEXT)
    ppr.insert(position, keep)


# --- Table rows ------------------------------------------------------------------------------------------


def _forbid_split(tr: BaseOxmlElement) -> None:
    trpr = tr.find(_TRPR)
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tcs = [i for i, child in enumerate(tr) if child.tag == _TC]
        tr.insert(tcs[0] if tcs else len(tr), trpr)
    position = sum(1 for child in trpr if child.tag in _TRPR_BEFORE_CANT_SPLIT)
    trpr.insert(position, OxmlElement("w:cantSplit"))


def _row_paragraphs(tr: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    for tc in tr.iterchildren(_TC):
        yield from tc.iterchildren(_P)


# --- E-mail addresses -------------------------------------------------------------------------------------


def _protect_emails(text: BaseOxmlElement, in_table: bool) -> None:
    """Rewrite a w:t holding e-mail addresses so that they never break at a hyphen.

    In prose a whole address moves to the next line. A table column may be narrower than an address,
    so there it may also break before its '@' or a dot, which keeps every word of it whole.
    """
    value = text.text or ""
    if not EMAIL.search(value):
        return
    pieces: list[str | None] = []  # None stands for a non-breaking hyphen
    position = 0
    for match in EMAIL.finditer(value):
        pieces.append(value[position : match.start()])
        address = _BREAK_POINTS.sub(ZERO_WIDTH_SPACE, match.group()) if in_table else match.group()
        for index, part in enumerate(address.split("-")):
            if index:
                pieces.append(None)
            pieces.append(part)
        position = match.end()
    pieces.append(value[position:])
    run = text.getparent()
    anchor = text
    first = True
    for piece in pieces:
        if piece == "":
            continue
        if piece is None:
            element = OxmlElement("w:noBreakHyphen")
        elif first:
            text.text = piece
            text.set(_XML_SPACE, "preserve")
            first = False
            continue
        else:
            element = OxmlElement("w:t")
            element.text = piece
            element.set(_XML_SPACE, "preserve")
        anchor.addnext(element)
        anchor = element
    if first:  # the text began with a hyphen of an address: the w:t itself is not needed
        run.remove(text)


# --- Signature blocks -------------------------------------------------------------------------------------


def _segments(tc: BaseOxmlElement, styles: _Styles) -> dict[str, list[BaseOxmlElement]]:
    """A signature block's paragraphs grouped by field: '' (organization, role), 'Signature', 'Name'..."""
    segments: dict[str, list[BaseOxmlElement]] = {"": []}
    current = segments[""]
    for p in tc.iterchildren(_P):
        label = _FIELD_LABEL.match(_text(p))
        heading = styles.get(_style_id(p), "") == "Signature Organization"  # "TODO: name" is no field
        if label and not heading and label.group(1) not in segments:
            current = segments[label.group(1)] = []
        current.append(p)
    return segments


def _split_signature_row(tr: BaseOxmlElement, styles: _Styles) -> bool:
    """Replace a row of signature blocks by one row per field, aligned by the field's label; False if it
    has no fields to align."""
    cells = list(tr.iterchildren(_TC))
    if sum(1 for tc in cells if _text(tc).strip()) < 2:
        return False  # a block alone in its row (the last of an odd number) has nothing to align with
    per_cell = [_segments(tc, styles) for tc in cells]
    keys: list[str] = []
    for segments in per_cell:
        for key, paragraphs in segments.items():
            if paragraphs and key not in keys:
                keys.append(key)
    if len(keys) < 2:
        return False
    trpr = tr.find(_TRPR)
    anchor = tr
    new_rows = []
    for key in keys:
        row = OxmlElement("w:tr")
        if trpr is not None:
            row.append(copy.deepcopy(trpr))
        for tc, segments in zip(cells, per_cell, strict=True):
            cell = OxmlElement("w:tc")
            row.append(cell)
            tcpr = tc.find(_TCPR)
            if tcpr is not None:
                cell.append(copy.deepcopy(tcpr))
            paragraphs = segments.get(key) or [_blank_like(key, per_cell)]
            for p in paragraphs:
                cell.append(p)
        anchor.addnext(row)
        anchor = row
        new_rows.append(row)
    for row in new_rows[:-1]:  # the block keeps together: each row keeps with the next
        for p in _row_paragraphs(row):
            _set_keep_next(p)
    tr.getparent().remove(tr)
    return True


def _renew(table: BaseOxmlElement) -> None:
    """Move a changed table's content into a new w:tbl element.

    The text rendition remembers each block's lines by element (pipeline.documents works them out once
    before finalize); a new element makes it read the new rows. The content fingerprint, taken before
    finalize, stays that of the rows as rendered, like that of every other finalize addition.
    """
    renewed = OxmlElement("w:tbl")
    renewed.extend(list(table))
    for name, value in table.attrib.items():
        renewed.set(name, value)
    table.addprevious(renewed)
    table.getparent().remove(table)


def _blank_like(key: str, per_cell: list[dict[str, list[BaseOxmlElement]]]) -> BaseOxmlElement:
    """An empty paragraph formatted like the field it stands in for, so that the row keeps its height."""
    blank = OxmlElement("w:p")
    model = next(segments[key][0] for segments in per_cell if segments.get(key))
    ppr = model.find(_PPR)
    if ppr is not None:
        blank.append(copy.deepcopy(ppr))
    return blank
