"""Stage 4: rendering is sandboxed, escapes every value and refuses undefined names."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import make_template
from pipeline.errors import PartnerdocsError
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.render import render_template
from pipeline.text import docx_text

PROPS = DocumentProperties(title="Test & Title", subject="AT&T <Legal>")
HOSTILE = [
    "AT&T <Legal>",
    "{{ 7*7 }} and {% if true %}x{% endif %}",
    "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>bold",
    'O\'Malley "quoted"',
    "مرحبا 你好 Zúñiga",
    "docxtpl escapes {_{ and }_} and {_% %_} stay as written",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_values_render_literally_in_body_and_header(tmp_path: Path, value: str) -> None:
    template = make_template(tmp_path / "t.docx", ["Before", "Name: {{ name }}", "After"], header="{{ name }}")
    data = render_docx(template, {"name": value}, PROPS)
    text = docx_text(data)
    assert f"Name: {value}" in text
    assert f"[header] {value}" in text
    assert text.rstrip().endswith("After")  # nothing after the value was lost


def test_properties_are_set_in_code_without_escaping(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["x"])
    document = docx.Document(docx_io(render_docx(template, {}, PROPS)))
    assert document.core_properties.title == "Test & Title"
    assert document.core_properties.subject == "AT&T <Legal>"
    assert document.core_properties.language == "en-US"


def test_undefined_variable_names_the_template(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["{{ nmae }}"])
    with pytest.raises(PartnerdocsError) as caught:
        render_docx(template, {"name": "x"}, PROPS)
    assert str(caught.value) == f"{template}: UndefinedError: 'nmae' is undefined"


def test_sandbox_blocks_python_internals(tmp_path: Path) -> None:
    probe = "{{ name.__class__.__mro__[1].__subclasses__() }}"
    template = make_template(tmp_path / "t.docx", [probe])
    with pytest.raises(PartnerdocsError) as caught:
        render_docx(template, {"name": "x"}, PROPS)
    assert "SecurityError" in str(caught.value)


def test_template_syntax_error_names_the_template(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["{% if %}"])
    with pytest.raises(PartnerdocsError) as caught:
        render_docx(template, {}, PROPS)
    assert str(caught.value).startswith(f"{template}: broken template tag near '{{% if %}}' (Jinja: ")
    assert str(caught.value).endswith("each tag must be complete, like {{ name }} or {% if x %}, within one paragraph")


def test_normalized_output_is_byte_identical_across_renders(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["{{ name }}"])
    first = render_docx(template, {"name": "x"}, PROPS)
    second = render_docx(template, {"name": "x"}, PROPS)
    assert first == second
    assert docx_text(first) == "x\n"
    # Renders in the same second match anyway; the fixed zip times are what make builds reproducible.
    entries = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {entry.date_time for entry in entries} == {(1980, 1, 1, 0, 0, 0)}


def render_docx(template: Path, context: dict[str, str], properties: DocumentProperties) -> bytes:
    return finalize(render_template(template, context), Finish(properties))


def docx_io(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def test_line_breaks_and_tabs_in_values_become_real_breaks(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["{{ address }}"])
    data = render_docx(template, {"address": "218 Waterline Street\nPort Alder\tWA"}, PROPS)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<w:br/>" in body and "<w:tab/>" in body
    assert docx_text(data) == "218 Waterline Street\nPort Alder\tWA\n"
