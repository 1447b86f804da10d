"""Stage 5, finalize: mark drafts, add the revision history, set core properties, make bytes reproducible.

Core properties are set here in code, never through Jinja (docxtpl would double-escape them).
python-docx stamps the current time on every zip entry; saving with a fixed time (and python-docx's
own, stable entry order) makes two builds of the same inputs byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from pipeline.formatting import FIXED_TIMESTAMP
from pipeline.history import Revision
from pipeline.text import paragraph_style, style_names

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DRAFT_HEADER = "DRAFT – not for signature"
DRAFT_STYLE = "Draft Notice"


@dataclass(frozen=True)
class DocumentProperties:
    """Core properties of a finished document."""

    title: str
    subject: str
    language: str = "en-US"
    keywords: str = ""
    category: str = ""
    status: str = ""
    identifier: str = ""
    date: dt.date | None = None
    """When the content was last changed (the source commit's date); None for a fixed date."""


@dataclass(frozen=True)
class Finish:
    """Everything added to a rendered document before it is saved."""

    properties: DocumentProperties
    draft_notice: str | None = None
    """The line printed under the title of a draft; None for a final document."""
    revisions: Sequence[Revision] = ()


def finalize(document: Document, finish: Finish, styles: dict[str | None, str] | None = None) -> bytes:
    """Apply the finish to a rendered document and return its reproducible bytes."""
    if finish.draft_notice is not None:
        _mark_draft(document, finish.draft_notice, styles if styles is not None else style_names(document))
    if finish.revisions:
        _add_revision_history(document, finish.revisions)
    _set_properties(document, finish.properties)
    return save_reproducibly(document)


def save_reproducibly(document: Document) -> bytes:
    """The document's bytes, with a fixed time on every zip entry (python-docx writes the current time)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer = _FixedTimeZipWriter(buffer)
    # The same steps as python-docx's OpcPackage.save, with a writer that fixes each entry's time.
    PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    writer.close()
    return buffer.getvalue()


class _FixedTimeZipWriter:
    def __init__(self, stream: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 3
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def _draft_style(document: Document, names: dict[str | None, str]) -> ParagraphStyle:
    styles = document.styles
    if DRAFT_STYLE in names.values():
        style: ParagraphStyle = styles[DRAFT_STYLE]
        return style
    style = styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.bold = True
    style.font.color.rgb = RGBColor(0xA0, 0x10, 0x10)
    return style


def _mark_draft(document: Document, notice: str, styles: dict[str | None, str]) -> None:
    style = _draft_style(document, styles)
    seen = set()
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if header.is_linked_to_previous or id(header._element) in seen:
                continue
            seen.add(id(header._element))
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            first.insert_paragraph_before(DRAFT_HEADER, style=style)
    body = document.paragraphs
    title = next((p for p in body if paragraph_style(p, styles) == "Title"), None)
    if title is not None:
        _insert_after(title, notice, style)
    elif body:
        body[0].insert_paragraph_before(notice, style=style)


def _insert_after(paragraph: Paragraph, text: str, style: ParagraphStyle) -> None:
    following = paragraph._p.getnext()
    if following is not None and following.tag == qn("w:p"):
        Paragraph(following, paragraph._parent).insert_paragraph_before(text, style=style)
    else:
        new = OxmlElement("w:p")
        paragraph._p.addnext(new)
        created = Paragraph(new, paragraph._parent)
        created.style = style
        created.add_run(text)


def _add_revision_history(document: Document, revisions: Sequence[Revision]) -> None:
    document.add_paragraph("Revision history", style="Heading 1")
    document.add_paragraph("Changes to the partnership file this document is built from, newest first.")
    table = document.add_table(rows=1, cols=3)
    if "Table Grid" in [s.name for s in document.styles]:
        table.style = document.styles["Table Grid"]
    for column, width in zip(table.columns, (Inches(1.1), Inches(0.9), Inches(4.5)), strict=True):
        column.width = width
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(header.cells, ("Date", "Commit", "Summary"), strict=True):
        cell.text = text
    for revision in revisions:
        cells = table.add_row().cells
        for cell, text in zip(cells, (revision.date, revision.commit, revision.summary), strict=True):
            cell.text = text


def _set_properties(document: Document, properties: DocumentProperties) -> None:
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.language = properties.language
    core.keywords = properties.keywords
    core.category = properties.category
    core.content_status = properties.status
    core.identifier = properties.identifier
    core.author = "partnerdocs"
    core.last_modified_by = "partnerdocs"
    core.comments = ""
    core.revision = 1
    # No wall-clock time inside documents: the source commit's date, or a fixed one.
    when = dt.datetime.combine(properties.date, dt.time(), tzinfo=dt.UTC) if properties.date else FIXED_TIMESTAMP
    core.created = when
    core.modified = when
