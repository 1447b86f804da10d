"""`partnerdocs redline`: Word tracked changes between two versions of a document.

The examples are built twice, before and after a change to their YAML; each redline must read, with
every change accepted, as the new document, and with every change rejected, as the old one (conftest's
settle() accepts or rejects them as Word does).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT, marks, settle, w
from pipeline.build import build
from pipeline.cli import main
from pipeline.redline import redline
from pipeline.text import docx_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
runner = CliRunner()

# Each change as a reviewer would make it in the YAML: a number, a name in a table, a list item
# removed and another added, a word whose case changed (in two places, as the file needs).
CHANGES = {
    "harbor-hope-omalley": [
        ("termination_notice_days: 30", "termination_notice_days: 45"),
        ("Steady referrals", "Steady Referrals"),
    ],
    "riverbend-task-force": [
        ("termination_notice_days: 60", "termination_notice_days: 90"),
        ("name: Paul Lindgren", "name: Paula Lindgren-Okafor"),
        ("  - en: Equity\n    es: Equidad\n", ""),
        (
            "  - en: Transparency\n    es: Transparencia\n",
            "  - en: Transparency\n    es: Transparencia\n  - en: Shared learning\n    es: Aprendizaje compartido\n",
        ),
    ],
}


@pytest.fixture(scope="module")
def versions(built_examples: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(old, new) output folders: the examples as they are, and with CHANGES made to their YAML."""
    folder = tmp_path_factory.mktemp("changed")
    for slug, edits in CHANGES.items():
        text = (ROOT / "partnerships" / f"{slug}.yaml").read_text(encoding="utf-8")
        for before, after in edits:
            assert before in text, before
            text = text.replace(before, after)
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
    build([folder / f"{slug}.yaml" for slug in CHANGES], folder / "output")
    return built_examples, folder / "output"


def pairs(versions: tuple[Path, Path]) -> list[tuple[Path, Path]]:
    old, new = versions
    return [(old / slug / path.name, path) for slug in CHANGES for path in sorted((new / slug).glob("*.docx"))]


def test_accepting_every_change_gives_the_new_text_and_rejecting_gives_the_old(versions: tuple[Path, Path]) -> None:
    changed = 0
    for old, new in pairs(versions):
        result = redline(old, new)
        assert docx_text(settle(result.docx, accept=True)) == docx_text(new), new
        assert docx_text(settle(result.docx, accept=False)) == docx_text(old), new
        changed += bool(result.changes)
    assert changed >= 8  # every MOU, charter, packet and guide the changes reach, and a letter


def test_two_unrelated_documents_still_accept_to_the_new_and_reject_to_the_old(built_examples: Path) -> None:
    # Almost nothing in common: most blocks are deleted or inserted whole, whole tables included.
    for kind in ("mou", "onboarding-packet", "emergency-response-guide"):
        old = built_examples / "riverbend-task-force" / f"{kind}.docx"
        new = built_examples / "harbor-hope-omalley" / f"{kind}.docx"
        for first, second in ((old, new), (new, old)):
            result = redline(first, second)
            assert docx_text(settle(result.docx, accept=True)) == docx_text(second)
            assert docx_text(settle(result.docx, accept=False)) == docx_text(first)


def test_a_changed_number_reads_as_the_old_number_deleted_and_the_new_one_inserted(
    versions: tuple[Path, Path],
) -> None:
    old, new = versions
    result = redline(old / "harbor-hope-omalley" / "mou.docx", new / "harbor-hope-omalley" / "mou.docx")
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(result.docx)).read("word/document.xml"))
    deleted = ["".join(d.itertext()) for d in body.iter(w("del"))]
    inserted = ["".join(i.itertext()) for i in body.iter(w("ins"))]
    assert "30" in deleted and "45" in inserted  # the notice days, word by word, not the whole paragraph
    assert "referrals" in deleted and "Referrals" in inserted  # a change of case is a change
    for mark in body.iter(w("ins"), w("del")):
        assert mark.get(w("author")) == "partnerdocs"
        assert mark.get(w("date")) is None  # no time of the run: the same files give the same bytes
    paragraph = next(p for p in body.iter(w("p")) if "written notice" in "".join(p.itertext()))
    assert "".join(t.text for t in paragraph.iter(w("t"))).startswith("A Party may withdraw")


