"""What the language tests share: a pseudo-language made from the catalog template and the English Word
templates, and the check that a document's text holds no sentence in another language.

The pseudo-language ('en-XA', the tag Android and Chrome use for it) writes every message and every piece of
template prose as ⟦åççéñţéð ţéxţ~~~⟧: bracketed, so a sentence that bypassed the catalog or a template shows as
bare English, and about 35% longer, so a layout that only fits English breaks visibly.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po
from lxml import etree

from pipeline.formatting import written_dates
from pipeline.i18n import PACKAGED_CATALOGS
from pipeline.locales import writing_in
from pipeline.template_files import packaged_template

PSEUDO = "en-XA"
OPEN, CLOSE = "⟦", "⟧"
_ACCENTED = str.maketrans("aceinoruyACEINORUY", "åçéîñöŕüýÅÇÉÎÑÖŔÜÝ")
_PLACEHOLDER = re.compile(r"(\{[a-z_]*\})")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")

_ENGLISH = "the and of to with for shall will this that these those from by are is be its their which who when where"
_SPANISH = "el la los las del de y que en con para por una un se su sus al es son este esta estos estas cada debe como"
ENGLISH_STOP_WORDS = frozenset(f"{_ENGLISH} each any all must not or an".split(" "))  # not "may": a month
SPANISH_STOP_WORDS = frozenset(f"{_SPANISH} o".split(" "))


def pseudo(message: str) -> str:
    """A message in the pseudo-language: accented, a third longer, bracketed; placeholders kept as they are."""
    pieces = _PLACEHOLDER.split(message)
    text = "".join(piece if _PLACEHOLDER.fullmatch(piece) else piece.translate(_ACCENTED) for piece in pieces)
    return f"{OPEN}{text}{'~' * math.ceil(len(message) * 0.35)}{CLOSE}"


def write_pseudo_catalog(root: Path) -> Path:
    """locale/en_XA/LC_MESSAGES/partnerdocs.po under `root`, every message of the catalog template translated."""
    with (PACKAGED_CATALOGS / "partnerdocs.pot").open("rb") as pot:
        catalog = read_po(pot)
    catalog.locale = None
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(pseudo(form) for form in message.id)
        else:
            message.string = pseudo(message.id)
    target = root / "locale" / PSEUDO.replace("-", "_") / "LC_MESSAGES" / "partnerdocs.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as po:
        write_po(po, catalog)
    return target


def write_pseudo_template(kind_id: str, folder: Path) -> Path:
    """templates/<kind>.en-XA.docx: the English template with its prose in the pseudo-language, Jinja untouched."""
    source = packaged_template(f"{kind_id}.docx")
    target = folder / f"{kind_id}.{PSEUDO}.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if _TEXT_PARTS.match(item.filename):
                data = _pseudo_part(data)
            copy.writestr(item, data)
    return target


def _pseudo_part(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for paragraph in root.iter(f"{{{_W}}}p"):
        texts = [t for t in paragraph.iter(f"{{{_W}}}t") if t.text]
        whole = "".join(t.text or "" for t in texts)
        inside = [False] * len(whole)
        for match in _JINJA.finditer(whole):
            inside[match.start() : match.end()] = [True] * (match.end() - match.start())
        offset = 0
        for t in texts:
            text = t.text or ""
            t.text = "".join(_pseudo_pieces(text, inside[offset : offset + len(text)]))
            offset += len(text)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _pseudo_pieces(text: str, inside: list[bool]) -> Iterator[str]:
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or inside[index] != inside[start]:
            piece = text[start:index]
            yield piece if inside[start] or not re.search(r"[A-Za-z]{2}", piece) else pseudo(piece)
            start = index


_NAME_WORD = r"(?:[A-Z][\w’'.-]*|of|the|and|for|in|on|to|[\d.]+(?:\(\w+\))*|§)"
_ENGLISH_NAME = re.compile(rf"\({_NAME_WORD}(?:[ ,;]+{_NAME_WORD})*\)")
"""An official English name kept in parentheses after its translation, as the glossary asks:
'(Civil Rights Act of 1964)', '(Victims of Crime Act, VOCA; 28 CFR 94.115)'. Every word is capitalized, a
number, a citation or a small joining word."""


def user_values(partnership_file: Path, language: str = "en") -> list[str]:
    """Every string the partnership file holds (each language's, each line of each), longest first: text that
    is the coalition's own and may be in any language. Each also as documents print it in `language`, with its
    ISO dates written out ('signed 2025-10-01' -> 'signed October 1, 2025')."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            for text in (value, *value.splitlines(), value.rstrip(".")):  # documents drop a final stop in lists
                found.add(" ".join(text.split()))
                with writing_in(language):
                    found.add(" ".join(written_dates(text).split()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(yaml.safe_load(partnership_file.read_text(encoding="utf-8")))
    return sorted((v for v in found if len(v) > 2), key=len, reverse=True)


def foreign_lines(
    lines: Iterable[str], stop_words: frozenset[str], known: list[str], bracketed: bool = False
) -> list[str]:
    """The lines that hold a stop word of the other language once the coalition's own values (and, for the
    pseudo-language, everything bracketed) are taken out."""
    found = []
    for line in lines:
        rest = " ".join(line.split())
        if bracketed:
            rest = re.sub(f"{OPEN}.*?{CLOSE}", " ", rest, flags=re.DOTALL)
        for value in known:
            if value in rest:
                rest = rest.replace(value, " ")
        rest = _ENGLISH_NAME.sub(" ", rest)
        # Whole tokens: a fingerprint ('be2f1cc88a53') or a citation ('94.115') holds no word of either language.
        tokens = re.findall(r"\w+(?:[-'’]\w+)*", rest)
        words = {token.lower() for token in tokens if not re.search(r"[\d_]", token)}
        if words & stop_words:
            found.append(line)
    return found
