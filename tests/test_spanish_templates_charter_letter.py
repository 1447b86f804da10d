"""The Spanish templates of the governance charter and the letter of intent (issue 16).

A Spanish template is its English one with the fixed prose translated: the same Jinja tags in the same
paragraphs of the same parts (words may move around a value inside a sentence, so the order of the tags
within one paragraph may differ), no English sentence left in its fixed text, and it renders with the
context the English template gets.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXAMPLES, ROOT
from pipeline.kinds import KINDS
from pipeline.partnerships import load_one
from pipeline.render import render_template

KINDS_TRANSLATED = ("governance-charter", "letter-of-intent")
TEMPLATES = ROOT / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
# English words that no Spanish sentence uses; names that stay in English (a statute's official name,
# given after its Spanish description) are taken out first.
ENGLISH = re.compile(r"\b(the|and|shall|will|of the|with|is|are|we|our|this|that|to|for|by)\b", re.IGNORECASE)
ENGLISH_NAMES = ("Violence Against Women Act", "Victims of Crime Act")


def paragraphs(template: Path) -> Iterator[tuple[str, list[str]]]:
    """(part name, texts of the paragraph's runs) for every paragraph of every part that shows text."""
    with zipfile.ZipFile(template) as package:
        for name in sorted(n for n in package.namelist() if TEXT_PARTS.match(n)):
            root = etree.fromstring(package.read(name))
            for paragraph in root.iter(f"{W}p"):
                runs = ["".join(t.text or "" for t in run.iter(f"{W}t")) for run in paragraph.iter(f"{W}r")]
                yield name, runs


def tags_by_paragraph(template: Path) -> list[tuple[str, list[str]]]:
    return [(part, sorted(TAG.findall("".join(runs)))) for part, runs in paragraphs(template)]


def fixed_text(template: Path) -> list[str]:
    """The text of each paragraph outside its Jinja tags."""
    return [TAG.sub(" ", "".join(runs)) for _, runs in paragraphs(template)]


@pytest.mark.parametrize("kind", KINDS_TRANSLATED)
def test_the_spanish_template_has_the_english_templates_tags(kind: str) -> None:
    english, spanish = TEMPLATES / f"{kind}.docx", TEMPLATES / f"{kind}.es.docx"
    assert tags_by_paragraph(spanish) == tags_by_paragraph(english)
    # Each tag lies whole inside one run, as in the English template (Jinja sees runs joined only by XML).
    for part, runs in paragraphs(spanish):
        for run in runs:
            unpaired = TAG.sub("", run)
            assert "{{" not in unpaired and "{%" not in unpaired, f"{part}: a tag is split across runs: {run!r}"


@pytest.mark.parametrize("kind", KINDS_TRANSLATED)
def test_no_english_sentence_is_left_in_the_spanish_template(kind: str) -> None:
    spanish = TEMPLATES / f"{kind}.es.docx"
    texts = [text for text in fixed_text(spanish) if text.strip()]
    assert texts, "the template shows no fixed text at all"
    for text in texts:
        for name in ENGLISH_NAMES:
            text = text.replace(name, "")
        assert not ENGLISH.search(text), f"English left in {kind}.es.docx: {text!r}"
    with zipfile.ZipFile(spanish) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    title = re.search(r"<dc:title>([^<]*)</dc:title>", core)
    assert title and "plantilla" in title.group(1), core
    assert "<dc:language>es-US</dc:language>" in core


@pytest.mark.parametrize("kind", KINDS_TRANSLATED)
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_the_spanish_template_renders_with_the_english_context(kind: str, example: Path) -> None:
    loaded, problems = load_one(example)
    assert loaded is not None, problems
    planned = list(KINDS[kind].plan(loaded.partnership, dt.date(2026, 11, 1)))
    assert planned, f"{example.stem} has no {kind}"
    note = "Nota sobre el idioma de este documento."
    for document in planned:
        rendered = render_template(TEMPLATES / f"{kind}.es.docx", {**document.context, "language_note": note})
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in rendered.body.iter(f"{W}p"))
        assert note in text
        assert "Fecha:" in text or "Fecha de adopción:" in text
