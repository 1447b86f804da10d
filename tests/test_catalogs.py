"""The message catalogs: the template holds every message the code marks, and each language translates them all.

`make messages` extracts the catalog template (pipeline/locale/partnerdocs.pot) and updates each language's
.po file; a test here fails when someone changed a sentence in code and forgot to run it, or left a message
untranslated, fuzzy (a guess nobody confirmed) or with other placeholders than its English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from pipeline.i18n import PACKAGED_CATALOGS

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "_n": (1, 2), "_p": ((1, "c"), 2), "N_": None}
"""The extraction keywords of pipeline.i18n, as the Makefile's `pybabel extract -k` spells them."""
COUNTS = {"count", "number"}
"""Placeholders that only say how many: a plural form may write the count its own way (or, for one, not at all)."""
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
LANGUAGES = sorted(path.parent.parent.name for path in PACKAGED_CATALOGS.glob("*/LC_MESSAGES/partnerdocs.po"))


def _read(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def _key(message: Message) -> tuple[str, str]:
    return (message.context or "", message.id[0] if isinstance(message.id, tuple) else message.id)


def test_the_catalog_template_holds_every_message_the_code_marks() -> None:
    marked = {
        (context or "", msgid[0] if isinstance(msgid, tuple) else msgid)
        for folder in ("pipeline", "schemas")
        for _file, _line, msgid, _comments, context in extract_from_dir(ROOT / folder, keywords=KEYWORDS)
    }
    template = {_key(m) for m in _read(PACKAGED_CATALOGS / "partnerdocs.pot") if m.id}
    assert sorted(marked - template) == [], "marked in the code but not extracted: run `make messages`"
    assert sorted(template - marked) == [], "extracted but no longer in the code: run `make messages`"


def test_spanish_is_shipped() -> None:
    assert "es" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    catalog = _read(PACKAGED_CATALOGS / language / "LC_MESSAGES" / "partnerdocs.po")
    template = {_key(m) for m in _read(PACKAGED_CATALOGS / "partnerdocs.pot") if m.id}
    assert {_key(m) for m in catalog if m.id} == template, "run `make messages` to update the catalog"
    problems = [f"{_key(m)}: {problem}" for m in catalog if m.id for problem in _problems(m, catalog.num_plurals)]
    assert problems == []


def _problems(message: Message, plurals: int) -> Iterator[str]:
    if message.fuzzy:
        yield "fuzzy (a guess no translator confirmed)"
    if not isinstance(message.id, tuple):
        if not isinstance(message.string, str) or not message.string.strip():
            yield "not translated"
        elif _placeholders(message.string) != _placeholders(message.id):
            yield f"placeholders {sorted(_placeholders(message.string))}, not {sorted(_placeholders(message.id))}"
        return
    wanted = _placeholders(message.id[0]) | _placeholders(message.id[1])
    forms = message.string if isinstance(message.string, tuple) else ()
    if len(forms) != plurals or not all(form.strip() for form in forms):
        yield f"{plurals} plural forms are needed"
    for form in forms:
        if extra := _placeholders(form) - wanted - {"count"}:
            yield f"{form!r} has placeholders its message does not give: {sorted(extra)}"
        if missing := wanted - COUNTS - _placeholders(form):
            yield f"{form!r} leaves out {sorted(missing)}"


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


FORBIDDEN_IN_SPANISH = re.compile(
    r"\b(?:tú|tu|tus|referir\w*|referid[oa]s?|tráfico de personas|contactos? de respaldo)\b|\w/\w|@", re.IGNORECASE
)
"""The glossary's hard rules (docs/glossary-es.md): usted, never tú; derivar, never referir; trata de personas,
never tráfico; contacto suplente; inclusive without slashes or at signs."""


def test_the_spanish_catalog_follows_the_glossary() -> None:
    catalog = _read(PACKAGED_CATALOGS / "es" / "LC_MESSAGES" / "partnerdocs.po")
    broken = [
        text
        for message in catalog
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if FORBIDDEN_IN_SPANISH.search(text)
    ]
    assert broken == []
