"""The Spanish Word templates of the emergency guide and the partnership plan are twins of the English ones.

A Spanish template is rendered with the same context as its English twin (only the language it is built in
differs), so it must hold exactly the same Jinja, paragraph by paragraph, in the same styles; its fixed prose
must be Spanish; and both carry the language note right after the title block.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from pipeline.kinds import KINDS
from pipeline.locales import writing_in
from pipeline.partnerships import load_partnerships
from pipeline.render import render_template
from pipeline.template_files import packaged_template

KINDS_HERE = ("emergency-response-guide", "partnership-plan")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
# Words that are English and never Spanish: one of them outside a Jinja tag is an untranslated sentence.
ENGLISH = re.compile(
    r"\b(the|and|of|to|for|with|this|that|these|is|are|be|shall|will|each|every|who|when|page|gap|member)\b",
    re.IGNORECASE,
)
NOTE = ["{%p if language_note %}", "{{ language_note }}", "{%p endif %}"]


def templates(kind: str) -> tuple[Path, Path]:
    return packaged_template(f"{kind}.docx"), packaged_template(f"{kind}.es.docx")


def paragraphs(template: Path) -> dict[str, list[tuple[str, str]]]:
    """Part name -> (style, text) of each paragraph, in order, headers and footers included."""
    found = {}
    with zipfile.ZipFile(template) as archive:
        for name in archive.namelist():
            if PARTS.fullmatch(name):
                root = etree.fromstring(archive.read(name))
                found[name] = [(_style(p), "".join(t.text or "" for t in p.iter(f"{W}t"))) for p in root.iter(f"{W}p")]
    return found


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else str(style.get(f"{W}val"))


def core_title(template: Path) -> str:
    with zipfile.ZipFile(template) as archive:
        root = etree.fromstring(archive.read("docProps/core.xml"))
    return root.findtext("{http://purl.org/dc/elements/1.1/}title") or ""


@pytest.mark.parametrize("kind", KINDS_HERE)
def test_spanish_template_has_the_same_jinja_in_the_same_paragraphs_and_styles(kind: str) -> None:
    english, spanish = (paragraphs(path) for path in templates(kind))
    assert sorted(spanish) == sorted(english)
    for part in english:
        assert [style for style, _ in spanish[part]] == [style for style, _ in english[part]], part
        for (_, en), (_, es) in zip(english[part], spanish[part], strict=True):
            assert Counter(TAG.findall(es)) == Counter(TAG.findall(en)), f"{part}: {en!r} / {es!r}"


@pytest.mark.parametrize("kind", KINDS_HERE)
def test_spanish_template_has_no_english_sentence(kind: str) -> None:
    _, spanish = templates(kind)
    texts = [text for part in paragraphs(spanish).values() for _, text in part] + [core_title(spanish)]
    english = [text for text in texts if ENGLISH.search(TAG.sub(" ", text))]
    assert english == []


@pytest.mark.parametrize("kind", KINDS_HERE)
def test_language_note_follows_the_title_block_in_both_languages(kind: str) -> None:
    for template in templates(kind):
        body = paragraphs(template)["word/document.xml"]
        subtitle = next(i for i, (style, _) in enumerate(body) if style == "Subtitle")
        assert body[subtitle + 1 : subtitle + 4] == [("", tag) for tag in NOTE], template.name


@pytest.mark.parametrize("kind", KINDS_HERE)
def test_spanish_template_renders_every_example(kind: str) -> None:
    _, spanish = templates(kind)
    planned = 0
    for loaded in load_partnerships([ROOT / "partnerships"]):
        with writing_in("es"):
            for document in KINDS[kind].plan(loaded.partnership):
                context = {**document.context, "language_note": "Nota de idioma."}
                body = render_template(spanish, context).body
                texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
                assert "Nota de idioma." in texts[:4], texts[:4]
                assert not any(TAG.search(text) for text in texts), loaded.slug
                planned += 1
    assert planned > 0
