"""Stage 4, render: fill a docxtpl template with a context built from the model, safely.

Safety rules (DESIGN.md section 5): a sandboxed Jinja environment, autoescape always, StrictUndefined,
and every rendered part re-parsed strictly, because docxtpl's own parser silently drops broken XML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from pipeline import formatting
from pipeline.errors import PartnerdocsError, Problem


class TemplateRenderError(PartnerdocsError):
    """A template that cannot be rendered: names the template file and what went wrong."""

    def __init__(self, template: Path, message: str) -> None:
        super().__init__([Problem(str(template), message=message)])


@functools.cache
def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment templates are rendered with (one per process)."""
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    environment.filters.update(formatting.FILTERS)
    return environment


@dataclass(frozen=True)
class _CompiledPart:
    template: Template
    encoding: str


# Compiled Jinja templates of every template part, per process: compiling costs more than rendering,
# and it depends only on the template file, so each part is compiled once and reused.
_COMPILED: dict[tuple[str, int, int, str], _CompiledPart] = {}
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_PARAGRAPH_START_RENDERED = re.compile(r"\n<w:p([ >])")
_LISTING_CHARACTERS = re.compile("<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")


class _CachingDocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl, with compiled parts cached and rendered XML checked strictly.

    docxtpl re-parses rendered XML with recover=True, which silently drops content after broken
    markup; every part is parsed strictly first. docxtpl's `{_{` escape for literal braces is not
    applied to rendered text, so a value that happens to contain `{_{` is kept exactly as written.
    """

    def __init__(self, template: Path) -> None:
        super().__init__(str(template))
        stat = template.stat()
        self._identity = (str(template.resolve()), stat.st_mtime_ns, stat.st_size)

    def build_xml(self, context: dict[str, Any], jinja_env: SandboxedEnvironment | None = None) -> str:
        compiled = self._compiled("body", self._body_source, jinja_env)
        return self._render_part(compiled, self.docx._part, context)

    def build_headers_footers_xml(
        self, context: dict[str, Any], uri: str, jinja_env: SandboxedEnvironment | None = None
    ) -> Iterator[tuple[str, bytes]]:
        for rel_key, part in self.get_headers_footers(uri):
            source = functools.partial(self._part_source, part)
            compiled = self._compiled(str(part.partname), source, jinja_env)
            yield rel_key, self._render_part(compiled, part, context).encode(compiled.encoding)

    def _body_source(self) -> str:
        patched: str = self.patch_xml(self.get_xml())
        return patched

    def _part_source(self, part: Any) -> str:
        patched: str = self.patch_xml(self.get_part_xml(part))
        return patched

    def render_properties(self, context: dict[str, Any], jinja_env: SandboxedEnvironment | None = None) -> None:
        """Core properties are set in code after rendering, never through Jinja."""

    def _compiled(self, name: str, source: Callable[[], str], jinja_env: SandboxedEnvironment | None) -> _CompiledPart:
        key = (*self._identity, name)
        found = _COMPILED.get(key)
        if found is None:
            xml = source()
            environment = jinja_env or make_environment()
            found = _CompiledPart(
                environment.from_string(_PARAGRAPH_START.sub(r"\n<w:p\1", xml)),
                self.get_headers_footers_encoding(xml),
            )
            _COMPILED[key] = found
        return found

    def _render_part(self, compiled: _CompiledPart, part: Any, context: dict[str, Any]) -> str:
        self.current_rendering_part = part
        xml = _PARAGRAPH_START_RENDERED.sub(r"<w:p\1", compiled.template.render(context))
        try:
            etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as error:
            raise ValueError(f"the rendered document is not well-formed XML ({error})") from error
        if not _LISTING_CHARACTERS.search(xml):
            return xml  # docxtpl's listing pass only rewrites these characters inside text; skip its regexes
        resolved: str = self.resolve_listing(xml)
        return resolved

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
    document = _CachingDocxTemplate(template)
    try:
        document.render(dict(context), jinja_env=make_environment(), autoescape=True)
    except TemplateError as error:
        near = _tag_near(error)
        raise TemplateRenderError(template, f"{type(error).__name__}: {error}{near}") from error
    except ValueError as error:
        raise TemplateRenderError(template, str(error)) from error
    _check_body(template, document.docx)
    rendered: Document = document.docx
    return rendered


def _tag_near(error: TemplateError) -> str:
    """The template tag on the line Jinja complains about, as staff see it in Word (no XML)."""
    source, lineno = getattr(error, "source", None), getattr(error, "lineno", None)
    if not source or not lineno:
        return ""
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]) if 0 < lineno <= len(lines) else ""
    tags = re.findall(r"\{[{%].*?[%}]\}|\{[{%].*", text)
    return f" near '{tags[0].strip()[:80]}'" if tags else ""


def _check_body(template: Path, document: Document) -> None:
    body = document.element.body
    last = body[-1] if len(body) else None
    if last is None or etree.QName(last).localname != "sectPr":
        raise TemplateRenderError(template, "rendering lost the end of the document (section properties missing)")
