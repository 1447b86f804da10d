"""A template read once per process, and documents written from it by adding only the parts that change.

A .docx is a zip of XML parts. A template's styles alone are most of its bytes (Word writes the whole
built-in style gallery, twice), yet rendering never touches them. So each template is opened with
python-docx once per process: the parts docxtpl renders (body, headers, footers, footnotes) are kept
as XML sources, and every other part is written once into a zip held in memory. A document is that
zip plus its own rendered parts, appended with the standard zipfile module: per document there is
no re-reading, re-parsing or re-compressing of parts that are the same in every document.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import io
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import OpcPackage
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import RGBColor
from docx.styles.styles import Styles
from docxtpl import DocxTemplate
from lxml import etree

from pipeline.errors import PartnerdocsError, Problem
from pipeline.styles_language import default_language, hyphenates, rezipped, with_default_language, with_hyphenation
from pipeline.text import style_names

SETTINGS_ENTRY = "word/settings.xml"
DRAFT_STYLE = "Draft Notice"
_RENDERED_TYPES = {CT.WML_DOCUMENT_MAIN, CT.WML_HEADER, CT.WML_FOOTER, CT.WML_FOOTNOTES}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_BODY_MARK = "partnerdocs-body"
_CELL_LOOP = re.compile(r"\{%-?\s*tc\s")
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class TemplateRenderError(PartnerdocsError):
    """A template that cannot be read or rendered: names the template file and what went wrong."""

    def __init__(self, template: Path, message: str) -> None:
        super().__init__([Problem(str(template), message=message)])


@dataclass(frozen=True, eq=False)
class TemplatePackage:
    """One template, ready to render many documents (compared and hashed by identity: one per process)."""

    path: Path
    main_part: str
    """The main document part's name, usually /word/document.xml."""
    core_part: str
    """The core properties part's name, usually /docProps/core.xml."""
    body_source: str
    """The body's XML with docxtpl's tag clean-up applied: what Jinja compiles."""
    part_sources: Mapping[str, str]
    """Part name -> XML source of each header, footer and footnotes part (cleaned up the same way)."""
    document_shell: tuple[str, str]
    """word/document.xml before and after the body, so a rendered body becomes a whole part."""
    relationships: Mapping[str, str]
    """Relationship id of the main part -> the part name it points to (headers and footers)."""
    relationships_part: str
    """The main part's relationships part, e.g. /word/_rels/document.xml.rels: written with each document,
    because a document's figures add relationships to it."""
    relationships_xml: bytes
    core_xml: bytes
    styles: Mapping[str | None, str]
    """Paragraph style id -> name, as text.style_names gives it."""
    draft_style_id: str
    table_style_id: str | None
    """The style of the template's own data tables (header row repeated), for the tables partnerdocs adds."""
    final_zip: bytes = dataclasses.field(repr=False)
    """Every part that never changes, zipped once."""
    draft_zip: bytes = dataclasses.field(repr=False)
    """The same, with the draft notice style added to the styles."""
    cell_loops: bool
    """True when the body has {%tc %} loops, whose tables docxtpl widens after rendering."""
    drawings: bool
    """True when the body has drawings, whose ids are renumbered after rendering (loops copy them)."""
    helper: DocxTemplate = dataclasses.field(repr=False)
    """docxtpl's post-processing (listings, table columns), holding no document."""
    styles_part: str = ""
    """The styles part's name, usually /word/styles.xml ('' when the template has none)."""
    language: str | None = None
    """The language the template's styles set as default ('en-US'), as Word writes it."""

    def style_id(self, name: str) -> str | None:
        """The id of the style Word shows as `name`, or None when the template has no such style."""
        return _style_id(self.styles, name)

    def document_xml(self, body: str) -> str:
        """The whole main part around a rendered body."""
        before, after = self.document_shell
        return before + body + after

    def relationships_with(self, pictures: Mapping[str, str]) -> bytes:
        """The main part's relationships plus one per picture (relationship id -> part name)."""
        if not pictures:
            return self.relationships_xml
        root = etree.fromstring(self.relationships_xml)
        for rel_id, partname in pictures.items():
            relationship = etree.SubElement(root, f"{{{_RELS_NS}}}Relationship")
            relationship.set("Id", rel_id)
            relationship.set("Type", RT.IMAGE)
            relationship.set("Target", posixpath.relpath(partname, posixpath.dirname(self.main_part)))
        xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return xml

    def write(self, parts: Mapping[str, bytes], draft: bool, language: str | None = None) -> bytes:
        """The document's bytes: the unchanging parts plus `parts` (part name -> XML bytes).

        `language` is the document's language as Word writes it ('es-US'); the styles are changed to it when the
        template's differ (the template's own zipped parts are used as they are otherwise).
        """
        unchanged = self.draft_zip if draft else self.final_zip
        if language is not None and language != self.language and self.styles_part:
            unchanged = _in_language(self, draft, language)
        buffer = io.BytesIO(unchanged)
        # The fastest deflate level: a document's own parts are compressed for every document (about a
        # millisecond saved each), at the cost of a file a few kilobytes larger.
        with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for partname, blob in parts.items():
                entry = _zip_entry(partname)
                if partname.endswith(".png"):
                    entry.compress_type = zipfile.ZIP_STORED  # already compressed: deflating it again only costs time
                archive.writestr(entry, blob, compresslevel=1)
        return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def _in_language(package: TemplatePackage, draft: bool, language: str) -> bytes:
    """The template's unchanging parts with the styles' default language set to `language`, and hyphenation on
    where the language hyphenates (made once)."""
    unchanged = package.draft_zip if draft else package.final_zip
    entry = package.styles_part.lstrip("/")
    with zipfile.ZipFile(io.BytesIO(unchanged)) as archive:
        changes = {entry: with_default_language(archive.read(entry), language)}
        if hyphenates(language) and SETTINGS_ENTRY in archive.namelist():
            changes[SETTINGS_ENTRY] = with_hyphenation(archive.read(SETTINGS_ENTRY))
    return rezipped(unchanged, changes)


