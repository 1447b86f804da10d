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
from collections.abc import Iterator, Mapping

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from pipeline.render import RenderedTemplate

ZERO_WIDTH_SPACE = "\u200b"

_P, _TBL, _TR, _TC, _T = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:t"))
_PPR, _TRPR, _TCPR = (qn(t) for t in ("w:pPr", "w:trPr", "w:tcPr"))
_P_STYLE, _NUM_PR, _KEEP_NEXT, _VAL = qn("w:pStyle"), qn("w:numPr"), qn("w:keepNext"), qn("w:val")
_CANT_SPLIT, _TBL_HEADER = qn("w:cantSplit"), qn("w:tblHeader")
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
    styles = rendered.package.styles
    keeping = _styles_keeping_with_next(rendered.package.final_zip)
    signature_rows: list[BaseOxmlElement] = []
    email_texts: list[BaseOxmlElement] = []
    for element in body.iter(_P, _TR, _T):
        tag = element.tag
        if tag == _T:
            if "@" in (element.text or ""):
                email_texts.append(element)
        elif tag == _TR:
            _keep_row(element)
            if _is_signature_row(element, styles):
                signature_rows.append(element)
        elif element.getparent() is body:
            _keep_paragraph(element, styles, keeping)
    for text in email_texts:
        _protect_emails(text, in_table=_in_table_cell(text))
    tables = []
    for row in signature_rows:
        table = row.getparent()
        if _split_signature_row(row, styles) and table not in tables:
            tables.append(table)
    for table in tables:
        _renew(table)


# --- Headings and lead-ins ------------------------------------------------------------------------------


@functools.cache
def _styles_keeping_with_next(template_zip: bytes) -> frozenset[str | None]:
    """The paragraph style ids whose style (or a style it is based on) keeps with the next paragraph.

    Read once per template and process from the template's own styles part, so a coalition's template
    whose headings already keep with the next paragraph gets no direct formatting for it.
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
    style = p.find(f"{_PPR}/{_P_STYLE}")
    return style.get(_VAL) if style is not None else None


def _is_list(p: BaseOxmlElement, styles: _Styles) -> bool:
    if p.find(f"{_PPR}/{_NUM_PR}") is not None:
        return True
    return styles.get(_style_id(p), "").startswith("List")


def _text(p: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in p.iter(_T))


def _keep_paragraph(p: BaseOxmlElement, styles: _Styles, keeping: frozenset[str | None]) -> None:
    style_id = _style_id(p)
    if style_id in keeping or p.find(f"{_PPR}/{_KEEP_NEXT}") is not None:
        return
    following = p.getnext()
    if following is None:
        return
    heading = styles.get(style_id, "").startswith("Heading")
    lead_in = following.tag == _TBL or (
        following.tag == _P and _is_list(following, styles) and not _is_list(p, styles) and _ends_with_colon(p)
    )
    if heading or lead_in:
        _set_keep_next(p)


def _ends_with_colon(p: BaseOxmlElement) -> bool:
    return _text(p).rstrip().endswith(":")


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


def _keep_row(tr: BaseOxmlElement) -> None:
    """No row splits across pages; a header row keeps with the row under it."""
    trpr = tr.find(_TRPR)
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tcs = [i for i, child in enumerate(tr) if child.tag == _TC]
        tr.insert(tcs[0] if tcs else len(tr), trpr)
    if trpr.find(_CANT_SPLIT) is None:
        position = sum(1 for child in trpr if child.tag in _TRPR_BEFORE_CANT_SPLIT)
        trpr.insert(position, OxmlElement("w:cantSplit"))
    if trpr.find(_TBL_HEADER) is not None:
        for p in _row_paragraphs(tr):
            _set_keep_next(p)


def _row_paragraphs(tr: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    for tc in tr.iterchildren(_TC):
        yield from tc.iterchildren(_P)


# --- E-mail addresses -------------------------------------------------------------------------------------


def _in_table_cell(text: BaseOxmlElement) -> bool:
    paragraph = next(text.iterancestors(_P), None)
    return paragraph is not None and paragraph.getparent().tag == _TC


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


def _is_signature_row(tr: BaseOxmlElement, styles: _Styles) -> bool:
    cells = list(tr.iterchildren(_TC))
    if len(cells) < 2:
        return False  # one block per row: nothing beside it to align with
    return any(styles.get(_style_id(p), "").startswith("Signature") for p in _row_paragraphs(tr))


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
