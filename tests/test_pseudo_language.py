"""Adding a language is adding a catalog and templates, with no code change: shown with a pseudo-language.

A coalition's repository gets `locale/en_XA/LC_MESSAGES/partnerdocs.po` (every message of the catalog template,
bracketed and lengthened) and `templates/<kind>.en-XA.docx` (each English template with its prose done the
same way), and lists `en-XA` among its languages. Every example then builds every document in it, and no line
of those documents holds bare English outside the coalition's own values: a sentence that bypassed the
catalog would. LibreOffice lays the longer text out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES
from language_checks import (
    CLOSE,
    ENGLISH_STOP_WORDS,
    OPEN,
    PSEUDO,
    foreign_lines,
    user_values,
    write_pseudo_catalog,
    write_pseudo_template,
)
from pipeline.build import build
from pipeline.i18n import translations
from pipeline.kinds import KINDS


@pytest.fixture(scope="module")
def pseudo_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """The examples built in English and the pseudo-language from a coalition-like folder; and the warnings."""
    root = tmp_path_factory.mktemp("coalition")
    write_pseudo_catalog(root)
    templates = root / "templates"
    templates.mkdir()
    for kind_id in KINDS:
        write_pseudo_template(kind_id, templates)
    (root / "partnerships").mkdir()
    for example in EXAMPLES:
        (root / "partnerships" / example.name).write_text(
            _with_pseudo(example.read_text(encoding="utf-8")), encoding="utf-8"
        )
    before = Path.cwd()
    os.chdir(root)  # the catalog folder, like the templates folder, is the working directory's
    translations.cache_clear()
    try:
        report = build([Path("partnerships")], Path("output"), templates_dir=templates)
    finally:
        os.chdir(before)
        translations.cache_clear()
    yield root, [str(warning) for warning in report.warnings]


def _with_pseudo(text: str) -> str:
    """The partnership file with the pseudo-language added last to its languages (English, if it lists none)."""
    listed = re.search(r"^languages: \[(.*)\]$", text, re.MULTILINE)
    if listed is None:
        return f"{text}\nlanguages: [en, {PSEUDO}]\n"
    return f"{text[: listed.start()]}languages: [{listed.group(1)}, {PSEUDO}]{text[listed.end() :]}"


def test_every_document_is_built_in_the_added_language(pseudo_build: tuple[Path, list[str]]) -> None:
    root, warnings = pseudo_build
    assert not [w for w in warnings if "language-without-template" in w and f"({PSEUDO})" in w]
    for example in EXAMPLES:
        folder = root / "output" / example.stem
        # A letter of intent is written in its writer's language only (English here), every other document in
        # each of the partnership's languages.
        english = {p.stem for p in folder.glob("*.docx") if "." not in p.stem and "letter-of-intent" not in p.stem}
        added = {p.stem.removesuffix(f".{PSEUDO}") for p in folder.glob(f"*.{PSEUDO}.docx")}
        assert english, example.name
        assert added == english, example.name


def test_no_sentence_bypasses_the_catalog_or_the_templates(pseudo_build: tuple[Path, list[str]]) -> None:
    root, _ = pseudo_build
    found: list[str] = []
    for example in EXAMPLES:
        known = user_values(example)
        for text in sorted((root / "output" / example.stem).glob(f"*.{PSEUDO}.txt")):
            lines = text.read_text(encoding="utf-8").splitlines()
            assert any(OPEN in line for line in lines), text.name
            bare = foreign_lines(lines, ENGLISH_STOP_WORDS, known, bracketed=True)
            found.extend(f"{example.stem}/{text.name}: {line}" for line in bare)
    assert not found, f"{len(found)} lines hold English outside the catalog:\n" + "\n".join(found[:40])


def test_the_english_documents_are_untouched_by_the_added_language(pseudo_build: tuple[Path, list[str]]) -> None:
    root, _ = pseudo_build
    for example in EXAMPLES:
        for text in (root / "output" / example.stem).glob("*.txt"):
            if f".{PSEUDO}." not in text.name:
                assert OPEN not in text.read_text(encoding="utf-8") and CLOSE not in text.read_text(encoding="utf-8")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_layouts_survive_text_a_third_longer(pseudo_build: tuple[Path, list[str]], tmp_path: Path) -> None:
    """LibreOffice lays out each kind's longer version, and it runs to no more than half as many pages again."""
    root, _ = pseudo_build
    folder = root / "output" / "riverbend-task-force"
    chosen = sorted(p for p in folder.glob(f"*.{PSEUDO}.docx") if not p.name.startswith("letter-of-intent-d"))
    english = [folder / p.name.replace(f".{PSEUDO}", "") for p in chosen]
    command = [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*command, *map(str, chosen + english)], check=True, timeout=600, capture_output=True)
    for longer, original in zip(chosen, english, strict=True):
        pages = _page_count(tmp_path / f"{longer.stem}.pdf")
        assert 1 <= pages <= max(2, 1.5 * _page_count(tmp_path / f"{original.stem}.pdf")), longer.name


def _page_count(pdf: Path) -> int:
    data = pdf.read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages") or data.count(b"/Type/Page") - data.count(
        b"/Type/Pages"
    )
