"""The Spanish fragment catalog of the onboarding packet's modules and the confidentiality clauses.

Each translation must fill exactly the placeholders its English message names (a missing one loses a fact, an
extra one raises KeyError while a document is built), cover every message those modules write, and keep to the
glossary's few hard rules (docs/glossary-es.md).
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from conftest import ROOT

FRAGMENT = ROOT / "pipeline" / "locale" / "fragments" / "cat-onboarding.po"
CONTEXTS = ROOT / "pipeline" / "contexts"
MODULES = [*sorted(CONTEXTS.glob("onboarding_*.py")), CONTEXTS / "confidentiality.py"]
KEYWORDS = {"_": None, "_n": (1, 2), "_p": ((1, "c"), 2), "N_": None}


def _catalog() -> Catalog:
    with FRAGMENT.open("rb") as po:
        return read_po(po, domain="partnerdocs")


def _messages() -> list[Message]:
    return [message for message in _catalog() if message.id]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _label(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple) else message.id)[:60]


def test_the_fragment_is_a_spanish_catalog_with_two_plural_forms() -> None:
    catalog = _catalog()
    assert str(catalog.locale) == "es"
    assert catalog.num_plurals == 2
    assert catalog.plural_expr == "(n != 1)"
    assert not catalog.fuzzy


@pytest.mark.parametrize("message", _messages(), ids=_label)
def test_each_translation_keeps_the_placeholders_of_its_message(message: Message) -> None:
    assert not message.fuzzy
    if isinstance(message.id, tuple):
        singular, plural = message.id
        assert isinstance(message.string, tuple) and all(message.string)
        assert _fields(message.string[0]) == _fields(singular)
        assert _fields(message.string[1]) == _fields(plural)
    else:
        assert message.string
        assert _fields(message.string) == _fields(message.id)


def test_the_fragment_translates_every_message_the_modules_write_and_no_other() -> None:
    written = set()
    for module in MODULES:
        for _, text, _, context in extract_from_file("python", module, keywords=KEYWORDS):
            written.add((context, text[0] if isinstance(text, tuple) else text))
    translated = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in _messages()}
    assert written - translated == set(), "run pybabel extract and translate the new messages"
    assert translated - written == set(), "these messages are no longer in the code"


# The glossary's hard rules: usted, never "tú"; "derivar", never "referir"; "trata de personas", never "tráfico";
# inclusive without slashes or at signs.
FORBIDDEN = re.compile(r"\b(?:tú|tu|tus|referir\w*|referid[oa]s?|tráfico de personas)\b|\w/\w|@", re.IGNORECASE)


@pytest.mark.parametrize("message", _messages(), ids=_label)
def test_each_translation_follows_the_glossary(message: Message) -> None:
    translations = message.string if isinstance(message.string, tuple) else (message.string,)
    for text in translations:
        assert not FORBIDDEN.search(text), text


def test_the_fragment_is_utf8_with_typographic_quotes_kept() -> None:
    text = Path(FRAGMENT).read_text(encoding="utf-8")
    assert "charset=utf-8" in text
    assert "“una víctima de trata”" in text
