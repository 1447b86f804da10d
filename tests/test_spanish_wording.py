"""The shared wording in Spanish: lists, dates and the MOU, letter and subgrant sentences from the catalog."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.formatting import join_and, on_date, since_date
from pipeline.kinds import KINDS
from pipeline.locales import writing_in
from schemas.types import PartialDate

ROOT = Path(__file__).resolve().parent.parent
_PLACEHOLDER = re.compile(r"{(\w*)}")


@pytest.fixture
def spanish() -> Iterator[None]:
    """Everything inside is written in Spanish, from partnerdocs' own catalog."""
    with writing_in("es"):
        yield


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
