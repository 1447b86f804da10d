"""Stage 4, render: fill a docxtpl template with a context built from the model, safely.

Safety rules (DESIGN.md section 5): a sandboxed Jinja environment, autoescape always, StrictUndefined,
and every rendered part parsed strictly (docxtpl's own parser silently drops broken XML). The template
comes from pipeline.package, read once per process; its parts are compiled by Jinja once per process.
Every printed value has its ISO dates written out ('October 1, 2025') by `formatting.printed`, Jinja's
finalize hook, so no context builder has to remember it. docxtpl's `{_{` escape for literal braces is not
applied to rendered text, so a value that happens to contain `{_{` is kept exactly as written. A bold run-in
label that the value after it repeats is dropped (pipeline.run_in).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml.document import CT_Body, CT_Document
from docx.oxml.parser import element_class_lookup
from docx.oxml.xmlchemy import BaseOxmlElement
from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from pipeline import formatting
from pipeline.figures import RELATIONSHIP_PREFIX, Figure
from pipeline.package import TemplatePackage, TemplateRenderError, load_package
from pipeline.run_in import drop_repeated_labels
from pipeline.text import section_headers


@functools.cache
def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment templates are rendered with (one per process)."""
    environment = SandboxedEnvironment(
        autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True, finalize=formatting.printed
    )
    environment.filters.update(formatting.FILTERS)
    return environment


_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_PARAGRAPH_START_RENDERED = re.compile(r"\n<w:p([ >])")
_LISTING_CHARACTERS = re.compile("<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")
# python-docx's element classes (so its oxml API works on the result), without its blank-text removal:
# the parse must keep exactly what was rendered, and fail on anything that is not well-formed.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_PARSER.set_element_class_lookup(element_class_lookup)


@dataclass(frozen=True)
class RenderedTemplate:
    """A rendered document in memory: the parts that differ from its template, as python-docx elements."""

    package: TemplatePackage
    document: CT_Document
    parts: dict[str, BaseOxmlElement]
    """Part name -> root element of each rendered header, footer and footnotes part."""
    figures: tuple[Figure, ...] = ()
    """The figures the body shows, each once."""

    @property
    def body(self) -> CT_Body:
        body: CT_Body = self.document.body
        return body

    def headers(self, types: tuple[str, ...] = ("first", "default")) -> list[BaseOxmlElement]:
        """The header parts the sections use, section by section, in the order of `types`; no repeats."""
        relationships = self.package.relationships
        return section_headers(self.body, lambda rel_id: self.parts.get(relationships.get(rel_id, "")), types)


@functools.lru_cache(maxsize=64)
def _compiled(package: TemplatePackage, partname: str) -> Template:
    # Compiling costs more than rendering and depends only on the template, so it happens once.
    source = package.body_source if partname == package.main_part else package.part_sources[partname]
    return make_environment().from_string(_PARAGRAPH_START.sub(r"\n<w:p\1", source))


def prepare(template: Path) -> TemplatePackage:
    """Read and compile a template: once per process, so a build does it before forking its workers."""
    package = load_package(template)
    try:
        for partname in (package.main_part, *package.part_sources):
            _compiled(package, partname)
    except TemplateError as error:
        raise _render_error(template, error) from error
    return package


def render_template(template: Path, context: Mapping[str, Any]) -> RenderedTemplate:
    """Render one template; the result is checked, in memory, and ready to be finalized."""
    package = prepare(template)
    values = dict(context)
    try:
        body = _render_part(package, package.main_part, values)
        sources = {name: _render_part(package, name, values) for name in package.part_sources}
    except TemplateError as error:
        raise _render_error(template, error) from error
    document = _parse(template, package.document_xml(body))
    if package.cell_loops:
        # docxtpl widens tables whose cells a {%tc %} loop multiplied; it parses leniently, so only
        # after the strict parse above, and only for templates with such loops.
        fixed = etree.tostring(package.helper.fix_tables(etree.tostring(document.body, encoding="unicode")))
        document.replace(document.body, _parse(template, fixed))
    figures = _shown_figures(document, values)
    if package.drawings or figures:
        # Loops copy drawings with their ids, and Word refuses duplicates: number them as docxtpl does
        # (its fix_docpr_ids passes `namespaces=` to xpath, which python-docx's element classes refuse).
        for number, drawing in enumerate(document.xpath("//wp:docPr"), start=1001):
            drawing.set("id", str(number))
    _check_body(template, document)
    drop_repeated_labels(document)
    parts = {name: _parse(template, xml) for name, xml in sources.items()}
    return RenderedTemplate(package, document, parts, figures)


def _shown_figures(document: CT_Document, context: Mapping[str, Any]) -> tuple[Figure, ...]:
    """The context's figures (top-level values, or items of top-level lists) that the rendered body shows."""
    offered: dict[str, Figure] = {}
    for value in context.values():
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, Figure):
                offered[item.relationship_id] = item
    if not offered:
        return ()
    shown = dict.fromkeys(document.xpath(f"//a:blip/@r:embed[starts-with(., '{RELATIONSHIP_PREFIX}')]"))
    return tuple(offered[rel_id] for rel_id in shown if rel_id in offered)


def _render_part(package: TemplatePackage, partname: str, context: dict[str, Any]) -> str:
    xml = _PARAGRAPH_START_RENDERED.sub(r"<w:p\1", _compiled(package, partname).render(context))
    if not _LISTING_CHARACTERS.search(xml):
        return xml  # docxtpl's listing pass only rewrites these characters inside text; skip its regexes
    resolved: str = package.helper.resolve_listing(xml)
    return resolved


def _parse(template: Path, xml: str | bytes) -> Any:
    try:
        return etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, _PARSER)
    except etree.XMLSyntaxError as error:
        raise TemplateRenderError(template, f"the rendered document is not well-formed XML ({error})") from error


def _render_error(template: Path, error: TemplateError) -> TemplateRenderError:
    near = _tag_near(error)
    if isinstance(error, TemplateSyntaxError):
        return TemplateRenderError(
            template,
            f"broken template tag{near} (Jinja: {error}); each tag must be complete, like {{{{ name }}}} "
            "or {% if x %}, within one paragraph",
        )
    return TemplateRenderError(template, f"{type(error).__name__}: {error}{near}")


def _tag_near(error: TemplateError) -> str:
    """The template tag on the line Jinja complains about, as staff see it in Word (no XML)."""
    source, lineno = getattr(error, "source", None), getattr(error, "lineno", None)
    if not source or not lineno:
        return ""
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]) if 0 < lineno <= len(lines) else ""
    tags = re.findall(r"\{[{%].*?[%}]\}|\{[{%].*", text)
    return f" near '{tags[0].strip()[:80]}'" if tags else ""


def _check_body(template: Path, document: CT_Document) -> None:
    body = document.body
    last = body[-1] if len(body) else None
    if last is None or etree.QName(last).localname != "sectPr":
        raise TemplateRenderError(template, "rendering lost the end of the document (section properties missing)")
