"""The plain-text rendition of a .docx: what a reader reads, in a form `git diff` can show.

Headings become '#' lines, list paragraphs '- ' lines and table rows '| a | b |' lines, so a
reviewer sees structure as well as words. The same text feeds golden tests (and, later, fingerprints).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph


def docx_text(source: bytes | Path | Document) -> str:
    """The text rendition of a .docx given as bytes, a path or a document in memory."""
    if isinstance(source, Document):
        document = source
    else:
        document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    related = document.part.related_parts
    headers = section_headers(document.element.body, lambda rel_id: related[rel_id].element)
    return document_text(document.element.body, headers, style_names(document))


def section_headers(
    body: BaseOxmlElement,
    header_for: Callable[[str], BaseOxmlElement | None],
    types: Sequence[str] = ("first", "default"),
) -> list[BaseOxmlElement]:
    """The header parts (w:hdr) the sections use, section by section, in the order of `types`; no repeats.

    `header_for` finds a header from its relationship id. A section without a header of some type
    shows the previous section's, which is already in the list.
    """
    found: list[BaseOxmlElement] = []
    for section in body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr"):
        references = {ref.get(_TYPE): ref.get(_R_ID) for ref in section.iterchildren(_HEADER_REFERENCE)}
        for kind in types:
            rel_id = references.get(kind)
            header = header_for(rel_id) if rel_id else None
            if header is not None and header not in found:
                found.append(header)
    return found


def document_text(
    body: BaseOxmlElement,
    headers: Iterable[BaseOxmlElement],
    styles: Mapping[str | None, str],
    seen: dict[BaseOxmlElement, list[str]] | None = None,
) -> str:
    """The text rendition of a body and its headers (w:hdr elements, in section order).

    `seen` remembers the lines of each body block, so the text of a document that was only added to
    (draft notice, revision history) is not worked out again for the blocks it already had.
    """
    lines: list[str] = []
    for header_line in _header_lines(headers):
        lines.append(f"[header] {header_line}")
    if lines:
        lines.append("")
    # lxml directly: python-docx's objects re-run an XPath query per paragraph and per run, which made
    # text extraction the slowest step of a build. The output is the same as Paragraph.text gives.
    for block in body.iterchildren(_P, _TBL):
        known = seen.get(block) if seen is not None else None
        if known is None:
            known = _block_lines(block, styles)
            if seen is not None:
                seen[block] = known
        lines.extend(known)
    return "\n".join(lines) + "\n"


def _block_lines(block: BaseOxmlElement, styles: Mapping[str | None, str]) -> list[str]:
    if block.tag == _P:
        line = _paragraph_line(block, styles)
        return [line] if line else []
    return _table_lines(block)


_P, _TBL, _TR, _TC, _R, _HYPERLINK = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:r", "w:hyperlink"))
_T, _TAB, _PTAB, _BR, _CR, _NO_BREAK_HYPHEN = (
    qn(t) for t in ("w:t", "w:tab", "w:ptab", "w:br", "w:cr", "w:noBreakHyphen")
)
_P_STYLE, _VAL, _TYPE = qn("w:pStyle"), qn("w:val"), qn("w:type")
_STYLE_PATH = f"{qn('w:pPr')}/{_P_STYLE}"
_HEADER_REFERENCE, _R_ID = qn("w:headerReference"), qn("r:id")
_DOC_PR = qn("wp:docPr")


def paragraph_text(p: BaseOxmlElement) -> str:
    """The text of a w:p element, as python-docx's Paragraph.text gives it."""
    parts = []
    for run in p.iterchildren(_R, _HYPERLINK):
        for child in run.iter(_T, _TAB, _PTAB, _BR, _CR, _NO_BREAK_HYPHEN):
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in (_TAB, _PTAB):
                parts.append("\t")
            elif tag == _CR or (tag == _BR and child.get(_TYPE) in (None, "textWrapping")):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
    text = "".join(parts)
    # pipeline.layout marks where an e-mail address may break with invisible zero-width spaces.
    return text.replace("\u200b", "") if "\u200b" in text else text


def _header_lines(headers: Iterable[BaseOxmlElement]) -> list[str]:
    seen: list[str] = []
    for header in headers:
        for paragraph in header.iterchildren(_P):
            text = paragraph_text(paragraph).strip()
            if text and text not in seen:
                seen.append(text)
    return seen


def style_names(document: Document) -> dict[str | None, str]:
    """Paragraph style id -> the style's name as Word shows it (None: the default style).

    python-docx resolves `paragraph.style` by scanning every style; one map per document does the same.
    """
    names: dict[str | None, str] = {}
    for element in document.styles.element.findall(qn("w:style")):
        name = element.find(qn("w:name"))
        if name is not None:
            ui_name = BabelFish.internal2ui(name.get(_VAL, ""))
            names[element.get(qn("w:styleId"))] = ui_name
            if element.get(qn("w:default")) in ("1", "true") and element.get(qn("w:type")) == "paragraph":
                names[None] = ui_name
    return names


def paragraph_style(paragraph: Paragraph | BaseOxmlElement, styles: Mapping[str | None, str]) -> str:
    """The style name of a paragraph (or w:p element), using a map from style_names()."""
    p = paragraph._p if isinstance(paragraph, Paragraph) else paragraph
    style = p.find(_STYLE_PATH)
    style_id = style.get(_VAL) if style is not None else None
    return styles.get(style_id, styles.get(None, ""))


def _paragraph_line(p: BaseOxmlElement, styles: Mapping[str | None, str]) -> str:
    text = paragraph_text(p).strip()
    if not text:
        # A figure reads as its alt text, which states the same facts as the picture.
        pictures = [d.get("descr") or d.get("name") or "" for d in p.iter(_DOC_PR)]
        return "\n".join(f"[Figure: {descr}]" for descr in pictures)
    style = paragraph_style(p, styles)
    if style == "Title":
        return f"# {text}"
    if style.startswith("Heading "):
        level = style.removeprefix("Heading ")
        if level.isdigit():
            return f"{'#' * (int(level) + 1)} {text}"
    if style.startswith("List"):
        return f"- {text}"
    return text


def _table_lines(table: BaseOxmlElement) -> list[str]:
    lines = []
    for row in table.iterchildren(_TR):
        cells = []
        for cell in row.iterchildren(_TC):
            texts = (paragraph_text(p).strip() for p in cell.iterchildren(_P))
            cells.append(" / ".join(text for text in texts if text))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines
