"""Stage 5, finalize: mark drafts, list what counsel must review, add the revision history, set core properties,
make bytes reproducible.

Works on the rendered parts in memory (python-docx elements) and hands them to the template package,
which writes them next to the parts that never change. Core properties are set here in code, never
through Jinja (docxtpl would double-escape them), and carry no wall-clock time, so two builds of the
same inputs are byte-identical.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.shared import Emu, Inches
from docx.table import Table

from pipeline.formatting import FIXED_TIMESTAMP
from pipeline.i18n import N_, _
from pipeline.layout import apply_print_layout
from pipeline.render import RenderedTemplate
from pipeline.text import paragraph_style

DRAFT_HEADER = N_("DRAFT – not for signature")


@dataclass(frozen=True)
class DocumentProperties:
    """Core properties of a finished document."""

    title: str
    subject: str
    language: str = "en-US"
    """The document's language as Word writes it (pipeline.locales.word_language): core properties and styles."""
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
    counsel_review: Sequence[str] = ()
    """Clauses a lawyer must check, listed at the end of a draft (never in a final document)."""
    revisions: Sequence[tuple[str, str]] = ()
    """(date, summary) rows of the revision history the partnership chose to print."""


def finalize(rendered: RenderedTemplate, finish: Finish) -> bytes:
    """Apply the finish to a rendered document and return its reproducible bytes."""
    package = rendered.package
    if finish.draft_notice is not None:
        _mark_draft(rendered, finish.draft_notice)
    if finish.draft_notice is not None and finish.counsel_review:
        _add_counsel_review(rendered, finish.counsel_review)
    if finish.revisions:
        _add_revision_history(rendered, finish.revisions)
    apply_print_layout(rendered)
    parts = {package.main_part: serialize_part_xml(rendered.document)}
    parts.update((name, serialize_part_xml(element)) for name, element in rendered.parts.items())
    parts[package.core_part] = _core_properties(package.core_xml, finish.properties)
    parts[package.relationships_part] = package.relationships_with(
        {figure.relationship_id: figure.media_name for figure in rendered.figures}
    )
    parts.update((figure.media_name, figure.png()) for figure in rendered.figures)
    return package.write(parts, draft=finish.draft_notice is not None, language=finish.properties.language)


def _paragraph(text: str, style_id: str | None) -> CT_P:
    paragraph: CT_P = OxmlElement("w:p")
    if style_id is not None:
        paragraph.style = style_id
    # One w:t, not python-docx's run.text, which adds the text character by character.
    run_text = OxmlElement("w:t")
    run_text.text = text
    run_text.set(qn("xml:space"), "preserve")
    paragraph.add_r().append(run_text)
    return paragraph


def _mark_draft(rendered: RenderedTemplate, notice: str) -> None:
    style_id = rendered.package.draft_style_id
    for header in rendered.headers(("default", "first", "even")):
        first = header.find(qn("w:p"))
        if first is not None:
            first.addprevious(_paragraph(_(DRAFT_HEADER), style_id))
        else:
            header.append(_paragraph(_(DRAFT_HEADER), style_id))
    styles = rendered.package.styles
    body = rendered.body.findall(qn("w:p"))
    title = next((p for p in body if paragraph_style(p, styles) == "Title"), None)
    if title is not None:
        title.addnext(_paragraph(notice, style_id))
    elif body:
        body[0].addprevious(_paragraph(notice, style_id))


def _add_counsel_review(rendered: RenderedTemplate, items: Sequence[str]) -> None:
    package, body = rendered.package, rendered.body
    body._insert_p(_paragraph(_("For counsel review"), package.style_id("Heading 1")))
    lead_in = package.style_id("Lead-in")
    body._insert_p(
        _paragraph(
            _(
                "Before anyone signs, a lawyer for each member concerned should check these clauses against the "
                "law that applies to it. This list is printed only in drafts."
            ),
            lead_in,
        )
    )
    bullet = package.style_id("List Bullet")
    for item in items:
        body._insert_p(_paragraph(item, bullet))


_COLUMNS = ((N_("Date"), Inches(1.6)), (N_("Change"), Inches(4.9)))


def _add_revision_history(rendered: RenderedTemplate, revisions: Sequence[tuple[str, str]]) -> None:
    package, body = rendered.package, rendered.body
    body._insert_p(_paragraph(_("Revision history"), package.style_id("Heading 1")))
    tbl = CT_Tbl.new_tbl(1, len(_COLUMNS), Emu(sum(width for _heading, width in _COLUMNS)))
    if package.table_style_id is not None:
        tbl.tblStyle_val = package.table_style_id
    table = Table(tbl, None)  # type: ignore[arg-type]  # no parent needed: nothing here looks up the part
    for column, (_heading, width) in zip(table.columns, _COLUMNS, strict=True):
        column.width = width
    tbl.tr_lst[0].get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    rows = [tuple(_(heading) for heading, _width in _COLUMNS), *revisions]
    for index, values in enumerate(rows):
        cells = (table.rows[0] if index == 0 else table.add_row()).cells  # type: ignore[no-untyped-call]
        for cell, text, (_heading, width) in zip(cells, values, _COLUMNS, strict=True):
            cell.text = text
            cell.width = width
    body._insert_tbl(tbl)


def _core_properties(template_core: bytes, properties: DocumentProperties) -> bytes:
    core = CoreProperties(parse_xml(template_core))
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
    return serialize_part_xml(core._element)
