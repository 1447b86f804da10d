"""Templates are read once per process; a document keeps every part of its template and adds none twice."""

from __future__ import annotations

import base64
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.style import WD_STYLE_TYPE

from conftest import ROOT, make_template
from pipeline import package
from pipeline.cli import main
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.render import render_template
from pipeline.text import docx_text

PROPS = DocumentProperties(title="Package test", subject="Parts")
DRAFT = Finish(PROPS, draft_notice="Draft – not for signature.")


def names_in(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_every_template_part_is_in_the_document_once(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["Hello {{ name }}"], header="{{ name }}")
    for finish in (Finish(PROPS), DRAFT):
        names = names_in(finalize(render_template(template, {"name": "Ada"}), finish))
        assert sorted(names) == sorted(names_in(template.read_bytes()))
        assert len(names) == len(set(names))


def test_a_template_is_read_once_per_process_until_it_changes(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", ["First {{ name }}"])
    package._load.cache_clear()
    for _ in range(3):
        render_template(template, {"name": "Ada"})
    assert (package._load.cache_info().misses, package._load.cache_info().hits) == (1, 2)
    make_template(template, ["Second version, {{ name }}"])
    text = docx_text(finalize(render_template(template, {"name": "Ada"}), Finish(PROPS)))
    assert text == "Second version, Ada\n"


def test_a_template_without_core_properties_still_gets_them(tmp_path: Path) -> None:
    original = make_template(tmp_path / "with.docx", ["{{ name }}"])
    template = tmp_path / "without.docx"
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(template, "w") as target:
        for entry in source.infolist():
            if entry.filename == "docProps/core.xml":
                continue
            data = source.read(entry)
            if entry.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            target.writestr(entry, data)
    data = finalize(render_template(template, {"name": "Ada"}), Finish(PROPS))
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Package test"
    assert names_in(data).count("docProps/core.xml") == 1


def test_a_draft_notice_style_of_the_template_is_used_not_added_again(tmp_path: Path) -> None:
    document = docx.Document()
    style = document.styles.add_style("Draft Notice", WD_STYLE_TYPE.PARAGRAPH)
    style.font.italic = True
    document.add_paragraph("{{ name }}", style="Title")
    template = tmp_path / "styled.docx"
    document.save(str(template))
    result = docx.Document(io.BytesIO(finalize(render_template(template, {"name": "Ada"}), DRAFT)))
    assert [s.name for s in result.styles].count("Draft Notice") == 1
    notice = result.paragraphs[1]
    assert (notice.text, notice.style.name, notice.style.font.italic) == (DRAFT.draft_notice, "Draft Notice", True)


def test_cell_loops_widen_their_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("{%tc for x in xs %}", "{{ x }}", "{%tc endfor %}"), strict=True):
        cell.text = text
    template = tmp_path / "columns.docx"
    document.save(str(template))
    data = finalize(render_template(template, {"xs": ["a", "b", "c", "d"]}), Finish(PROPS))
    result = docx.Document(io.BytesIO(data))
    assert docx_text(data) == "| a | b | c | d |\n\n"
    assert len(result.tables[0]._tbl.tblGrid.gridCol_lst) == 4


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_that_is_not_a_word_template_gets_a_clear_error(examples_copy: Path, tmp_path: Path, jobs: str) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "mou.docx").write_text("not a zip file", encoding="utf-8")
    arguments = ["build", str(examples_copy), "--out", str(tmp_path / "out"), "--templates", str(templates)]
    result = CliRunner().invoke(main, [*arguments, "--jobs", jobs])
    assert result.exit_code == 1, result.output
    assert f"{templates / 'mou.docx'}: cannot read this Word template" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_tag_is_reported_once_with_the_template_and_tag(
    examples_copy: Path, tmp_path: Path, jobs: str
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    document = docx.Document(str(templates / "mou.docx"))
    document.add_paragraph("Signed for {{ partnership_name ")
    document.save(str(templates / "mou.docx"))
    arguments = ["build", str(examples_copy), "--out", str(tmp_path / "out"), "--templates", str(templates)]
    result = CliRunner().invoke(main, [*arguments, "--jobs", jobs])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    problems = [line for line in result.output.splitlines() if line.startswith(str(templates))]
    assert len(problems) == 1, result.output
    assert "broken template tag near '{{ partnership_name' (Jinja: " in problems[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_template_does_not_hide_the_problems_of_a_yaml_file(
    examples_copy: Path, tmp_path: Path, jobs: str
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    document = docx.Document(str(templates / "mou.docx"))
    document.add_paragraph("Signed for {{ partnership_name ")
    document.save(str(templates / "mou.docx"))
    westhaven = examples_copy / "westhaven-alliance.yaml"
    westhaven.write_text(westhaven.read_text("utf-8").replace("formality: formal\n", "formality: formall\n"), "utf-8")
    arguments = ["build", str(examples_copy), "--out", str(tmp_path / "out"), "--templates", str(templates)]
    result = CliRunner().invoke(main, [*arguments, "--jobs", jobs])
    assert result.exit_code == 1, result.output
    assert f"{templates / 'mou.docx'}: broken template tag" in result.output
    assert f"{westhaven}:35:12: formality: 'formall' is not one of the allowed values" in result.output
    assert "2 problems found" in result.output


def test_every_header_of_every_section_is_marked_draft(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ name }}", style="Title")
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Cover of {{ name }}"
    first.header.paragraphs[0].text = "Body of {{ name }}"
    annex = document.add_section()
    annex.header.is_linked_to_previous = False
    annex.header.paragraphs[0].text = "Annex of {{ name }}"
    document.add_paragraph("Annex text")
    template = tmp_path / "sections.docx"
    document.save(str(template))
    data = finalize(render_template(template, {"name": "Ada"}), DRAFT)
    headers = {
        header.paragraphs[1].text: header.paragraphs[0].text
        for section in docx.Document(io.BytesIO(data)).sections
        for header in (section.first_page_header, section.header)
        if not header.is_linked_to_previous
    }
    assert headers == dict.fromkeys(["Cover of Ada", "Body of Ada", "Annex of Ada"], "DRAFT – not for signature")
    assert docx_text(data).splitlines()[:4] == [
        "[header] DRAFT – not for signature",
        "[header] Cover of Ada",
        "[header] Body of Ada",
        "[header] Annex of Ada",
    ]


def test_drawings_keep_unique_ids(tmp_path: Path) -> None:
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    (tmp_path / "logo.png").write_bytes(png)
    document = docx.Document()
    document.add_paragraph("{%p for member in members %}")
    document.add_picture(str(tmp_path / "logo.png"))  # one logo per member: the loop copies its id
    document.add_paragraph("{%p endfor %}")
    template = tmp_path / "pictures.docx"
    document.save(str(template))
    data = finalize(render_template(template, {"members": ["a", "b", "c"]}), Finish(PROPS))
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert re.findall(r'<wp:docPr id="(\d+)"', body) == ["1001", "1002", "1003"]
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 3
