"""The bilingual example: Riverbend's documents in English and Spanish, and nothing of one language in the other.

Riverbend lists `languages: [en, es]`. Every document is built in both; Centro Esperanza, whose director
reads Spanish first, writes its letter of intent in Spanish, and an English translation goes with it. A
Spanish document holds no English sentence: no line is a message of the catalog left in English, and no line
holds an English stop word once the coalition's own values (names, addresses, quoted titles) are taken out.
An English document holds no Spanish the same way.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT
from language_checks import ENGLISH_STOP_WORDS, SPANISH_STOP_WORDS, foreign_lines, user_values
from pipeline.i18n import PACKAGED_CATALOGS

BILINGUAL = ROOT / "partnerships" / "riverbend-task-force.yaml"
SPANISH_WRITER = "letter-of-intent-centro-esperanza"


def _documents(built_examples: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    folder = built_examples / BILINGUAL.stem
    english = {p.stem: p for p in folder.glob("*.txt") if "." not in p.stem}
    spanish = {p.stem.removesuffix(".es"): p for p in folder.glob("*.es.txt")}
    return english, spanish


def test_every_document_is_built_in_english_and_spanish(built_examples: Path) -> None:
    english, spanish = _documents(built_examples)
    letters = {name for name in english if name.startswith("letter-of-intent-")}
    assert set(english) - letters == set(spanish) - letters
    assert {"mou", "governance-charter", "emergency-response-guide", "onboarding-packet"} <= set(spanish)
    # Only Centro Esperanza writes in Spanish: its original is Spanish, its English version a translation.
    assert set(spanish) & letters == {SPANISH_WRITER}
    translation = english[SPANISH_WRITER].read_text(encoding="utf-8")
    assert "translation from Spanish into English" in translation
    assert "traducción" not in spanish[SPANISH_WRITER].read_text(encoding="utf-8")


def test_the_mou_and_charter_say_which_version_prevails(built_examples: Path) -> None:
    english, spanish = _documents(built_examples)
    for name in ("mou", "governance-charter"):
        assert "The English version is the version of record" in english[name].read_text(encoding="utf-8")
        assert "prevalece la versión en inglés, que es la de referencia" in spanish[name].read_text(encoding="utf-8")


def _catalog_english() -> set[str]:
    """The catalog's messages that hold no placeholder: a Spanish line equal to one was left untranslated."""
    with (PACKAGED_CATALOGS / "partnerdocs.pot").open("rb") as pot:
        catalog = read_po(pot)
    return {m.id for m in catalog if isinstance(m.id, str) and m.id and "{" not in m.id and " " in m.id}


def test_spanish_documents_hold_no_english_sentence(built_examples: Path) -> None:
    _, spanish = _documents(built_examples)
    known = user_values(BILINGUAL, "es")
    untranslated = _catalog_english()
    for name, path in sorted(spanish.items()):
        lines = path.read_text(encoding="utf-8").splitlines()
        left = [line for line in lines if _bare(line) in untranslated]
        assert not left, f"{name}.es: catalog messages left in English:\n" + "\n".join(left[:10])
        english = foreign_lines(lines, ENGLISH_STOP_WORDS, known)
        assert not english, f"{name}.es: English in the Spanish version:\n" + "\n".join(english[:20])


def test_english_documents_hold_no_spanish_sentence(built_examples: Path) -> None:
    english, _ = _documents(built_examples)
    known = user_values(BILINGUAL)
    for name, path in sorted(english.items()):
        spanish = foreign_lines(path.read_text(encoding="utf-8").splitlines(), SPANISH_STOP_WORDS, known)
        assert not spanish, f"{name}: Spanish in the English version:\n" + "\n".join(spanish[:20])


def _bare(line: str) -> str:
    return re.sub(r"^(?:#+ |- |\[header\] |\[footer\] |\| )", "", line).strip(" |")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="needs LibreOffice and poppler")
def test_spanish_reads_whole_in_the_pdf(built_examples: Path, tmp_path: Path) -> None:
    """LibreOffice lays out the Spanish MOU with its accents and inverted marks intact."""
    docx = built_examples / BILINGUAL.stem / "mou.es.docx"
    command = [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    subprocess.run([*command, "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)], check=True, timeout=300)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "mou.es.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Memorando de entendimiento" in text
    assert re.search(r"[áéíóúñ]", text)
    assert "\ufffd" not in text