def _zip_entry(partname: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time (python-docx would stamp the current one) so builds are reproducible."""
    info = zipfile.ZipInfo(partname.lstrip("/"), date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def load_package(template: Path) -> TemplatePackage:
    """The template at `template`, read once per process (again only when the file changes)."""
    try:
        stat = template.stat()
        return _load(str(template.resolve()), stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError, etree.XMLSyntaxError) as error:
        raise TemplateRenderError(
            template, f"cannot read this Word template ({error}); open it in Word and save it as .docx again"
        ) from error


@functools.lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int, size: int) -> TemplatePackage:
    helper = DocxTemplate(path)
    document = docx.Document(path)
    package = document.part.package
    main_part = str(document.part.partname)
    document.core_properties  # noqa: B018 (python-docx adds the core properties part when it is missing)
    core_part = str(package.part_related_by(RT.CORE_PROPERTIES).partname)
    rendered = {str(part.partname) for part in package.parts if part.content_type in _RENDERED_TYPES}
    parts = {str(p.partname): p for p in package.parts}
    sources = {name: _source(helper, parts[name].blob) for name in sorted(rendered - {main_part})}
    body: str = helper.xml_to_string(document.element.body)
    body_source: str = helper.patch_xml(body)
    names = style_names(document)
    relationships_part = str(document.part.partname.rels_uri)
    own = rendered | {core_part, relationships_part}
    final_zip = _zip_of(package, own)
    styles_part = document.part.part_related_by(RT.STYLES) if RT.STYLES in _reltypes(document) else None
    language = default_language(styles_part.blob) if styles_part is not None else None
    draft_style_id = _add_draft_style(document.styles, names)
    draft_zip = _zip_of(package, own) if DRAFT_STYLE not in names.values() else final_zip
    relationships = {
        rel_id: str(rel.target_part.partname)
        for rel_id, rel in document.part.rels.items()
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)
    }
    return TemplatePackage(
        path=Path(path),
        main_part=main_part,
        core_part=core_part,
        body_source=body_source,
        part_sources=sources,
        document_shell=_document_shell(document.element),
        relationships=relationships,
        relationships_part=relationships_part,
        relationships_xml=document.part.rels.xml,
        core_xml=parts[core_part].blob,
        styles=names,
        draft_style_id=draft_style_id,
        table_style_id=_table_style(document.element.body, names),
        final_zip=final_zip,
        draft_zip=draft_zip,
        cell_loops=bool(_CELL_LOOP.search(re.sub(r"<[^>]+>", "", body))),
        drawings=document.element.body.find(f".//{qn('wp:docPr')}") is not None,
        helper=helper,
        styles_part=str(styles_part.partname) if styles_part is not None else "",
        language=language,
    )


def _reltypes(document: docx.document.Document) -> set[str]:
    return {rel.reltype for rel in document.part.rels.values()}


def _source(helper: DocxTemplate, blob: bytes) -> str:
    """A part's XML as docxtpl prepares it for Jinja (tags split across runs joined, and so on)."""
    patched: str = helper.patch_xml(helper.xml_to_string(parse_xml(blob)))
    return patched


def _document_shell(root: etree._Element) -> tuple[str, str]:
    shell = copy.deepcopy(root)
    body = shell.find(f"{{{root.nsmap['w']}}}body")
    assert body is not None, "python-docx opened a main part without a body"
    body.clear()
    body.append(etree.Comment(_BODY_MARK))
    xml = etree.tostring(shell, encoding="unicode")
    before, after = xml.split(f"<!--{_BODY_MARK}-->")
    # Drop the empty body's own tags: the rendered body brings its start and end tags.
    return before[: before.rindex("<")], after[after.index(">") + 1 :]


def _table_style(body: etree._Element, names: Mapping[str | None, str]) -> str | None:
    used = Counter(
        style.get(qn("w:val"))
        for table in body.iter(qn("w:tbl"))
        if table.find(f".//{qn('w:tblHeader')}") is not None  # a data table, like the ones partnerdocs adds
        for style in table.findall(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    )
    if used:
        return str(used.most_common(1)[0][0])
    return _style_id(names, "Table Grid")


def _add_draft_style(styles: Styles, names: Mapping[str | None, str]) -> str:
    """Add the draft notice style unless the template has its own; return its id."""
    if DRAFT_STYLE not in names.values():
        style = styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[no-untyped-call]
        style.base_style = styles["Normal"] if "Normal" in names.values() else None
        style.font.bold = True
        style.font.color.rgb = RGBColor(0xA0, 0x10, 0x10)
        return str(style.style_id)
    return str(_style_id(names, DRAFT_STYLE))


def _style_id(names: Mapping[str | None, str], name: str) -> str | None:
    return next((key for key, value in names.items() if key is not None and value == name), None)


def _zip_of(package: OpcPackage, leave_out: set[str]) -> bytes:
    """The package zipped, without the parts in `leave_out` (their relationships are kept unless listed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        writer = _ZipWriter(archive)
        PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
        PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
        for part in package.parts:
            part.before_marshal()  # type: ignore[no-untyped-call]
            if str(part.partname) not in leave_out:
                writer.write(str(part.partname), part.blob)
            if len(part.rels) and str(part.partname.rels_uri) not in leave_out:
                writer.write(str(part.partname.rels_uri), part.rels.xml)
    return buffer.getvalue()


class _ZipWriter:
    """What python-docx's PackageWriter writes to, with reproducible entries."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive

    def write(self, partname: str, blob: bytes) -> None:
        if partname == "/[Content_Types].xml" and b'Extension="png"' not in blob:
            # Figures are PNG pictures: declared once here, so a document's pictures need no content-type part.
            blob = blob.replace(b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1)
        self._archive.writestr(_zip_entry(str(partname)), blob)