def test_a_table_row_changed_in_one_cell_is_marked_in_that_cell_only(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = redline(old / "riverbend-task-force" / "mou.docx", new / "riverbend-task-force" / "mou.docx")
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(result.docx)).read("word/document.xml"))
    changed_cells = [c for c in body.iter(w("tc")) if c.find(f".//{w('ins')}") is not None]
    assert changed_cells
    assert all("Lindgren" in "".join(c.itertext()) for c in changed_cells)
    assert not [r for r in body.iter(w("trPr")) if r.find(w("ins")) is not None or r.find(w("del")) is not None]
    document = docx.Document(io.BytesIO(result.docx))  # python-docx opens it
    assert any("Survivor voice" in p.text for p in document.paragraphs)


def test_identical_files_give_no_tracked_change(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = versions
    source = old / "riverbend-task-force" / "onboarding-packet.docx"
    copy = tmp_path / "copy.docx"
    shutil.copy(source, copy)
    result = redline(source, copy)
    assert result.changes == 0
    assert marks(result.docx) == {}
    assert docx_text(result.docx) == docx_text(source)


def test_the_same_files_give_the_same_bytes(versions: tuple[Path, Path]) -> None:
    old, new = (folder / "riverbend-task-force" / "mou.docx" for folder in versions)
    assert redline(old, new).docx == redline(old, new).docx
    dated = redline(old, new, author="Policy committee", date="2026-03-01")
    assert dated.docx == redline(old, new, author="Policy committee", date="2026-03-01").docx
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(dated.docx)).read("word/document.xml"))
    assert {(m.get(w("author")), m.get(w("date"))) for m in body.iter(w("ins"), w("del"))} == {
        ("Policy committee", "2026-03-01T00:00:00Z")
    }


def test_the_command_writes_the_redline_and_says_how_many_changes(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = (folder / "harbor-hope-omalley" / "mou.docx" for folder in versions)
    out = tmp_path / "changes" / "mou-redline.docx"
    result = runner.invoke(main, ["redline", str(old), str(new), "-o", str(out), "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: 6 tracked changes from {old} to {new}.\n"
    assert marks(out.read_bytes()) == {"word/document.xml": 6}
    same = runner.invoke(main, ["redline", str(old), str(old), "-o", str(tmp_path / "same.docx")])
    assert same.output == f"wrote {tmp_path / 'same.docx'}: no changes to mark from {old} to {old}.\n"


def test_the_command_refuses_to_write_over_a_file_it_compares(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = (folder / "harbor-hope-omalley" / "mou.docx" for folder in versions)
    target = tmp_path / "new.docx"
    shutil.copy(new, target)
    result = runner.invoke(main, ["redline", str(old), str(target), "-o", str(target)])
    assert result.exit_code == 1
    assert "this is one of the files compared" in result.output
    assert target.read_bytes() == new.read_bytes()


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--date", "2026-02-30"], "not a date written YYYY-MM-DD"), (["--author", ""], "printable characters")],
)
def test_the_command_refuses_a_bad_date_or_author(
    versions: tuple[Path, Path], tmp_path: Path, option: list[str], message: str
) -> None:
    old, new = (str(folder / "harbor-hope-omalley" / "mou.docx") for folder in versions)
    result = runner.invoke(main, ["redline", old, new, "-o", str(tmp_path / "x.docx"), *option])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_reads_the_tracked_changes(versions: tuple[Path, Path], tmp_path: Path) -> None:
    # Saved again by LibreOffice, the changes are still tracked changes; exported to PDF (LibreOffice
    # shows changes by default), the reader sees the old and the new wording side by side.
    old, new = (folder / "harbor-hope-omalley" / "mou.docx" for folder in versions)
    redlined = tmp_path / "mou-redline.docx"
    redlined.write_bytes(redline(old, new).docx)
    command = [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    for target in ("docx:MS Word 2007 XML", "pdf"):
        folder = tmp_path / target.split(":")[0]
        subprocess.run(
            [*command, "--convert-to", target, "--outdir", str(folder), str(redlined)], check=True, timeout=300
        )
    saved = (tmp_path / "docx" / "mou-redline.docx").read_bytes()
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(saved)).read("word/document.xml"))
    assert "30" in ["".join(d.itertext()) for d in body.iter(w("del"))]
    assert "45" in ["".join(i.itertext()) for i in body.iter(w("ins"))]
    assert docx_text(settle(saved, accept=True)) == docx_text(settle(redlined.read_bytes(), accept=True))
    if shutil.which("pdftotext"):
        pdf = tmp_path / "pdf" / "mou-redline.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert "least 3045 days" in " ".join(text.split())
