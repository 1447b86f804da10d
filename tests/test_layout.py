"""Print layout (issue 11, item 10): what belongs together stays together on the page, in every document.

The checks read the property a printing program uses (keepNext, cantSplit, non-breaking hyphens), on
every document of every example and on a small template built here.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import ParagraphStyle

from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.layout import ZERO_WIDTH_SPACE
from pipeline.render import render_template
from pipeline.text import docx_text

_P, _TBL, _TR, _TC, _T = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:t"))
_KEEP_NEXT = f"{qn('w:pPr')}/{qn('w:keepNext')}"
# An address with its invisible break points and non-breaking hyphens (read as U+2011 below).
_ADDRESS = re.compile(r"[\w.%+'\u200b\u2011-]+\u200b?@[\w\u200b\u2011.-]+\.\w+")


def _documents(built: Path) -> list[Path]:
    return sorted(built.rglob("*.docx"))


def _style_keeps(style: ParagraphStyle | None) -> bool:
    while style is not None:
        keep = style.paragraph_format.keep_with_next
        if keep is not None:
            return bool(keep)
        style = style.base_style
    return False


def _keeps_with_next(document: Document, p: BaseOxmlElement, styles: dict[str, ParagraphStyle]) -> bool:
    direct = p.find(_KEEP_NEXT)
    if direct is not None:
        return direct.get(qn("w:val")) not in ("0", "false")
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return _style_keeps(styles.get(style.get(qn("w:val")) if style is not None else "Normal"))


def _style_name(p: BaseOxmlElement, styles: dict[str, ParagraphStyle]) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    found = styles.get(style.get(qn("w:val"))) if style is not None else None
    return str(found.name) if found is not None else ""


def _text(p: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in p.iter(_T))


def _paragraph_styles(document: Document) -> dict[str, ParagraphStyle]:
    return {
        str(s.style_id): s
        for s in document.styles
        if s.type == WD_STYLE_TYPE.PARAGRAPH and isinstance(s, ParagraphStyle)
    }


def test_headings_and_lead_ins_keep_with_what_follows(built_examples: Path) -> None:
    for path in _documents(built_examples):
        document = docx.Document(str(path))
        styles = _paragraph_styles(document)
        for p in document.element.body.iterchildren(_P):
            following = p.getnext()
            name = _style_name(p, styles)
            is_heading = name.startswith("Heading") and _text(p).strip()
            before_table = following is not None and following.tag == _TBL
            before_list = (
                following is not None
                and following.tag == _P
                and _style_name(following, styles).startswith("List")
                and not name.startswith("List")
                and _text(p).rstrip().endswith(":")
            )
            if is_heading or before_table or before_list:
                assert _keeps_with_next(document, p, styles), f"{path.parent.name}/{path.name}: {_text(p)!r}"


def test_no_table_row_splits_across_pages(built_examples: Path) -> None:
    for path in _documents(built_examples):
        body = docx.Document(str(path)).element.body
        for row in body.iter(_TR):
            assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None, f"{path.name}: {_text(row)[:60]!r}"


def _run_text(run: BaseOxmlElement) -> str:
    return "".join((child.text or "") if child.tag == _T else "\u2011" for child in run.iter(_T, qn("w:noBreakHyphen")))


def test_no_email_address_can_break_mid_word(built_examples: Path) -> None:
    checked = 0
    for path in _documents(built_examples):
        body = docx.Document(str(path)).element.body
        for p in body.iter(_P):
            in_table = p.getparent().tag == _TC
            text = "".join(_run_text(run) for run in p.iter(qn("w:r")))
            for address in _ADDRESS.findall(text):
                checked += 1
                assert "-" not in address, f"{path.name}: {address!r} can break at a hyphen"
                if not in_table:
                    assert ZERO_WIDTH_SPACE not in address, f"{path.name}: {address!r} can break in prose"
    assert checked > 50  # the examples are full of addresses; none was missed by the pattern


def _fields(cell: BaseOxmlElement) -> list[str]:
    return [m.group(1) for p in cell.iterchildren(_P) if (m := re.match(r"(Signature|Name|Title|Date):", _text(p)))]


def test_signature_blocks_side_by_side_have_one_field_per_row(built_examples: Path) -> None:
    """A row holds the same field of each block, so a wrapped name or title moves its neighbours too."""
    seen = 0
    for path in _documents(built_examples):
        body = docx.Document(str(path)).element.body
        for row in body.iter(_TR):
            cells = list(row.iterchildren(_TC))
            fields = [_fields(cell) for cell in cells]
            if sum(1 for f in fields if f) < 2:
                continue  # a block alone in its row has nothing to align with
            seen += 1
            assert all(len(f) <= 1 for f in fields), f"{path.name}: {fields}"
            assert len({tuple(f) for f in fields if f}) == 1, f"{path.name}: {fields}"
    assert seen


# --- On a small template of our own ---------------------------------------------------------------------


def _template(path: Path) -> Path:
    document = docx.Document()
    for name in ("Signature Organization", "Signature Field"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[no-untyped-call]
    document.add_paragraph("Grants held or sought:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Grant"
    table.cell(1, 0).text = "{{ email }}"
    document.add_paragraph("Write to {{ email }} with questions.")
    signatures = document.add_table(rows=1, cols=2)
    for cell, (organization, name) in zip(
        signatures.rows[0].cells, (("{{ long_name }}", "A. Lee"), ("Short Name Inc.", "B. Roe")), strict=True
    ):
        cell.paragraphs[0].text = organization
        cell.paragraphs[0].style = "Signature Organization"
        for line in ("Signature: ________", f"Name: {name}", "Date: ________"):
            cell.add_paragraph(line, style="Signature Field")
    document.save(str(path))
    return path


def test_layout_pass_on_a_fresh_render(tmp_path: Path) -> None:
    email = "kmontgomery-adeyemi@bridgewell.example"
    rendered = render_template(
        _template(tmp_path / "t.docx"), {"email": email, "long_name": "A Very Long Organization Name " * 3}
    )
    before = docx_text(docx.Document(str(tmp_path / "t.docx")))
    assert "Signature" in before
    revisions = (("November 22, 2026", "Examples: charter facts"),)
    data = finalize(rendered, Finish(DocumentProperties(title="t", subject="t"), revisions=revisions))
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    document = docx.Document(str(out))
    body = document.element.body
    lead_in = next(p for p in body.iterchildren(_P) if _text(p).startswith("Grants"))
    assert lead_in.find(_KEEP_NEXT) is not None
    assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in body.iter(_TR))
    text = docx_text(out)
    assert f"| {email} |" in text  # the text rendition reads the address as written
    assert f"Write to {email} with questions." in text
    assert "| November 22, 2026 | Examples: charter facts |" in text  # a data table keeps its rows
    signature_rows = list(body.iterchildren(_TBL))[1].iterchildren(_TR)
    assert [[_fields(cell) for cell in row.iterchildren(_TC)] for row in signature_rows] == [
        [[], []],
        [["Signature"], ["Signature"]],
        [["Name"], ["Name"]],
        [["Date"], ["Date"]],
    ]
