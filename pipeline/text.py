"""The plain-text rendition of a .docx: what a reader reads, in a form `git diff` can show.

Headings become '#' lines, list paragraphs '- ' lines and table rows '| a | b |' lines, so a
reviewer sees structure as well as words. The same text feeds golden tests (and, later, fingerprints).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_text(source: bytes | Path | Document) -> str:
    """The text rendition of a .docx given as bytes, a path or a document in memory."""
    if isinstance(source, Document):
        document = source
    else:
        document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    styles = style_names(document)
    lines: list[str] = []
    for header_line in _header_lines(document):
        lines.append(f"[header] {header_line}")
    if lines:
        lines.append("")
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            line = _paragraph_line(block, styles)
            if line:
                lines.append(line)
        else:
            lines.extend(_table_lines(block))
    return "\n".join(lines) + "\n"


def _header_lines(document: Document) -> list[str]:
    seen: list[str] = []
    for section in document.sections:
        for header in (section.first_page_header, section.header):
            if header.is_linked_to_previous:
                continue
            for paragraph in header.paragraphs:
                text = paragraph.text.strip()
                if text and text not in seen:
                    seen.append(text)
    return seen


def style_names(document: Document) -> dict[str | None, str]:
    """Paragraph style id -> the style's name as Word shows it (None: the default style).

    python-docx resolves `paragraph.style` by scanning every style, which made text extraction
    the slowest step of a build; one map per document does the same job.
    """
    names: dict[str | None, str] = {}
    for element in document.styles.element.findall(qn("w:style")):
        name = element.find(qn("w:name"))
        if name is not None:
            ui_name = BabelFish.internal2ui(name.get(qn("w:val"), ""))
            names[element.get(qn("w:styleId"))] = ui_name
            if element.get(qn("w:default")) in ("1", "true") and element.get(qn("w:type")) == "paragraph":
                names[None] = ui_name
    return names


def paragraph_style(paragraph: Paragraph, styles: dict[str | None, str]) -> str:
    return styles.get(paragraph._p.style, styles.get(None, ""))


def _paragraph_line(paragraph: Paragraph, styles: dict[str | None, str]) -> str:
    text = paragraph.text.strip()
    if not text:
        return ""
    style = paragraph_style(paragraph, styles)
    if style == "Title":
        return f"# {text}"
    if style.startswith("Heading "):
        level = style.removeprefix("Heading ")
        if level.isdigit():
            return f"{'#' * (int(level) + 1)} {text}"
    if style.startswith("List"):
        return f"- {text}"
    return text


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            # Merged cells are reported once per grid column; print each merged cell once.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" / ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines
