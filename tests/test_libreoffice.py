"""A real client opens every generated document: LibreOffice converts each to PDF.

Skipped (with the reason) only when soffice is not installed; CI installs it via .ci/run.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from pipeline.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"),
]


@pytest.fixture(scope="module")
def pdfs(built_hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`partnerdocs build --pdf` of every example and the hostile partnership, through the CLI."""
    out = tmp_path_factory.mktemp("pdf") / "output"
    hostile_yaml = built_hostile.parent / "hostile-values.yaml"
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "partnerships"), str(hostile_yaml), "--pdf", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return {f"{p.parent.name}--{p.stem}": p for p in out.rglob("*.pdf")}


def test_every_document_converts_to_a_pdf_with_pages(pdfs: dict[str, Path]) -> None:
    out = next(iter(pdfs.values())).parent.parent
    built = {f"{p.parent.name}--{p.stem}" for p in out.rglob("*.docx")}
    assert set(pdfs) == built
    assert len(built) >= 5 * len(EXAMPLES)
    for name, pdf in pdfs.items():
        assert pdf.with_suffix(".docx").is_file(), name
        assert pdf.read_bytes().startswith(b"%PDF"), name
        assert _page_count(pdf) >= 2, name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_text_has_no_template_residue(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        if name.startswith("hostile-values--"):
            continue  # its values contain template syntax on purpose
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert "{{" not in text and "{%" not in text, name
        assert "None" not in text.split(), name
    for example in EXAMPLES:
        mou = pdfs[f"{example.stem}--mou"]
        text = subprocess.run(["pdftotext", str(mou), "-"], check=True, capture_output=True, text=True).stdout
        assert "Memorandum of Understanding" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_every_example_evaluation_plan_opens_with_its_sections_and_tables(pdfs: dict[str, Path]) -> None:
    for example in EXAMPLES:
        pdf = pdfs[f"{example.stem}--evaluation-plan"]
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        flat = " ".join(text.split())
        for heading in ("Evaluation Plan", "1. Purpose of the evaluation", "11. Measures", "12. Logic model"):
            assert heading in flat, f"{example.stem}: {heading}"
        assert "Outcome it shows" in flat and "Outcomes and impacts" in flat  # the two tables' header rows
        assert _page_count(pdf) >= 3, example.stem


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_hostile_values_print_literally_in_the_pdf(pdfs: dict[str, Path]) -> None:
    text = subprocess.run(
        ["pdftotext", str(pdfs["hostile-values--mou"]), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    for value in ["AT&T <Legal> & Sons", "{{ 7*7 }}", "</w:t></w:r><w:r><w:t>injected", "O'Malley"]:
        assert value in flat


def _page_count(pdf: Path) -> int:
    data = pdf.read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages") or data.count(b"/Type/Page") - data.count(
        b"/Type/Pages"
    )


def test_templates_saved_again_by_libreoffice_give_the_same_documents(examples_copy: Path, tmp_path: Path) -> None:
    # Staff may edit the templates in LibreOffice, which rewrites every part (and drops Word's extras).
    templates = tmp_path / "templates"
    convert = [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    convert += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(templates)]
    subprocess.run([*convert, *sorted(map(str, (ROOT / "templates").glob("*.docx")))], check=True, timeout=300)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(examples_copy), "--out", str(out), "--templates", str(templates)])
    assert result.exit_code == 0, result.output
    goldens = sorted((ROOT / "tests" / "golden").rglob("*.txt"))
    assert len(goldens) == len(list(out.rglob("*.txt")))
    for golden in goldens:
        built = (out / golden.parent.name / golden.name).read_text(encoding="utf-8")
        assert _without_fingerprints(built) == _without_fingerprints(golden.read_text(encoding="utf-8")), golden.name


def _without_fingerprints(text: str) -> str:
    """The fingerprint covers the template's bytes too, so it differs; the words must not."""
    return re.sub(r"(content fingerprint|huella del contenido) [0-9a-f]{12}", r"\1 …", text)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_pdfs_are_tagged_for_screen_readers(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), name
        assert re.search(r"^Title:\s+\S", info, re.MULTILINE), name


def test_a_signed_letter_of_intent_fits_on_two_pages(examples_copy: Path, tmp_path: Path) -> None:
    from pipeline.approve import approve
    from pipeline.partnerships import load_partnerships

    for loaded in load_partnerships([examples_copy]):
        for _, writer in loaded.partnership.letters_of_intent():
            approve(loaded.source.path, f"letter-of-intent-{writer.id}", writer.id, "2026-12-01")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(examples_copy), "--kind", "letter-of-intent", "--pdf", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    letters = sorted(out.rglob("letter-of-intent-*.pdf"))
    assert len(letters) >= 19
    for letter in letters:
        assert "DRAFT" not in letter.with_suffix(".txt").read_text(encoding="utf-8"), letter.name
        assert _page_count(letter) <= 2, letter.name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_packets_numbered_lists_each_start_at_one(pdfs: dict[str, Path]) -> None:
    # The quick-reference card and the referral steps are two lists: the steps must not go on from 6.
    pdf = pdfs["riverbend-task-force--onboarding-packet"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    steps = text[text.index("How referrals work") :]
    first = re.search(r"^(\d+)\. ", steps, re.MULTILINE)
    assert first is not None and first.group(1) == "1"


def test_a_small_partnership_gets_pdfs_made_from_its_documents_by_two_instances(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = ["build", str(write_partnership()), "--pdf", "--out", str(out), "--jobs", "2"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    folder = out / "pathways"
    entries = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert len(entries) >= 4
    for entry in entries:
        pdf = folder / entry["pdf"]
        assert pdf.read_bytes().startswith(b"%PDF-") and _page_count(pdf) >= 1, pdf.name
        assert entry["pdf_from"] == hashlib.sha256((folder / entry["path"]).read_bytes()).hexdigest()
        assert entry["pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    again = CliRunner().invoke(main, command)
    assert again.output.splitlines()[-1].endswith("; 0 PDFs made."), again.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="pdfimages (poppler-utils) is not installed")
def test_every_figure_shows_in_the_pdf(pdfs: dict[str, Path]) -> None:
    """LibreOffice lays out each figure a document has: the PDF holds one picture per figure, at 300 dpi."""
    import docx

    checked = 0
    for name, pdf in pdfs.items():
        document = docx.Document(str(pdf.with_suffix(".docx")))
        figures = len(list(document.element.body.iter("{*}docPr")))
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
        images = [row for line in listing.splitlines()[2:] if (row := line.split()) and row[2] == "image"]
        assert len(images) == figures, name
        for image in images:
            assert int(image[12]) >= 290, name  # x-ppi: printed at print resolution (300 dpi), not stretched
            assert image[8] != "jpeg", name  # lossless: JPEG would blur the small print of a drawing
        checked += figures
    assert checked >= 8


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_partnership_plans_open_with_their_seven_sections(pdfs: dict[str, Path]) -> None:
    plans = {name: pdf for name, pdf in pdfs.items() if "--partnership-plan-" in name and not name.endswith(".es")}
    assert set(plans) == {
        "harbor-hope-omalley--partnership-plan-harbor-hope",
        "riverbend-task-force--partnership-plan-bridgewell",
        "hostile-values--partnership-plan-harbor-hope",
    }
    sections = ["Background", "Need and purpose", "Goals: potential partners", "Tactics", "Accountability"]
    sections += ["Timeline", "Evaluation"]
    for name, pdf in plans.items():
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        positions = [text.index(f"{number}. {heading}") for number, heading in enumerate(sections, 1)]
        assert positions == sorted(positions), name
        assert "Partnership Plan" in text and "internal planning document" in text, name
