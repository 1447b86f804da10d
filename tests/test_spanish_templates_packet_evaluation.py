"""The Spanish Word templates of the onboarding packet and the evaluation plan match their English templates.

A Spanish template (templates/<kind>.es.docx) is rendered with the same context as the English one, so it must
hold exactly the same Jinja, paragraph by paragraph, in every part that has any (body, headers, footers); only
the prose around the tags is Spanish. No English sentence may be left in its fixed text, and both templates
print the partnership's language note right after the title block.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT

KINDS = ("onboarding-packet", "evaluation-plan")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# Words that are never Spanish: one of them outside a Jinja tag means an English sentence was left in.
ENGLISH = ("the", "and", "shall", "will", "of", "you", "your", "with", "for", "is", "are", "to", "our", "we",
           "this", "that", "when", "who", "what", "how", "please", "must", "may", "not")  # fmt: skip
LANGUAGE_NOTE = ("{%p if language_note %}", "{{ language_note }}", "{%p endif %}")


def paragraphs(template: Path) -> dict[str, list[str]]:
    """Part name -> the text of each paragraph of that part, runs joined, in document order."""
    found = {}
    with zipfile.ZipFile(template) as package:
        for name in sorted(n for n in package.namelist() if TEXT_PARTS.match(n)):
            root = etree.fromstring(package.read(name))
            found[name] = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    return found


def runs(template: Path) -> dict[str, list[list[str]]]:
    """Part name -> for each paragraph, the Jinja tags of each of its runs (docxtpl reads tags run by run)."""
    found = {}
    with zipfile.ZipFile(template) as package:
        for name in sorted(n for n in package.namelist() if TEXT_PARTS.match(n)):
            root = etree.fromstring(package.read(name))
            found[name] = [
                [tag for r in p.iter(f"{W}r") for tag in JINJA.findall("".join(t.text or "" for t in r.iter(f"{W}t")))]
                for p in root.iter(f"{W}p")
            ]
    return found


def core_title(template: Path) -> str:
    with zipfile.ZipFile(template) as package:
        root = etree.fromstring(package.read("docProps/core.xml"))
    return "".join(root.find("{http://purl.org/dc/elements/1.1/}title").itertext())


@pytest.mark.parametrize("kind", KINDS)
def test_the_spanish_template_has_the_same_jinja_in_the_same_paragraphs(kind: str) -> None:
    english, spanish = runs(ROOT / "templates" / f"{kind}.docx"), runs(ROOT / "templates" / f"{kind}.es.docx")
    assert english.keys() == spanish.keys()
    for part in english:
        assert len(english[part]) == len(spanish[part]), f"{kind} {part}: a paragraph was added or removed"
        for number, (en, es) in enumerate(zip(english[part], spanish[part], strict=True)):
            assert en == es, f"{kind} {part}, paragraph {number}: {en} became {es}"


@pytest.mark.parametrize("kind", KINDS)
def test_no_english_sentence_is_left_in_the_spanish_template(kind: str) -> None:
    template = ROOT / "templates" / f"{kind}.es.docx"
    texts = [text for part in paragraphs(template).values() for text in part] + [core_title(template)]
    left = []
    for text in texts:
        prose = f" {JINJA.sub(' ', text).lower()} "
        words = set(re.findall(r"[a-záéíóúüñ’']+", prose))
        if words & set(ENGLISH):
            left.append(text)
    assert left == []
    assert core_title(template) != core_title(ROOT / "templates" / f"{kind}.docx")


@pytest.mark.parametrize("kind", KINDS)
def test_every_paragraph_with_words_is_translated(kind: str) -> None:
    # The stop words miss short headings ("Checklist", "Target"); the paragraphs line up one to one, so a
    # paragraph left as it was in English is found by comparing it with its English counterpart.
    english, spanish = (
        paragraphs(ROOT / "templates" / f"{kind}.docx"),
        paragraphs(ROOT / "templates" / f"{kind}.es.docx"),
    )
    same = [
        es
        for part in english
        for en, es in zip(english[part], spanish[part], strict=True)
        if en == es and re.search("[A-Za-z]", JINJA.sub("", en))
    ]
    assert same == []


@pytest.mark.parametrize("language", ["", ".es"])
def test_the_evaluation_plans_language_note_follows_the_title_block(language: str) -> None:
    body = paragraphs(ROOT / "templates" / f"evaluation-plan{language}.docx")["word/document.xml"]
    assert body[:5] == ["{{ document_title }}", "{{ partnership_name }}", *LANGUAGE_NOTE]


@pytest.mark.parametrize("language", ["", ".es"])
def test_the_packets_language_note_opens_about_this_packet(language: str) -> None:
    """Not on page 1: the quick-reference card must fit it, in Spanish too."""
    body = paragraphs(ROOT / "templates" / f"onboarding-packet{language}.docx")["word/document.xml"]
    heading = body.index({"": "About this packet", ".es": "Acerca de este paquete"}[language])
    assert body[heading + 2 : heading + 5] == list(LANGUAGE_NOTE)
