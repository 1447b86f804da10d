"""The Spanish fragment catalog of the MOU, the letters of intent, the subgrant agreements and the shared wording
helpers (pipeline/locale/fragments/cat-mou.po): complete, well-formed, and used by the documents it translates."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from pipeline import i18n
from pipeline.formatting import join_and, on_date, since_date
from pipeline.kinds import KINDS
from pipeline.locales import writing_in
from schemas.types import PartialDate

ROOT = Path(__file__).resolve().parent.parent
FRAGMENT = ROOT / "pipeline" / "locale" / "fragments" / "cat-mou.po"
# The modules whose messages the fragment translates.
SOURCES = (
    "pipeline/formatting.py",
    *(
        f"pipeline/contexts/{name}.py"
        for name in (
            "common",
            "current",
            "leadership",
            "letter_agreement",
            "letter_governance",
            "letter_of_intent",
            "letter_wording",
            "member_wording",
            "mou",
            "mou_funding",
            "mou_roles",
            "mou_sections",
            "mou_terms",
            "name_in_address",
            "subgrant_agreement",
            "texts",
            "wording",
        )
    ),
)
KEYWORDS = {"_": None, "_n": (1, 2), "_p": ((1, "c"), 2), "N_": None}
_PLACEHOLDER = re.compile(r"{(\w*)}")


def _catalog() -> Catalog:
    with FRAGMENT.open("rb") as po:
        return read_po(po, locale="es")


def _messages() -> list[Message]:
    return [message for message in _catalog() if message.id]


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def test_the_fragment_is_a_spanish_catalog_with_two_plural_forms() -> None:
    catalog = _catalog()
    assert str(catalog.locale) == "es"
    assert catalog.num_plurals == 2
    assert catalog.plural_expr == "(n != 1)"
    assert not catalog.fuzzy
    assert FRAGMENT.read_bytes().decode("utf-8")  # UTF-8 throughout


@pytest.mark.parametrize("message", _messages(), ids=lambda m: str(m.id)[:60])
def test_every_message_is_translated_with_the_same_placeholders(message: Message) -> None:
    if message.pluralizable:
        singular, plural = message.id
        spanish = message.string
        assert all(spanish), f"untranslated: {singular!r}"
        assert _placeholders(spanish[0]) == _placeholders(singular)
        assert _placeholders(spanish[1]) == _placeholders(plural)
    else:
        assert message.string, f"untranslated: {message.id!r}"
        assert _placeholders(message.string) == _placeholders(message.id)
    assert not message.fuzzy


def test_the_fragment_holds_every_message_of_its_modules_and_no_other() -> None:
    """Extracted as `make messages` and pybabel extract do, so the fragment cannot fall behind the code."""
    in_code = set()
    for source in SOURCES:
        for _line, message, _comments, context in extract_from_file("python", ROOT / source, keywords=KEYWORDS):
            in_code.add((context, message if isinstance(message, str) else tuple(message)))
    in_fragment = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in _messages()}
    assert in_code - in_fragment == set(), "messages without a translation"
    assert in_fragment - in_code == set(), "translations of messages the code no longer has"


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fragment as the working directory's Spanish catalog, alone, inside writing_in('es').

    partnerdocs' own catalogs are set aside: merged under the fragment they would lend it their plural rule, and
    the test would no longer show what the fragment itself translates."""
    folder = tmp_path / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(FRAGMENT, folder / "partnerdocs.po")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(i18n, "PACKAGED_CATALOGS", tmp_path / "no-packaged-catalogs")
    i18n.translations.cache_clear()
    try:
        with writing_in("es"):
            yield
    finally:
        i18n.translations.cache_clear()


@pytest.mark.usefixtures("spanish")
def test_lists_and_dates_read_as_spanish() -> None:
    assert join_and(["Legal Aid", "HSI", "Bridgewell"]) == "Legal Aid, HSI y Bridgewell"
    assert join_and(["Legal Aid", "HSI"], "or") == "Legal Aid o HSI"
    assert on_date(PartialDate(2019, 3, 14)) == "el 14 de marzo de 2019"
    assert on_date(PartialDate(2019, 3)) == "en marzo de 2019"
    assert since_date(PartialDate(2019)) == "desde 2019"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name))


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize("kind", ["mou", "letter-of-intent", "subgrant-agreement"])
def test_spanish_contexts_fill_every_placeholder(kind: str) -> None:
    """Built in Spanish, no sentence keeps a {placeholder} and the fixed English sentences are gone."""
    from pipeline.partnerships import load_one

    texts = []
    for path in sorted((ROOT / "partnerships").glob("*.yaml")):
        loaded, problems = load_one(path)
        assert loaded is not None, problems
        if KINDS[kind].requires(loaded.partnership) is None:
            texts += [text for planned in KINDS[kind].plan(loaded.partnership) for text in _strings(planned.context)]
    assert texts
    assert not [text for text in texts if _PLACEHOLDER.search(text)]
    english = ("This Memorandum", "The Partnership is", "On behalf of", "If the award is made", "The Pass-Through")
    assert not [text for text in texts if text.startswith(english)]
