"""Stage 4, render: fill a docxtpl template with a context built from the model, safely.

Safety rules (DESIGN.md section 5): a sandboxed Jinja environment, autoescape always, StrictUndefined,
and every rendered part re-parsed strictly, because docxtpl's own parser silently drops broken XML.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx.document import Document
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from pipeline import formatting
from pipeline.errors import PartnerdocsError, Problem


class TemplateRenderError(PartnerdocsError):
    """A template that cannot be rendered: names the template file and what went wrong."""

    def __init__(self, template: Path, message: str) -> None:
        super().__init__([Problem(str(template), message=message)])


def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment templates are rendered with."""
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    environment.filters.update(formatting.FILTERS)
    return environment


class _StrictDocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl re-parses rendered XML with recover=True, which drops content after broken markup."""

    def fix_tables(self, xml: str) -> Any:
        try:
            etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as error:
            raise ValueError(f"the rendered document is not well-formed XML ({error})") from error
        return super().fix_tables(xml)

    def map_headers_footers_xml(self, relKey: str, xml: bytes) -> None:  # noqa: N803 (docxtpl's name)
        # docxtpl swaps in a plain XmlPart and only updates the relationship, so python-docx's
        # `section.header` would still return the unrendered part. Keep the part's own class
        # (HeaderPart/FooterPart) and update python-docx's by-id cache too.
        relationships = self.docx._part.rels
        part = relationships[relKey].target_part
        new_part = type(part).load(part.partname, part.content_type, xml, part.package)
        for relationship in part.rels.values():
            new_part.load_rel(relationship.reltype, relationship._target, relationship.rId, relationship.is_external)
        relationships[relKey]._target = new_part
        relationships._target_parts_by_rId[relKey] = new_part


def render_template(template: Path, context: Mapping[str, Any]) -> Document:
    """Render one template and return the document in memory, ready to be finalized."""
    document = _StrictDocxTemplate(str(template))
    try:
        document.render(dict(context), jinja_env=make_environment(), autoescape=True)
    except TemplateError as error:
        lineno = getattr(error, "lineno", None)
        line = f" (template line {lineno})" if lineno else ""
        raise TemplateRenderError(template, f"{type(error).__name__}: {error}{line}") from error
    except ValueError as error:
        raise TemplateRenderError(template, str(error)) from error
    _check_body(template, document.docx)
    rendered: Document = document.docx
    return rendered


def _check_body(template: Path, document: Document) -> None:
    body = document.element.body
    last = body[-1] if len(body) else None
    if last is None or etree.QName(last).localname != "sectPr":
        raise TemplateRenderError(template, "rendering lost the end of the document (section properties missing)")
