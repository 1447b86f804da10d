"""The Spanish MOU and subgrant agreement templates (`<kind>.es.docx`) are the English ones translated: the same
parts, paragraphs, runs, styles and Jinja tags, and no English sentence left in their fixed text."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXAMPLES, ROOT
from pipeline.kinds import KINDS
from pipeline.locales import writing_in
from pipeline.partnerships import load_one
from pipeline.render import render_template

KIND_IDS = ("mou", "subgrant-agreement")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
# Words and phrases that only English prose has; Spanish text never contains them as whole words.
ENGLISH = re.compile(
    r"\b(the|and|shall|will|of the|with|which|this|that|these|from|each|may|must|is|are|be|for|by|its|not|"
    r"party|parties|agreement|memorandum|page)\b",
    re.IGNORECASE,
)
# English names kept as written beside their Spanish description (docs/glossary-es.md).
NAMES = ("Violence Against Women Act", "Victims of Crime Act", "Civil Rights Act of 1964")


def template(kind_id: str, language: str = "") -> Path:
    return ROOT / "templates" / (f"{kind_id}.{language}.docx" if language else f"{kind_id}.docx")


def text_parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist() if TEXT_PARTS.match(name)}


def runs(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in run.iter(f"{W}t")) for run in root.iter(f"{W}r")]


def skeleton(root: etree._Element) -> bytes:
    """The part with every run's text replaced by its Jinja tags: what must not change in a translation."""
    copy = etree.fromstring(etree.tostring(root))
    for text in copy.iter(f"{W}t"):
        text.text = "".join(JINJA.findall(text.text or ""))
        text.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    return etree.tostring(copy)


def fixed_text(root: etree._Element) -> list[str]:
    """Each paragraph's own words, Jinja tags cut out (what a tag prints is not the template's text)."""
    paragraphs = ("".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p"))
    return [text for text in (JINJA.sub(" ", p).strip() for p in paragraphs) if text]


@pytest.mark.parametrize("kind_id", KIND_IDS)
def test_spanish_template_has_the_same_parts_and_jinja_tags(kind_id: str) -> None:
    english, spanish = text_parts(template(kind_id)), text_parts(template(kind_id, "es"))
    assert english.keys() == spanish.keys()
    for name in english:
        english_tags = [JINJA.findall(run) for run in runs(english[name])]
        assert [JINJA.findall(run) for run in runs(spanish[name])] == english_tags, name
        assert skeleton(spanish[name]) == skeleton(english[name]), f"{name}: paragraphs, runs or styles differ"


@pytest.mark.parametrize("kind_id", KIND_IDS)
def test_spanish_template_has_no_english_sentence(kind_id: str) -> None:
    for name, root in text_parts(template(kind_id, "es")).items():
        for paragraph in fixed_text(root):
            prose = paragraph
            for kept in NAMES:
                prose = prose.replace(kept, "")
            assert not ENGLISH.search(prose), f"{name}: {paragraph!r}"


@pytest.mark.parametrize("kind_id", KIND_IDS)
def test_spanish_template_is_translated_everywhere(kind_id: str) -> None:
    """Every paragraph of fixed text differs from the English one (titles, headers and footers included)."""
    english, spanish = text_parts(template(kind_id)), text_parts(template(kind_id, "es"))
    for name in english:
        words = {text for text in fixed_text(english[name]) if re.search("[A-Za-z]", text)}
        same = words & set(fixed_text(spanish[name]))
        assert same <= {"Sector:", "Total"}, f"{name}: {sorted(same)}"  # the same word in both languages
    with zipfile.ZipFile(template(kind_id, "es")) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    assert "(plantilla)</dc:title>" in core


@pytest.mark.parametrize("kind_id", KIND_IDS)
def test_language_note_is_its_own_paragraph_in_both_languages(kind_id: str) -> None:
    for language in ("", "es"):
        paragraphs = [
            "".join(t.text or "" for t in p.iter(f"{W}t"))
            for p in text_parts(template(kind_id, language))["word/document.xml"].iter(f"{W}p")
        ]
        start = paragraphs.index("{%p if language_note %}")
        assert paragraphs[start : start + 3] == ["{%p if language_note %}", "{{ language_note }}", "{%p endif %}"]


@pytest.mark.parametrize("kind_id", KIND_IDS)
def test_spanish_template_renders_every_example(kind_id: str) -> None:
    """Every document of the kind renders with the Spanish template and prints its fixed Spanish text."""
    rendered = 0
    for source in EXAMPLES:
        loaded, problems = load_one(source)
        assert loaded is not None, problems
        with writing_in("es"):
            for planned in KINDS[kind_id].plan(loaded.partnership, dt.date(2026, 11, 1)):
                context = {**planned.context, "language_note": "Nota sobre el idioma."}
                result = render_template(template(kind_id, "es"), context)
                text = etree.tostring(result.body, encoding="unicode", method="text")
                assert "Nota sobre el idioma." in text
                assert "Firma: ____" in text
                rendered += 1
    assert rendered >= 3
