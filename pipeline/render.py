"""Stage 4, render: fill a docxtpl template with a context built from the model, safely.

Safety rules (DESIGN.md section 5): a sandboxed Jinja environment, autoescape always, StrictUndefined,
and every rendered part re-parsed strictly, because docxtpl's own parser silently drops broken XML.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from pipeline import formatting
from pipeline.errors import PartnerdocsError, Problem


@dataclass(frozen=True)
class DocumentProperties:
    """Core properties set in code after rendering (never through Jinja: it would double-escape)."""

    title: str
    subject: str
    language: str = "en-US"
    keywords: str = ""
    category: str = ""
    content_status: str = ""


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


def render_docx(template: Path, context: Mapping[str, Any], properties: DocumentProperties) -> bytes:
    """Render one document and return the bytes of the saved .docx (not yet normalized)."""
    document = _StrictDocxTemplate(str(template))
    try:
        document.render(dict(context), jinja_env=make_environment(), autoescape=True)
    except TemplateError as error:
        lineno = getattr(error, "lineno", None)
        line = f" (template line {lineno})" if lineno else ""
        raise TemplateRenderError(template, f"{type(error).__name__}: {error}{line}") from error
    except ValueError as error:
        raise TemplateRenderError(template, str(error)) from error
    _check_body(template, document)
    _set_properties(document, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _check_body(template: Path, document: DocxTemplate) -> None:
    body = document.docx.element.body
    last = body[-1] if len(body) else None
    if last is None or etree.QName(last).localname != "sectPr":
        raise TemplateRenderError(template, "rendering lost the end of the document (section properties missing)")


def _set_properties(document: DocxTemplate, properties: DocumentProperties) -> None:
    core = document.docx.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.language = properties.language
    core.keywords = properties.keywords
    core.category = properties.category
    core.content_status = properties.content_status
    core.author = "partnerdocs"
    core.last_modified_by = "partnerdocs"
    core.comments = ""
    core.revision = 1
    # No wall-clock time inside documents: fixed timestamps keep builds reproducible.
    core.created = formatting.FIXED_TIMESTAMP
    core.modified = formatting.FIXED_TIMESTAMP
