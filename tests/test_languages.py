"""Languages in the data: the partnership's languages, each letter's language, and each document's w:lang."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pydantic import ValidationError

from conftest import minimal_data
from pipeline.build import build
from pipeline.scaffold import scaffold
from pipeline.styles_language import default_language, with_default_language
from pipeline.template_files import template_path
from schemas import Partnership
from schemas.vocabulary import LeadershipModel, Level

LETTER_GRANT = {
    "program": "Pathways",
    "funder": "A Foundation",
    "applicant": "harbor-hope",
    "partners": ["omalley"],
    "letter_of_intent": {"date": "2026-03-05", "addressee": "Grants office", "writers": ["omalley"]},
}


def _partnership(**changes: Any) -> Partnership:
    data = minimal_data()
    data.update(changes)
    return Partnership.model_validate(data)


def _letter_language(data: dict[str, Any]) -> str:
    partnership = Partnership.model_validate(data)
    ((grant, writer),) = partnership.letters_of_intent()
    return partnership.letter_language(grant, writer)


def test_english_is_the_default_language_of_record() -> None:
    partnership = _partnership()
    assert partnership.languages == ["en"]
    assert partnership.language_of_record == "en"
    assert _partnership(languages=["es", "en"]).language_of_record == "es"


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        (["en", "xx"], "'xx' is not a language tag partnerdocs knows"),
        (["en", "es_US"], "write language tags with '-', e.g. 'es-US'"),
        (["es", "en", "es"], "'es' is listed twice"),
        ([], "at least 1 item"),
    ],
)
def test_languages_must_be_known_tags_listed_once(tags: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _partnership(languages=tags)


def test_tags_of_every_kind_are_accepted_as_written() -> None:
    tags = ["en", "es", "vi", "tl", "zh-Hant", "es-MX"]
    assert _partnership(languages=tags).languages == tags


@pytest.mark.parametrize(
    ("languages", "preferred", "expected"),
    [
        (["en", "es"], "Spanish", "es"),
        (["en", "es"], "español", "es"),
        (["en", "tl"], "Tagalog", "tl"),
        (["en", "zh-Hant"], "Chinese", "zh-Hant"),
        (["en"], "Spanish", "en"),  # not a language the partnership uses: the language of record
        (["es", "en"], "Mixteco", "es"),
        (["es", "en"], None, "es"),
    ],
)
def test_a_letter_defaults_to_the_writers_preferred_language(
    languages: list[str], preferred: str | None, expected: str
) -> None:
    data = minimal_data()
    data["languages"] = languages
    data["funding"] = {"grants": [LETTER_GRANT]}
    writer = next(member for member in data["members"] if member["id"] == "omalley")
    if preferred is not None:
        writer["contacts"]["primary"]["preferred_language"] = preferred
    assert _letter_language(data) == expected


def test_a_letter_may_name_its_writers_language() -> None:
    data = minimal_data()
    data["languages"] = ["en", "es"]
    data["funding"] = {"grants": [dict(LETTER_GRANT, letter_of_intent={"addressee": "Grants office"})]}
    data["funding"]["grants"][0]["letter_of_intent"]["languages"] = {"omalley": "es"}
    assert _letter_language(data) == "es"


def test_the_skeleton_mentions_languages() -> None:
    text = scaffold("pathways", Level.cooperation, LeadershipModel.primary_lead)
    lines = [line for line in text.splitlines() if "languages" in line]
    assert len(lines) == 1 and lines[0].startswith("#")


def test_the_styles_language_changes_and_nothing_else() -> None:
    styles = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults>'
        b'<w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        b"</w:docDefaults></w:styles>"
    )
    assert default_language(styles) == "en-US"
    spanish = with_default_language(styles, "es-US")
    assert default_language(spanish) == "es-US"
    assert b'w:eastAsia="en-US" w:bidi="ar-SA"' in spanish
    assert b'w:eastAsia="zh-TW"' in with_default_language(styles, "zh-TW")
    bare = b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    assert default_language(bare) is None
    assert default_language(with_default_language(bare, "es-US")) == "es-US"


def _word_languages(path: Path) -> tuple[str, list[str]]:
    document = docx.Document(str(path))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    return document.core_properties.language, [e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))]


def _hyphenates(path: Path) -> bool:
    settings = docx.Document(str(path)).settings.element
    return settings.find(qn("w:autoHyphenation")) is not None


def test_a_letter_is_written_in_its_writers_language_and_translated_into_the_language_of_record(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()
    data["languages"] = ["en", "es"]
    grant = copy.deepcopy(LETTER_GRANT)
    grant["letter_of_intent"]["languages"] = {"omalley": "es"}
    data["funding"] = {"grants": [grant]}
    source = write_partnership(data)
    templates = tmp_path / "templates"
    templates.mkdir()
    # Any Word file named for the language serves: the sentences written in code come from the catalog.
    shutil.copy(template_path("letter-of-intent.docx"), templates / "letter-of-intent.es.docx")
    build([source], tmp_path / "out", ["letter-of-intent"], templates_dir=templates)
    folder = tmp_path / "out" / "pathways"
    original, translation = folder / "letter-of-intent-omalley.es.docx", folder / "letter-of-intent-omalley.docx"
    assert _word_languages(original) == ("es-US", ["es-US"])
    assert "5 de marzo de 2026" in original.with_suffix(".txt").read_text(encoding="utf-8")
    assert _word_languages(translation) == ("en-US", ["en-US"])
    assert "March 5, 2026" in translation.with_suffix(".txt").read_text(encoding="utf-8")
    # the draft notice style (added to the styles of drafts) is still there in the Spanish styles
    assert "Draft Notice" in {style.name for style in docx.Document(str(original)).styles}
    # Spanish hyphenates its long words at line ends; English documents stay laid out as their templates are.
    assert _hyphenates(original) and not _hyphenates(translation)
    entries = {e["name"]: e for e in json.loads((folder / "manifest.json").read_text())["documents"]}
    assert set(entries) == {"letter-of-intent-omalley", "letter-of-intent-omalley.es"}
    assert entries["letter-of-intent-omalley"]["fingerprint"] != entries["letter-of-intent-omalley.es"]["fingerprint"]

    # Without a translation, only the original is built.
    grant["letter_of_intent"]["translated"] = False
    source = write_partnership(data)
    build([source], tmp_path / "alone", ["letter-of-intent"], templates_dir=templates)
    assert sorted(p.name for p in (tmp_path / "alone" / "pathways").glob("*.docx")) == [
        "letter-of-intent-omalley.es.docx"
    ]
