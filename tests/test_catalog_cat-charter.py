"""The Spanish fragment catalog of the charter, the evaluation plan, the partnership plan and their figures.

Every message is translated, and every translation keeps exactly the {placeholders} of its English message:
a placeholder lost or misspelled would print a value in no language, or fail the render (str.format).
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

FRAGMENT = Path(__file__).resolve().parents[1] / "pipeline" / "locale" / "fragments" / "cat-charter.po"


def _messages() -> list[Message]:
    with FRAGMENT.open("rb") as po:
        catalog = read_po(po)
    return [message for message in catalog if message.id]


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def test_the_fragment_is_spanish_with_two_plural_forms() -> None:
    with FRAGMENT.open("rb") as po:
        catalog = read_po(po)
    assert str(catalog.locale) == "es"
    assert catalog.num_plurals == 2
    assert catalog.plural_expr.replace(" ", "") == "(n!=1)"
    assert len(_messages()) > 150


@pytest.mark.parametrize("message", _messages(), ids=lambda m: str(m.id if isinstance(m.id, str) else m.id[0])[:60])
def test_every_translation_keeps_the_placeholders_of_its_message(message: Message) -> None:
    english = _forms(message.id)
    spanish = _forms(message.string)
    assert not message.fuzzy
    assert len(spanish) == len(english)
    assert all(form.strip() for form in spanish), "untranslated"
    expected = set().union(*(_placeholders(form) for form in english))
    for form in spanish:
        assert _placeholders(form) == expected
        form.format(**dict.fromkeys(expected, "x"))  # well-formed braces
